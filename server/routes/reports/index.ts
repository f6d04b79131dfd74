// /api/reports/*: a subject's own credit reports — request (202), status, list, the PDF.
// Schemas: src/contract/reports.
import type { FastifyInstance } from 'fastify'
import { Report, ReportPage, ReportParams, ReportRequestBody, ReportRequested, ReportsQuery } from '../../../src/contract/reports'
import type { AppContext } from '../../context'
import { actingSubject, requireAuth } from '../../http/auth'
import { onContract } from '../../http/contract'
import { notFound } from '../../http/errors'
import { inUnitOfWork } from '../../http/idempotency'
import { parse } from '../../http/validate'
import { scheduleReportGeneration, settleReportGeneration } from '../../reports/runner'
import { getReport, listReports, reportFile, requestReport } from '../../reports/reports'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
/** Not an id we could have issued: the same 404 as another subject's report. */
function reportId(id: string) {
  if (!UUID.test(id)) throw notFound('信用报告')
  return id
}

export default async function reportRoutes(app: FastifyInstance, ctx: AppContext) {
  const { db } = ctx
  const r = onContract(app, ctx)
  r.addHook('onRequest', requireAuth(ctx.config.jwtSecret))
  r.addHook('onClose', async () => settleReportGeneration())

  r.post('/api/reports', { config: { unitOfWork: true }, schema: { response: { 202: ReportRequested } } }, async (request, reply) => {
    const subject = await actingSubject(db, request)
    const body = parse(ReportRequestBody, request.body)
    let created: Awaited<ReturnType<typeof requestReport>> | undefined
    const sent = await inUnitOfWork(request, reply, db, async (trx) => {
      created = await requestReport(trx, subject, body)
      return { status: 202, body: created }
    })
    // Generation reads the committed row: scheduled after the commit, and not for a replayed answer.
    if (created) await scheduleReportGeneration(ctx, created.id, request.log)
    return sent
  })

  r.get('/api/reports', { schema: { querystring: ReportsQuery, response: { 200: ReportPage } } }, async (request) => {
    const subject = await actingSubject(db, request)
    return listReports(db, subject.id, request.query.cursor)
  })

  r.get('/api/reports/:id', { schema: { params: ReportParams, response: { 200: Report } } }, async (request) => {
    const subject = await actingSubject(db, request)
    return getReport(db, subject.id, reportId(request.params.id))
  })

  r.get('/api/reports/:id/file', { schema: { params: ReportParams } }, async (request, reply) => {
    const subject = await actingSubject(db, request)
    const { pdf, number } = await reportFile(db, subject.id, reportId(request.params.id))
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="${number}.pdf"`).header('cache-control', 'private, no-store').send(pdf)
  })
}
