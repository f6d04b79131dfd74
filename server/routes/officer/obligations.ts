// /api/officer/records/:id/obligation-met (role 'officer'): the record's department, or the credit
// authority, records that the duty its decision imposed was met (部门推送). Schemas: src/contract/obligations.
import type { FastifyInstance } from 'fastify'
import { ObligationMet, ObligationMetBody, ObligationMetParams } from '../../../src/contract/obligations'
import type { AppContext } from '../../context'
import { requireAuth, requireRole } from '../../http/auth'
import { onContract } from '../../http/contract'
import { inUnitOfWork } from '../../http/idempotency'
import { parse } from '../../http/validate'
import { logDecision } from '../../officers/decision-log'
import { officerOf } from '../../officers/scope'
import { pushObligationMet } from '../../records/obligation-push'

export default async function officerObligationRoutes(app: FastifyInstance, ctx: AppContext) {
  const { db } = ctx
  const r = onContract(app, ctx)
  // The role is checked on request, before the body is looked at.
  r.addHook('onRequest', requireAuth(ctx.config.jwtSecret))
  r.addHook('onRequest', requireRole('officer'))

  // A write: `:id` and the body are parsed in the handler, after the Idempotency-Key check.
  r.post('/api/officer/records/:id/obligation-met', { config: { unitOfWork: true }, schema: { response: { 200: ObligationMet } } }, async (request, reply) => {
    const { id } = parse(ObligationMetParams, request.params)
    const body = parse(ObligationMetBody, request.body)
    const officer = await officerOf(db, request.user!.id)
    return inUnitOfWork(request, reply, db, async (trx) => {
      const met = await pushObligationMet(trx, ctx.config.messageTemplates, officer, { recordId: id, metOn: body.metOn, note: body.note }, ctx.now())
      logDecision(request.log, '义务履行记录', officer, { recordId: id, outcome: met.source === '部门推送' ? '已履行' : '已履行（修复审核确认）' })
      return { status: 200, body: met }
    })
  })
}
