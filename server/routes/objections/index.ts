// /api/objections (the acting subject files and follows its objections) and
// /api/officer/objections (role 'officer': the queue, accept, transfer, decide). Schemas: src/contract/objections.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import {
  DecisionBody, FileObjectionBody, MyObjectionsQuery, Objection, ObjectionPage, ObjectionParams, OfficerObjection, OfficerObjectionPage, OfficerObjectionsQuery,
  TransferBody,
} from '../../../src/contract/objections'
import { validateObjection } from '../../../src/domain/objection'
import { chinaDate } from '../../../src/domain/dates'
import type { AppContext } from '../../context'
import { actingSubject, requireAuth, requireRole } from '../../http/auth'
import { onContract } from '../../http/contract'
import { badRequest } from '../../http/errors'
import { inUnitOfWork } from '../../http/idempotency'
import { parse } from '../../http/validate'
import { acceptObjection, decideObjection, fileObjection, getObjection, transferObjection } from '../../objections/objections'
import { listMine, officerQueue, officerView } from '../../objections/queries'
import { logDecision } from '../../officers/decision-log'
import { officerOf } from '../../officers/scope'

/** Writes read `:id` in the handler, after the role and Idempotency-Key checks (http/contract). */
const paramId = (request: FastifyRequest) => parse(ObjectionParams, request.params).id

export default async function objectionRoutes(app: FastifyInstance, ctx: AppContext) {
  const { db } = ctx
  const r = onContract(app, ctx)
  const templates = () => ctx.config.messageTemplates
  r.addHook('onRequest', requireAuth(ctx.config.jwtSecret))

  r.post('/api/objections', { config: { unitOfWork: true }, schema: { response: { 201: Objection } } }, async (request, reply) => {
    const subject = await actingSubject(db, request)
    const body = parse(FileObjectionBody, request.body)
    const checked = validateObjection(body)
    if (!checked.ok) throw badRequest(checked.message)
    const filing = { subjectId: subject.id, userId: request.user!.id, recordId: body.recordId, reason: checked.value.reason, description: checked.value.description, attachmentIds: [...checked.value.attachmentIds] }
    return inUnitOfWork(request, reply, db, async (trx) => ({ status: 201, body: await fileObjection(trx, templates(), filing, ctx.now()) }))
  })

  r.get('/api/objections', { schema: { querystring: MyObjectionsQuery, response: { 200: ObjectionPage } } }, async (request) => {
    const subject = await actingSubject(db, request)
    return listMine(db, subject.id, request.query.cursor, ctx.now())
  })

  r.get('/api/objections/:id', { schema: { params: ObjectionParams, response: { 200: Objection } } }, async (request) => {
    const subject = await actingSubject(db, request)
    return getObjection(db, subject.id, request.params.id, ctx.now())
  })

  // The role is checked on request, before the query or the body is looked at.
  const officer = { onRequest: requireRole('officer') }
  const officerWrite = { ...officer, config: { unitOfWork: true }, schema: { response: { 200: Objection } } }

  r.get('/api/officer/objections', { ...officer, schema: { querystring: OfficerObjectionsQuery, response: { 200: OfficerObjectionPage } } }, async (request) =>
    officerQueue(db, await officerOf(db, request.user!.id), request.query.status, ctx.now()),
  )

  r.get('/api/officer/objections/:id', { ...officer, schema: { params: ObjectionParams, response: { 200: OfficerObjection } } }, async (request) =>
    officerView(db, await officerOf(db, request.user!.id), request.params.id, chinaDate(ctx.now())),
  )

  r.post('/api/officer/objections/:id/accept', officerWrite, async (request, reply) => {
    const id = paramId(request)
    const who = await officerOf(db, request.user!.id)
    return inUnitOfWork(request, reply, db, async (trx) => {
      const body = await acceptObjection(trx, templates(), id, who, ctx.now())
      logDecision(request.log, '异议受理', who, { objectionId: id, outcome: '受理', recordId: body.recordId })
      return { status: 200, body }
    })
  })

  r.post('/api/officer/objections/:id/transfer', officerWrite, async (request, reply) => {
    const id = paramId(request)
    const body = parse(TransferBody, request.body)
    const who = await officerOf(db, request.user!.id)
    return inUnitOfWork(request, reply, db, async (trx) => {
      const transferred = await transferObjection(trx, templates(), id, who, body, ctx.now())
      logDecision(request.log, '异议转办', who, { objectionId: id, outcome: '转办', recordId: transferred.recordId })
      return { status: 200, body: transferred }
    })
  })

  r.post('/api/officer/objections/:id/decision', officerWrite, async (request, reply) => {
    const id = paramId(request)
    const body = parse(DecisionBody, request.body)
    const who = await officerOf(db, request.user!.id)
    return inUnitOfWork(request, reply, db, async (trx) => {
      const decided = await decideObjection(trx, templates(), id, who, body, ctx.now())
      logDecision(request.log, '异议决定', who, { objectionId: id, outcome: body.outcome, recordId: decided.recordId })
      return { status: 200, body: decided }
    })
  })
}
