// /api/repairs: the acting subject sees which records can be repaired and when (two-in-one notice:
// whether, how and from when), plans, applies, and follows its applications.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { chinaDate } from '../../../src/domain/dates'
import { repairBody, repairListQuery, RepairApplication, RepairEligibilityResponse, RepairPage, RepairParams, RepairPlanResponse } from '../../../src/contract/repairs'
import type { AppContext } from '../../context'
import { actingSubject, requireAuth } from '../../http/auth'
import { onContract } from '../../http/contract'
import { inUnitOfWork } from '../../http/idempotency'
import { parse } from '../../http/validate'
import { eligibilityItems, loadCases } from '../../repairs/cases'
import { repairPlan } from '../../repairs/plan'
import { listMine } from '../../repairs/queries'
import { getRepair, submitRepair } from '../../repairs/repairs'

export const repairParam = (request: FastifyRequest) => parse(RepairParams, request.params).id

export default async function repairRoutes(app: FastifyInstance, ctx: AppContext) {
  const { db } = ctx
  const r = onContract(app, ctx)
  r.addHook('onRequest', requireAuth(ctx.config.jwtSecret))

  r.get('/api/repairs/eligibility', { schema: { response: { 200: RepairEligibilityResponse } } }, async (request) => {
    const subject = await actingSubject(db, request)
    return { items: eligibilityItems(await loadCases(db, subject.id), chinaDate(ctx.now())) }
  })

  r.get('/api/repairs/plan', { schema: { response: { 200: RepairPlanResponse } } }, async (request) => {
    const subject = await actingSubject(db, request)
    return repairPlan(db, subject.id, ctx.now())
  })

  r.post('/api/repairs', { config: { unitOfWork: true }, schema: { response: { 201: RepairApplication } } }, async (request, reply) => {
    const subject = await actingSubject(db, request)
    const body = parse(repairBody, request.body)
    const input = { subjectId: subject.id, userId: request.user!.id, recordId: body.recordId, commitmentId: body.commitmentId, attachmentIds: body.attachmentIds }
    return inUnitOfWork(request, reply, db, async (trx) => ({ status: 201, body: await submitRepair(trx, ctx.config.messageTemplates, input, ctx.now()) }))
  })

  r.get('/api/repairs', { schema: { querystring: repairListQuery, response: { 200: RepairPage } } }, async (request) => {
    const subject = await actingSubject(db, request)
    return listMine(db, subject.id, request.query.cursor, ctx.now())
  })

  r.get('/api/repairs/:id', { schema: { params: RepairParams, response: { 200: RepairApplication } } }, async (request) => {
    const subject = await actingSubject(db, request)
    return getRepair(db, subject.id, request.params.id, ctx.now())
  })
}
