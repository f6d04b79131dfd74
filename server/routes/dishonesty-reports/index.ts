// /api/dishonesty-reports (a logged-in user reports an enterprise and follows the report) and
// /api/officer/dishonesty-reports (role 'officer': the queue, accept, verify, conclude).
import type { FastifyInstance, FastifyRequest } from 'fastify'
import {
  concludeBody, DishonestyReport, DishonestyReportPage, DishonestyReportParams, fileDishonestyReport, OfficerDishonestyReport, OfficerDishonestyReportPage, officerQueueQuery,
  verifyBody,
} from '../../../src/contract/dishonesty-reports'
import { cursorQuery } from '../../../src/contract/common'
import { staffMember } from '../../auth/staff'
import type { AppContext } from '../../context'
import { acceptReport, concludeReport, fileReport, getForOfficer, getReport, verifyReport } from '../../dishonesty-reports/reports'
import { listMine, officerQueue } from '../../dishonesty-reports/queries'
import { actingSubject, requireAuth, requireRole } from '../../http/auth'
import { onContract } from '../../http/contract'
import { inUnitOfWork } from '../../http/idempotency'
import { parse } from '../../http/validate'

/** Writes read `:id` in the handler, after the role and Idempotency-Key checks (http/contract). */
const paramId = (request: FastifyRequest) => parse(DishonestyReportParams, request.params).id

export default async function dishonestyReportRoutes(app: FastifyInstance, ctx: AppContext) {
  const { db } = ctx
  const templates = () => ctx.config.messageTemplates
  const r = onContract(app, ctx)
  r.addHook('onRequest', requireAuth(ctx.config.jwtSecret))

  r.post('/api/dishonesty-reports', { config: { unitOfWork: true }, schema: { response: { 201: DishonestyReport } } }, async (request, reply) => {
    const subject = await actingSubject(db, request)
    const body = parse(fileDishonestyReport, request.body)
    const filing = { reporterSubjectId: subject.id, reporterIdentifier: subject.identifier, reporterUserId: request.user!.id, ...body }
    return inUnitOfWork(request, reply, db, async (trx) => ({ status: 201, body: await fileReport(trx, templates(), filing, ctx.now()) }))
  })

  r.get('/api/dishonesty-reports', { schema: { querystring: cursorQuery, response: { 200: DishonestyReportPage } } }, async (request) => {
    const subject = await actingSubject(db, request)
    return listMine(db, subject.id, request.query.cursor, ctx.now())
  })

  r.get('/api/dishonesty-reports/:id', { schema: { params: DishonestyReportParams, response: { 200: DishonestyReport } } }, async (request) => {
    const subject = await actingSubject(db, request)
    return getReport(db, subject.id, request.params.id, ctx.now())
  })

  // The role is checked on request, before the query or the body is looked at.
  const officer = { onRequest: requireRole('officer') }
  const officerWrite = { ...officer, config: { unitOfWork: true }, schema: { response: { 200: OfficerDishonestyReport } } }
  const whoIs = async (request: FastifyRequest) => {
    const staff = await staffMember(db, request.user!.id)
    return { id: staff.id, name: staff.orgName ?? '信用办' }
  }

  r.get('/api/officer/dishonesty-reports', { ...officer, schema: { querystring: officerQueueQuery, response: { 200: OfficerDishonestyReportPage } } }, async (request) => {
    const q = request.query
    return officerQueue(db, request.user!.id, q.status, q.cursor, ctx.now())
  })

  r.get('/api/officer/dishonesty-reports/:id', { ...officer, schema: { params: DishonestyReportParams, response: { 200: OfficerDishonestyReport } } }, async (request) =>
    getForOfficer(db, request.user!.id, request.params.id, ctx.now()),
  )

  r.post('/api/officer/dishonesty-reports/:id/accept', officerWrite, async (request, reply) => {
    const who = await whoIs(request)
    return inUnitOfWork(request, reply, db, async (trx) => ({ status: 200, body: await acceptReport(trx, templates(), paramId(request), who, ctx.now()) }))
  })

  r.post('/api/officer/dishonesty-reports/:id/verify', officerWrite, async (request, reply) => {
    const body = parse(verifyBody, request.body)
    const who = await whoIs(request)
    return inUnitOfWork(request, reply, db, async (trx) => ({ status: 200, body: await verifyReport(trx, templates(), paramId(request), who, body.note, ctx.now()) }))
  })

  r.post('/api/officer/dishonesty-reports/:id/conclude', officerWrite, async (request, reply) => {
    const body = parse(concludeBody, request.body)
    const who = await whoIs(request)
    return inUnitOfWork(request, reply, db, async (trx) => ({ status: 200, body: await concludeReport(trx, templates(), paramId(request), who, body, ctx.now()) }))
  })
}
