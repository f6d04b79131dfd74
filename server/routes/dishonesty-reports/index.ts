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
import { logDecision } from '../../officers/decision-log'

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
    return { id: staff.id, name: staff.orgName ?? '信用办', department: staff.orgName }
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
    const id = paramId(request)
    return inUnitOfWork(request, reply, db, async (trx) => {
      const accepted = await acceptReport(trx, templates(), id, who, ctx.now())
      logDecision(request.log, '失信举报受理', who, { reportId: id, outcome: '受理' })
      return { status: 200, body: accepted }
    })
  })

  r.post('/api/officer/dishonesty-reports/:id/verify', officerWrite, async (request, reply) => {
    const body = parse(verifyBody, request.body)
    const who = await whoIs(request)
    const id = paramId(request)
    return inUnitOfWork(request, reply, db, async (trx) => {
      const verified = await verifyReport(trx, templates(), id, who, body.note, ctx.now())
      logDecision(request.log, '失信举报核查', who, { reportId: id, outcome: '核查' })
      return { status: 200, body: verified }
    })
  })

  r.post('/api/officer/dishonesty-reports/:id/conclude', officerWrite, async (request, reply) => {
    const body = parse(concludeBody, request.body)
    const who = await whoIs(request)
    const id = paramId(request)
    return inUnitOfWork(request, reply, db, async (trx) => {
      const concluded = await concludeReport(trx, templates(), id, who, body, ctx.now())
      logDecision(request.log, '失信举报办结', who, { reportId: id, outcome: body.outcome })
      return { status: 200, body: concluded }
    })
  })
}
