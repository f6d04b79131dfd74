// /api/officer/*: department officers' decisions (role 'officer'). Schemas: src/contract/officer.
import type { FastifyInstance } from 'fastify'
import { CommitmentDecision, CommitmentDecisionBody, CommitmentDecisionParams } from '../../../src/contract/officer'
import type { AppContext } from '../../context'
import { conclude } from '../../commitments/commitments'
import { requireAuth, requireRole } from '../../http/auth'
import { onContract } from '../../http/contract'
import { inUnitOfWork } from '../../http/idempotency'
import { logDecision } from '../../officers/decision-log'
import { officerOf } from '../../officers/scope'
import { parse } from '../../http/validate'

export default async function officerRoutes(app: FastifyInstance, ctx: AppContext) {
  const { db } = ctx
  const r = onContract(app, ctx)
  r.addHook('onRequest', requireAuth(ctx.config.jwtSecret))
  r.addHook('preHandler', requireRole('officer'))

  // A write: `:id` and the body are parsed in the handler, after the role and Idempotency-Key checks.
  r.post('/api/officer/commitments/:id/decision', { config: { unitOfWork: true }, schema: { response: { 200: CommitmentDecision } } }, async (request, reply) => {
    const { id } = parse(CommitmentDecisionParams, request.params)
    const body = parse(CommitmentDecisionBody, request.body)
    const officer = await officerOf(db, request.user!.id)
    return inUnitOfWork(request, reply, db, async (trx) => {
      const decided = await conclude(trx, { id, outcome: body.outcome, reason: body.reason, officer: { id: officer.id, orgName: officer.department } })
      logDecision(request.log, '信用承诺认定', officer, { commitmentId: id, outcome: decided.status, recordId: decided.recordId })
      return { status: 200, body: decided }
    })
  })
}
