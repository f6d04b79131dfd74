// /api/public/reports/*: anyone checks a credit report — by number + verification code, or by
// sending the PDF itself: multipart (field `file`, what Taro.uploadFile sends) or a raw
// `application/pdf` body. No login: each client address has its own small budget of checks.
import multipart from '@fastify/multipart'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { FileVerdict, PublicReportParams, PublicReportQuery, PublicReportSummary, VerifyFileQuery } from '../../../src/contract/reports'
import { REPORT_CHECKS_PER_IP_PER_MINUTE, REPORT_UPLOAD_MAX_BYTES } from '../../../src/domain/policy'
import type { AppContext } from '../../context'
import { onContract } from '../../http/contract'
import { AppError } from '../../http/errors'
import { rateLimited } from '../../http/rate-limit'
import { publicReportSummary, REPORT_NUMBER, verifyUploadedReport } from '../../reports/reports'
import { readSingleFile } from '../uploads/single-file'

const MAX_REPORT_UPLOAD_BYTES = REPORT_UPLOAD_MAX_BYTES

export default async function publicReportRoutes(app: FastifyInstance, ctx: AppContext) {
  const { db } = ctx
  const r = onContract(app, ctx)
  // Encapsulated in this plugin: only these routes accept a PDF body or a form.
  r.addContentTypeParser('application/pdf', { parseAs: 'buffer', bodyLimit: MAX_REPORT_UPLOAD_BYTES }, (_req, body, done) => done(null, body))
  await r.register(multipart, { throwFileSizeLimit: false })
  // Counted apart from the lists: a guess at a code must not use up someone's list searches, nor the reverse.
  r.addHook('onRequest', rateLimited(db, { bucket: 'public-reports', limit: REPORT_CHECKS_PER_IP_PER_MINUTE, windowSeconds: 60 }))

  r.get('/api/public/reports/:number', { schema: { params: PublicReportParams, querystring: PublicReportQuery, response: { 200: PublicReportSummary } } }, async (request) =>
    publicReportSummary(db, parseNumber(request.params.number), request.query.code),
  )

  // The body (a form or raw PDF bytes) is read by the handler: only the query has a schema.
  r.post('/api/public/reports/verify', { bodyLimit: MAX_REPORT_UPLOAD_BYTES, schema: { querystring: VerifyFileQuery, response: { 200: FileVerdict } } }, async (request) => {
    const pdf = await uploadedPdf(request)
    if (pdf.length > MAX_REPORT_UPLOAD_BYTES) throw new AppError(413, 'FILE_TOO_LARGE', '文件过大：信用报告的 PDF 不超过 5 MB')
    if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new AppError(400, 'NOT_A_PDF', '上传的文件不是 PDF，请选择信用报告的 PDF 文件')
    const number = request.query.number
    return verifyUploadedReport(db, pdf, number ? parseNumber(number) : undefined)
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
