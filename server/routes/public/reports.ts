// /api/public/reports/*: anyone checks a credit report — by number + verification code, or by
// sending the PDF itself: multipart (field `file`, what Taro.uploadFile sends) or a raw
// `application/pdf` body. No login: each client address has its own small budget of checks.
import multipart from '@fastify/multipart'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { REPORT_CHECKS_PER_IP_PER_MINUTE, REPORT_UPLOAD_MAX_BYTES } from '../../../src/domain/policy'
import { REPORT_CODE } from '../../../src/domain/report-request'
import type { AppContext } from '../../context'
import { AppError } from '../../http/errors'
import { rateLimited } from '../../http/rate-limit'
import { parse } from '../../http/validate'
import { publicReportSummary, REPORT_NUMBER, verifyUploadedReport } from '../../reports/reports'
import { readSingleFile } from '../uploads/single-file'

const MAX_REPORT_UPLOAD_BYTES = REPORT_UPLOAD_MAX_BYTES

export default async function publicReportRoutes(app: FastifyInstance, ctx: AppContext) {
  const { db } = ctx
  // Encapsulated in this plugin: only these routes accept a PDF body or a form.
  app.addContentTypeParser('application/pdf', { parseAs: 'buffer', bodyLimit: MAX_REPORT_UPLOAD_BYTES }, (_req, body, done) => done(null, body))
  await app.register(multipart, { throwFileSizeLimit: false })
  // Counted apart from the lists: a guess at a code must not use up someone's list searches, nor the reverse.
  app.addHook('onRequest', rateLimited(db, { bucket: 'public-reports', limit: REPORT_CHECKS_PER_IP_PER_MINUTE, windowSeconds: 60 }))

  app.get('/api/public/reports/:number', async (request) => {
    const number = parseNumber((request.params as { number: string }).number)
    const q = parse(z.object({ code: z.string({ error: '请填写 6 位核验码' }).trim().regex(REPORT_CODE, { error: '核验码应为 6 位字母或数字' }) }), request.query)
    return publicReportSummary(db, number, q.code)
  })

  app.post('/api/public/reports/verify', { bodyLimit: MAX_REPORT_UPLOAD_BYTES }, async (request) => {
    const q = parse(z.object({ number: z.string().max(40).optional() }), request.query)
    const pdf = await uploadedPdf(request)
    if (pdf.length > MAX_REPORT_UPLOAD_BYTES) throw new AppError(413, 'FILE_TOO_LARGE', '文件过大：信用报告的 PDF 不超过 5 MB')
    if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new AppError(400, 'NOT_A_PDF', '上传的文件不是 PDF，请选择信用报告的 PDF 文件')
    return verifyUploadedReport(db, pdf, q.number ? parseNumber(q.number) : undefined)
  })
}

async function uploadedPdf(request: FastifyRequest): Promise<Buffer> {
  if (request.isMultipart()) return readSingleFile(request)
  const body = request.body
  if (!Buffer.isBuffer(body) || body.length === 0) {
    throw new AppError(415, 'PDF_REQUIRED', '请上传信用报告的 PDF 文件（multipart 字段 file，或 Content-Type: application/pdf）')
  }
  return body
}

function parseNumber(raw: string) {
  const number = raw.trim().toUpperCase()
  if (!REPORT_NUMBER.test(number)) throw new AppError(404, 'REPORT_NOT_FOUND', '报告编号格式不正确（应为 BG 加 16 位数字和字母），请核对后重新输入')
  return number
}
