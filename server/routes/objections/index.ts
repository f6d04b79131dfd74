// /api/objections (the acting subject files and follows its objections) and
// /api/officer/objections (role 'officer': the queue, accept, transfer, decide).
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { validateObjection, type ObjectionReason } from '../../../src/domain/objection'
import { chinaDate } from '../../../src/domain/dates'
import type { AppContext } from '../../context'
import { actingSubject, requireAuth, requireRole } from '../../http/auth'
import { badRequest } from '../../http/errors'
import { inUnitOfWork } from '../../http/idempotency'
import { parse, text } from '../../http/validate'
import { acceptObjection, decideObjection, fileObjection, getObjection, transferObjection } from '../../objections/objections'
import { listMine, officerQueue, officerView } from '../../objections/queries'
import { officerOf } from '../../officers/scope'

const id = z.string().max(100)
const fileBody = z.object({
  recordId: text('信用记录', 100),
  reason: z.string({ error: '请选择异议理由' }).max(40, { error: '请选择异议理由' }),
  description: z.string({ error: '请说明异议的具体情况' }).max(2000, { error: '异议说明过长' }),
  attachmentIds: z.array(id, { error: '证明材料格式不正确' }).max(50, { error: '证明材料过多' }).default([]),
})
const decisionBody = z.object({
  outcome: z.enum(['correct', 'revoke', 'uphold'], { error: '请选择处理结果：更正、撤销或维持' }),
  reasons: text('决定理由', 1000),
  correction: z
    .object({
      title: text('更正后的标题', 200).optional(),
      content: text('更正后的内容', 2000).optional(),
      documentNo: text('更正后的决定文书号', 100).optional(),
      severity: z.enum(['轻微', '一般', '严重'], { error: '失信程度不正确' }).optional(),
    }, { error: '更正内容格式不正确' })
    .optional(),
})

const paramId = (request: FastifyRequest) => parse(z.object({ id: text('异议', 100) }), request.params).id

export default async function objectionRoutes(app: FastifyInstance, ctx: AppContext) {
  const { db } = ctx
  const templates = () => ctx.config.messageTemplates
  app.addHook('onRequest', requireAuth(ctx.config.jwtSecret))

  app.post('/api/objections', { config: { unitOfWork: true } }, async (request, reply) => {
    const subject = await actingSubject(db, request)
    const body = parse(fileBody, request.body)
    const checked = validateObjection(body)
    if (!checked.ok) throw badRequest(checked.message)
    const filing = { subjectId: subject.id, userId: request.user!.id, recordId: body.recordId, reason: checked.value.reason as ObjectionReason, description: checked.value.description, attachmentIds: [...checked.value.attachmentIds] }
    return inUnitOfWork(request, reply, db, async (trx) => ({ status: 201, body: await fileObjection(trx, templates(), filing, ctx.now()) }))
  })

  app.get('/api/objections', async (request) => {
    const subject = await actingSubject(db, request)
    const q = parse(z.object({ cursor: z.string().max(300).optional() }), request.query)
    return listMine(db, subject.id, q.cursor, ctx.now())
  })

  app.get('/api/objections/:id', async (request) => {
    const subject = await actingSubject(db, request)
    return getObjection(db, subject.id, paramId(request), ctx.now())
  })

  const officer = { preHandler: requireRole('officer') }
  const officerWrite = { ...officer, config: { unitOfWork: true } }
  const whoIs = (request: FastifyRequest) => officerOf(db, request.user!.id)

  app.get('/api/officer/objections', officer, async (request) => {
    const q = parse(z.object({ status: z.enum(['已提交', '核查中', '已转办', '已办结'], { error: '异议状态不正确' }).optional() }), request.query)
    return officerQueue(db, await whoIs(request), q.status, ctx.now())
  })

  app.get('/api/officer/objections/:id', officer, async (request) => officerView(db, await whoIs(request), paramId(request), chinaDate(ctx.now())))

  app.post('/api/officer/objections/:id/accept', officerWrite, async (request, reply) => {
    const who = await whoIs(request)
    return inUnitOfWork(request, reply, db, async (trx) => ({ status: 200, body: await acceptObjection(trx, templates(), paramId(request), who, ctx.now()) }))
  })

  app.post('/api/officer/objections/:id/transfer', officerWrite, async (request, reply) => {
    const body = parse(z.object({ department: text('转办部门', 100), note: text('转办说明', 500) }), request.body)
    const who = await whoIs(request)
    return inUnitOfWork(request, reply, db, async (trx) => ({ status: 200, body: await transferObjection(trx, templates(), paramId(request), who, body, ctx.now()) }))
  })

  app.post('/api/officer/objections/:id/decision', officerWrite, async (request, reply) => {
    const body = parse(decisionBody, request.body)
    if (body.outcome === 'correct' && !Object.values(body.correction ?? {}).some((v) => v !== undefined)) {
      throw badRequest('更正记录时，请填写要更正的内容（标题、内容、文书号或失信程度）')
    }
    const who = await whoIs(request)
    return inUnitOfWork(request, reply, db, async (trx) => ({ status: 200, body: await decideObjection(trx, templates(), paramId(request), who, body, ctx.now()) }))
  })
}
