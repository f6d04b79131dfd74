// /api/reports/*: a subject's own credit reports — request (202), status, list, the PDF.
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { isCalendarDate } from '../../../src/domain/dates'
import type { AppContext } from '../../context'
import { actingSubject, requireAuth } from '../../http/auth'
import { notFound } from '../../http/errors'
import { inUnitOfWork } from '../../http/idempotency'
import { parse } from '../../http/validate'
import { REPORT_DOMAIN_NAMES } from '../../../src/domain/report-request'
import { scheduleReportGeneration, settleReportGeneration } from '../../reports/runner'
import { getReport, listReports, reportFile, requestReport } from '../../reports/reports'

const date = (label: string) => z.string({ error: `${label}格式不正确` }).refine(isCalendarDate, { error: `${label}应为有效日期（YYYY-MM-DD）` })
const requestBody = z.object({
  kind: z.enum(['full', 'special'], { error: '报告类型应为 full（公共信用信息报告）或 special（专项信用报告）' }),
  from: date('开始日期').optional(),
  to: date('结束日期').optional(),
  domains: z.array(z.enum(REPORT_DOMAIN_NAMES, { error: '领域不正确' }), { error: '领域格式不正确' }).max(REPORT_DOMAIN_NAMES.length, { error: '领域过多' }).optional(),
})
const idParam = z.object({ id: z.string().uuid({ error: '信用报告不存在或无权查看' }) })

export default async function reportRoutes(app: FastifyInstance, ctx: AppContext) {
  const { db } = ctx
  app.addHook('onRequest', requireAuth(ctx.config.jwtSecret))
  app.addHook('onClose', async () => settleReportGeneration())

  app.post('/api/reports', { config: { unitOfWork: true } }, async (request, reply) => {
    const subject = await actingSubject(db, request)
    const body = parse(requestBody, request.body)
    let created: Awaited<ReturnType<typeof requestReport>> | undefined
    const sent = await inUnitOfWork(request, reply, db, async (trx) => {
      created = await requestReport(trx, subject, body)
      return { status: 202, body: created }
    })
    // Generation reads the committed row: scheduled after the commit, and not for a replayed answer.
    if (created) await scheduleReportGeneration(ctx, created.id, request.log)
    return sent
  })

  app.get('/api/reports', async (request) => {
    const subject = await actingSubject(db, request)
    const q = parse(z.object({ cursor: z.string().max(300, { error: '分页参数无效，请刷新列表' }).optional() }), request.query)
    return listReports(db, subject.id, q.cursor)
  })

  app.get('/api/reports/:id', async (request) => {
    const subject = await actingSubject(db, request)
    return getReport(db, subject.id, parseId(request.params))
  })

  app.get('/api/reports/:id/file', async (request, reply) => {
    const subject = await actingSubject(db, request)
    const { pdf, number } = await reportFile(db, subject.id, parseId(request.params))
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="${number}.pdf"`).header('cache-control', 'private, no-store').send(pdf)
  })
}

function parseId(params: unknown) {
  const r = idParam.safeParse(params)
  // Not an id we could have issued: the same 404 as another subject's report.
  if (!r.success) throw notFound('信用报告')
  return r.data.id
}
