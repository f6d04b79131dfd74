// /api/repairs: the acting subject sees which records can be repaired and when (two-in-one notice:
// whether, how and from when), plans, applies, and follows its applications.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { chinaDate } from '../../../src/domain/dates'
import { repairBody, repairListQuery, RepairParams } from '../../../src/contract/repairs'
import type { AppContext } from '../../context'
import { actingSubject, requireAuth } from '../../http/auth'
import { inUnitOfWork } from '../../http/idempotency'
import { parse } from '../../http/validate'
import { eligibilityItems, loadCases } from '../../repairs/cases'
import { repairPlan } from '../../repairs/plan'
import { listMine } from '../../repairs/queries'
import { getRepair, submitRepair } from '../../repairs/repairs'

export const repairParam = (request: FastifyRequest) => parse(RepairParams, request.params).id

export default async function repairRoutes(app: FastifyInstance, ctx: AppContext) {
  const { db } = ctx
  app.addHook('onRequest', requireAuth(ctx.config.jwtSecret))

  app.get('/api/repairs/eligibility', async (request) => {
    const subject = await actingSubject(db, request)
    return { items: eligibilityItems(await loadCases(db, subject.id), chinaDate(ctx.now())) }
  })

  app.get('/api/repairs/plan', async (request) => {
    const subject = await actingSubject(db, request)
    return repairPlan(db, subject.id, ctx.now())
  })

  app.post('/api/repairs', { config: { unitOfWork: true } }, async (request, reply) => {
    const subject = await actingSubject(db, request)
    const body = parse(repairBody, request.body)
    const input = { subjectId: subject.id, userId: request.user!.id, recordId: body.recordId, commitmentId: body.commitmentId, attachmentIds: body.attachmentIds }
    return inUnitOfWork(request, reply, db, async (trx) => ({ status: 201, body: await submitRepair(trx, ctx.config.messageTemplates, input, ctx.now()) }))
  })

  app.get('/api/repairs', async (request) => {
    const subject = await actingSubject(db, request)
    const q = parse(repairListQuery, request.query)
    return listMine(db, subject.id, q.cursor, ctx.now())
  })

  app.get('/api/repairs/:id', async (request) => {
    const subject = await actingSubject(db, request)
    return getRepair(db, subject.id, repairParam(request), ctx.now())
  })
}
