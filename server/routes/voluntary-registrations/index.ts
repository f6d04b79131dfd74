// /api/voluntary-registrations (the acting subject — a person, or an agent for its enterprise —
// registers positive information) and /api/officer/voluntary-registrations (verify or reject).
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { cursorQuery } from '../../../src/contract/common'
import {
  fileRegistration, OfficerRegistration, OfficerRegistrationPage, RegistrationParams, registrationQueueQuery, rejectRegistrationBody, verifyRegistrationBody, VoluntaryRegistration,
  VoluntaryRegistrationPage,
} from '../../../src/contract/voluntary-registrations'
import { staffMember } from '../../auth/staff'
import type { AppContext } from '../../context'
import { actingSubject, requireAuth, requireRole } from '../../http/auth'
import { onContract } from '../../http/contract'
import { inUnitOfWork } from '../../http/idempotency'
import { parse } from '../../http/validate'
import { logDecision } from '../../officers/decision-log'
import { fileRegistration as file, getForOfficer, getRegistration, listRegistrations, rejectRegistration, verifyRegistration } from '../../voluntary-registrations/registrations'

/** Writes read `:id` in the handler, after the role and Idempotency-Key checks (http/contract). */
const paramId = (request: FastifyRequest) => parse(RegistrationParams, request.params).id

export default async function voluntaryRegistrationRoutes(app: FastifyInstance, ctx: AppContext) {
  const { db } = ctx
  const templates = () => ctx.config.messageTemplates
  const r = onContract(app, ctx)
  r.addHook('onRequest', requireAuth(ctx.config.jwtSecret))

  r.post('/api/voluntary-registrations', { config: { unitOfWork: true }, schema: { response: { 201: VoluntaryRegistration } } }, async (request, reply) => {
    const subject = await actingSubject(db, request)
    const body = parse(fileRegistration, request.body)
    const filing = { subjectId: subject.id, userId: request.user!.id, ...body }
    return inUnitOfWork(request, reply, db, async (trx) => ({ status: 201, body: await file(trx, templates(), filing, ctx.now()) }))
  })

  r.get('/api/voluntary-registrations', { schema: { querystring: cursorQuery, response: { 200: VoluntaryRegistrationPage } } }, async (request) => {
    const subject = await actingSubject(db, request)
    return listRegistrations(db, { subjectId: subject.id }, request.query.cursor, ctx.now())
  })

  r.get('/api/voluntary-registrations/:id', { schema: { params: RegistrationParams, response: { 200: VoluntaryRegistration } } }, async (request) => {
    const subject = await actingSubject(db, request)
    return getRegistration(db, subject.id, request.params.id, ctx.now())
  })

  // The role is checked on request, before the query or the body is looked at.
  const officer = { onRequest: requireRole('officer') }
  const officerWrite = { ...officer, config: { unitOfWork: true }, schema: { response: { 200: OfficerRegistration } } }
  const whoIs = async (request: FastifyRequest) => {
    const staff = await staffMember(db, request.user!.id)
    return { id: staff.id, name: staff.orgName ?? '信用办', department: staff.orgName }
  }

  r.get('/api/officer/voluntary-registrations', { ...officer, schema: { querystring: registrationQueueQuery, response: { 200: OfficerRegistrationPage } } }, async (request) => {
    const q = request.query
    return listRegistrations(db, { officerUserId: request.user!.id, status: q.status }, q.cursor, ctx.now())
  })

  r.get('/api/officer/voluntary-registrations/:id', { ...officer, schema: { params: RegistrationParams, response: { 200: OfficerRegistration } } }, async (request) =>
    getForOfficer(db, request.user!.id, request.params.id, ctx.now()),
  )

  r.post('/api/officer/voluntary-registrations/:id/verify', officerWrite, async (request, reply) => {
    const body = parse(verifyRegistrationBody, request.body)
    const who = await whoIs(request)
    const id = paramId(request)
    return inUnitOfWork(request, reply, db, async (trx) => {
      const verified = await verifyRegistration(trx, templates(), id, who, body.note, ctx.now())
      logDecision(request.log, '自愿注册核验', who, { registrationId: id, outcome: '核验通过', recordId: verified.recordId })
      return { status: 200, body: verified }
    })
  })

  r.post('/api/officer/voluntary-registrations/:id/reject', officerWrite, async (request, reply) => {
    const body = parse(rejectRegistrationBody, request.body)
    const who = await whoIs(request)
    const id = paramId(request)
    return inUnitOfWork(request, reply, db, async (trx) => {
      const rejected = await rejectRegistration(trx, templates(), id, who, body.reasons, ctx.now())
      logDecision(request.log, '自愿注册核验', who, { registrationId: id, outcome: '不予通过' })
      return { status: 200, body: rejected }
    })
  })
}
