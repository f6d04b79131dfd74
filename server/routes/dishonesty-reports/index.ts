// /api/dishonesty-reports (a logged-in user reports an enterprise and follows the report) and
// /api/officer/dishonesty-reports (role 'officer': the queue, accept, verify, conclude).
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { concludeBody, fileDishonestyReport, officerQueueQuery, verifyBody } from '../../../src/contract/dishonesty-reports'
import { cursorQuery, text } from '../../../src/contract/common'
import type { AppContext } from '../../context'
import { acceptReport, concludeReport, fileReport, getForOfficer, getReport, verifyReport } from '../../dishonesty-reports/reports'
import { listMine, officerQueue } from '../../dishonesty-reports/queries'
import { actingSubject, requireAuth, requireRole } from '../../http/auth'
import { inUnitOfWork } from '../../http/idempotency'
import { parse } from '../../http/validate'

const paramId = (request: FastifyRequest) => parse(z.object({ id: text('举报', 100) }), request.params).id

export default async function dishonestyReportRoutes(app: FastifyInstance, ctx: AppContext) {
  const { db } = ctx
  const templates = () => ctx.config.messageTemplates
  app.addHook('onRequest', requireAuth(ctx.config.jwtSecret))

  app.post('/api/dishonesty-reports', { config: { unitOfWork: true } }, async (request, reply) => {
    const subject = await actingSubject(db, request)
    const body = parse(fileDishonestyReport, request.body)
    const filing = { reporterSubjectId: subject.id, reporterIdentifier: subject.identifier, reporterUserId: request.user!.id, ...body }
    return inUnitOfWork(request, reply, db, async (trx) => ({ status: 201, body: await fileReport(trx, templates(), filing, ctx.now()) }))
  })

  app.get('/api/dishonesty-reports', async (request) => {
    const subject = await actingSubject(db, request)
    return listMine(db, subject.id, parse(cursorQuery, request.query).cursor, ctx.now())
  })

  app.get('/api/dishonesty-reports/:id', async (request) => {
    const subject = await actingSubject(db, request)
    return getReport(db, subject.id, paramId(request), ctx.now())
  })

  const officer = { preHandler: requireRole('officer') }
  const officerWrite = { ...officer, config: { unitOfWork: true } }
  const whoIs = async (request: FastifyRequest) => {
    const u = await db.selectFrom('users').select(['id', 'org_name']).where('id', '=', request.user!.id).executeTakeFirstOrThrow()
    return { id: u.id, name: u.org_name ?? '信用办' }
  }

  app.get('/api/officer/dishonesty-reports', officer, async (request) => {
    const q = parse(officerQueueQuery, request.query)
    return officerQueue(db, request.user!.id, q.status, q.cursor, ctx.now())
  })

  app.get('/api/officer/dishonesty-reports/:id', officer, async (request) => getForOfficer(db, request.user!.id, paramId(request), ctx.now()))

  app.post('/api/officer/dishonesty-reports/:id/accept', officerWrite, async (request, reply) => {
    const who = await whoIs(request)
    return inUnitOfWork(request, reply, db, async (trx) => ({ status: 200, body: await acceptReport(trx, templates(), paramId(request), who, ctx.now()) }))
  })

  app.post('/api/officer/dishonesty-reports/:id/verify', officerWrite, async (request, reply) => {
    const body = parse(verifyBody, request.body)
    const who = await whoIs(request)
    return inUnitOfWork(request, reply, db, async (trx) => ({ status: 200, body: await verifyReport(trx, templates(), paramId(request), who, body.note, ctx.now()) }))
  })

  app.post('/api/officer/dishonesty-reports/:id/conclude', officerWrite, async (request, reply) => {
    const body = parse(concludeBody, request.body)
    const who = await whoIs(request)
    return inUnitOfWork(request, reply, db, async (trx) => ({ status: 200, body: await concludeReport(trx, templates(), paramId(request), who, body, ctx.now()) }))
  })
}
