// /api/voluntary-registrations (the acting subject — a person, or an agent for its enterprise —
// registers positive information) and /api/officer/voluntary-registrations (verify or reject).
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { cursorQuery, text } from '../../../src/contract/common'
import { fileRegistration, registrationQueueQuery, rejectRegistrationBody, verifyRegistrationBody } from '../../../src/contract/voluntary-registrations'
import type { AppContext } from '../../context'
import { actingSubject, requireAuth, requireRole } from '../../http/auth'
import { inUnitOfWork } from '../../http/idempotency'
import { parse } from '../../http/validate'
import { fileRegistration as file, getForOfficer, getRegistration, listRegistrations, rejectRegistration, verifyRegistration } from '../../voluntary-registrations/registrations'

const paramId = (request: FastifyRequest) => parse(z.object({ id: text('注册信息', 100) }), request.params).id

export default async function voluntaryRegistrationRoutes(app: FastifyInstance, ctx: AppContext) {
  const { db } = ctx
  const templates = () => ctx.config.messageTemplates
  app.addHook('onRequest', requireAuth(ctx.config.jwtSecret))

  app.post('/api/voluntary-registrations', { config: { unitOfWork: true } }, async (request, reply) => {
    const subject = await actingSubject(db, request)
    const body = parse(fileRegistration, request.body)
    const filing = { subjectId: subject.id, userId: request.user!.id, ...body }
    return inUnitOfWork(request, reply, db, async (trx) => ({ status: 201, body: await file(trx, templates(), filing, ctx.now()) }))
  })

  app.get('/api/voluntary-registrations', async (request) => {
    const subject = await actingSubject(db, request)
    return listRegistrations(db, { subjectId: subject.id }, parse(cursorQuery, request.query).cursor, ctx.now())
  })

  app.get('/api/voluntary-registrations/:id', async (request) => {
    const subject = await actingSubject(db, request)
    return getRegistration(db, subject.id, paramId(request), ctx.now())
  })

  const officer = { preHandler: requireRole('officer') }
  const officerWrite = { ...officer, config: { unitOfWork: true } }
  const whoIs = async (request: FastifyRequest) => {
    const u = await db.selectFrom('users').select(['id', 'org_name']).where('id', '=', request.user!.id).executeTakeFirstOrThrow()
    return { id: u.id, name: u.org_name ?? '信用办' }
  }

  app.get('/api/officer/voluntary-registrations', officer, async (request) => {
    const q = parse(registrationQueueQuery, request.query)
    return listRegistrations(db, { officerUserId: request.user!.id, status: q.status }, q.cursor, ctx.now())
  })

  app.get('/api/officer/voluntary-registrations/:id', officer, async (request) => getForOfficer(db, request.user!.id, paramId(request), ctx.now()))

  app.post('/api/officer/voluntary-registrations/:id/verify', officerWrite, async (request, reply) => {
    const body = parse(verifyRegistrationBody, request.body)
    const who = await whoIs(request)
    return inUnitOfWork(request, reply, db, async (trx) => ({ status: 200, body: await verifyRegistration(trx, templates(), paramId(request), who, body.note, ctx.now()) }))
  })

  app.post('/api/officer/voluntary-registrations/:id/reject', officerWrite, async (request, reply) => {
    const body = parse(rejectRegistrationBody, request.body)
    const who = await whoIs(request)
    return inUnitOfWork(request, reply, db, async (trx) => ({ status: 200, body: await rejectRegistration(trx, templates(), paramId(request), who, body.reasons, ctx.now()) }))
  })
}
