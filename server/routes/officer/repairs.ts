// /api/officer/repairs (role 'officer'): the queue of repair applications by due date, one case with
// its proof, commitment and hours record, and the decision. Schemas: src/contract/repairs.
import type { FastifyInstance } from 'fastify'
import { OfficerRepairCase, OfficerRepairPage, officerRepairQuery, RepairApplication, RepairParams, repairDecisionBody } from '../../../src/contract/repairs'
import type { AppContext } from '../../context'
import { requireAuth, requireRole } from '../../http/auth'
import { onContract } from '../../http/contract'
import { inUnitOfWork } from '../../http/idempotency'
import { parse } from '../../http/validate'
import { logDecision } from '../../officers/decision-log'
import { officerOf } from '../../officers/scope'
import { officerQueue, officerView } from '../../repairs/queries'
import { decideRepair } from '../../repairs/repairs'
import { repairParam } from '../repairs'

export default async function officerRepairRoutes(app: FastifyInstance, ctx: AppContext) {
  const { db } = ctx
  const r = onContract(app, ctx)
  // The role is checked on request, before the query or the body is looked at.
  r.addHook('onRequest', requireAuth(ctx.config.jwtSecret))
  r.addHook('onRequest', requireRole('officer'))

  r.get('/api/officer/repairs', { schema: { querystring: officerRepairQuery, response: { 200: OfficerRepairPage } } }, async (request) => officerQueue(db, await officerOf(db, request.user!.id), request.query.status, ctx.now()))

  r.get('/api/officer/repairs/:id', { schema: { params: RepairParams, response: { 200: OfficerRepairCase } } }, async (request) => officerView(db, await officerOf(db, request.user!.id), request.params.id, ctx.now()))

  r.post('/api/officer/repairs/:id/decision', { config: { unitOfWork: true }, schema: { response: { 200: RepairApplication } } }, async (request, reply) => {
    const id = repairParam(request)
    const body = parse(repairDecisionBody, request.body)
    const officer = await officerOf(db, request.user!.id)
    return inUnitOfWork(request, reply, db, async (trx) => {
      const decided = await decideRepair(trx, ctx.config.messageTemplates, id, officer, body, ctx.now())
      logDecision(request.log, '信用修复决定', officer, { repairId: id, outcome: body.outcome, recordId: decided.recordId })
      return { status: 200, body: decided }
    })
  })
}
