// /api/public/reports/*: anyone checks a credit report — by number + verification code, or by
// sending the PDF itself. The file comes as a raw `application/pdf` body (this route's own parser).
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { AppContext } from '../../context'
import { AppError } from '../../http/errors'
import { parse } from '../../http/validate'
import { publicReportSummary, REPORT_NUMBER, verifyUploadedReport } from '../../reports/reports'

/** A signed report is well under 1 MB; a little room for long records. */
export const MAX_REPORT_UPLOAD_BYTES = 5 * 1024 * 1024

export default async function publicReportRoutes(app: FastifyInstance, ctx: AppContext) {
  const { db } = ctx
  // Encapsulated in this plugin: only these routes accept a PDF body.
  app.addContentTypeParser('application/pdf', { parseAs: 'buffer', bodyLimit: MAX_REPORT_UPLOAD_BYTES }, (_req, body, done) => done(null, body))

  app.get('/api/public/reports/:number', async (request) => {
    const number = parseNumber((request.params as { number: string }).number)
    const q = parse(z.object({ code: z.string({ error: '请填写 6 位核验码' }).trim().regex(/^[A-Za-z2-9]{6}$/, { error: '核验码应为 6 位字母或数字' }) }), request.query)
    return publicReportSummary(db, number, q.code)
  })

  app.post('/api/public/reports/verify', { bodyLimit: MAX_REPORT_UPLOAD_BYTES }, async (request) => {
    const q = parse(z.object({ number: z.string().max(40).optional() }), request.query)
    const pdf = request.body
    if (!Buffer.isBuffer(pdf) || pdf.length === 0) {
      throw new AppError(415, 'PDF_REQUIRED', '请上传信用报告的 PDF 文件（Content-Type: application/pdf）')
    }
    if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new AppError(400, 'NOT_A_PDF', '上传的文件不是 PDF')
    return verifyUploadedReport(db, pdf, q.number ? parseNumber(q.number) : undefined)
  })
}

function parseNumber(raw: string) {
  const number = raw.trim().toUpperCase()
  if (!REPORT_NUMBER.test(number)) throw new AppError(404, 'REPORT_NOT_FOUND', '报告编号格式不正确（应为 BG 加 16 位数字和字母），请核对后重新输入')
  return number
}
