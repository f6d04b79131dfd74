// Credit report use cases: request (quota), generate (what the PDF job runs), read, list, and the
// public checks by number + code or by the file itself (each written to the subject's access log).
import crypto from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import { addCalendarDays, chinaDate } from '../../src/domain/dates'
import { maskIdNumber, maskName } from '../../src/domain/mask'
import { REPORT_VALID_DAYS, REPORTS_PER_DAY, REPORTS_PER_YEAR } from '../../src/domain/policy'
import type { Report } from '../../src/contract/reports'
import { periodProblem, REPORT_NUMBER } from '../../src/domain/report-request'
import { logAccess } from '../credit/access-log'
import type { Database } from '../db/schema'
import { inTransaction } from '../db/transaction'
import type { ActingSubject } from '../http/auth'
import { decodeCursor, encodeCursor } from '../http/cursor'
import { AppError, badRequest, notFound } from '../http/errors'
import { reportData, type ReportParams } from './data'
import { renderReport } from './render'
import { signReportPdf, type SigningCertificate } from './sign'
import { sha256Hex, verifyReportBytes } from './verify'

type Db = Kysely<Database>
// No 0/O, 1/I: people copy these by hand from paper.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
const randomChars = (n: number) => Array.from(crypto.randomBytes(n), (b) => ALPHABET[b % ALPHABET.length]).join('')
export { REPORT_NUMBER }
export const verifyPageUrl = (base: string, number: string) => `${base}/#/packages/public/pages/report-verify/index?number=${number}`

/** The business rules of a request beyond its shape: who may ask for what period. */
function checkParams(subject: ActingSubject, p: ReportParams, today: string): ReportParams {
  if (p.kind === 'full') return { kind: 'full' }
  if (subject.kind !== 'enterprise') throw badRequest('专项信用报告仅面向企业，个人请生成公共信用信息报告', 'SPECIAL_REPORT_ENTERPRISE_ONLY')
  const problem = periodProblem(p.from, p.to, today)
  if (problem) throw badRequest(problem)
  if (!p.domains || p.domains.length === 0) throw badRequest('请至少选择一个领域')
  return { kind: 'special', from: p.from!, to: p.to!, domains: [...new Set(p.domains)] }
}

/** Retry-After up to a China date: clients then show the refusal instead of retrying it. */
const retryAfter = (now: Date, day: string) => ({ 'retry-after': String(Math.max(1, Math.ceil((Date.parse(`${day}T00:00:00+08:00`) - now.getTime()) / 1000))) })

/** Records a request, within the free quota; the PDF is made afterwards by `generateReport`. */
export async function requestReport(db: Db, subject: ActingSubject, params: ReportParams, now = new Date()) {
  const today = chinaDate(now)
  const checked = checkParams(subject, params, today)
  return inTransaction(db, async (trx) => {
    // One subject's requests queue on its row, so concurrent requests cannot both pass the quota.
    await sql`select id from subjects where id = ${subject.id} for update`.execute(trx)
    const counted = (since: string) =>
      trx.selectFrom('reports').select((eb) => eb.fn.countAll<string>().as('n'))
        .where('subject_id', '=', subject.id).where('status', '<>', 'failed')
        .where('created_at', '>=', new Date(`${since}T00:00:00+08:00`)).executeTakeFirstOrThrow()
    if (Number((await counted(today)).n) >= REPORTS_PER_DAY) {
      throw new AppError(429, 'REPORT_DAILY_LIMIT', `每天最多生成 ${REPORTS_PER_DAY} 份信用报告，请明天再试`, retryAfter(now, addCalendarDays(today, 1)))
    }
    if (Number((await counted(`${today.slice(0, 4)}-01-01`)).n) >= REPORTS_PER_YEAR) {
      throw new AppError(429, 'REPORT_YEARLY_LIMIT', `每年可免费生成 ${REPORTS_PER_YEAR} 份信用报告，本年度已用完`, retryAfter(now, `${Number(today.slice(0, 4)) + 1}-01-01`))
    }
    const row = {
      id: crypto.randomUUID(), subject_id: subject.id, kind: checked.kind,
      params: JSON.stringify(checked.kind === 'special' ? { from: checked.from, to: checked.to, domains: checked.domains } : {}),
      number: `BG${today.replace(/-/g, '')}${randomChars(8)}`, verification_code: randomChars(6), created_at: now,
    }
    await trx.insertInto('reports').values(row).execute()
    return { id: row.id, status: 'pending' as const }
  })
}

export interface GenerateDeps {
  signing: () => SigningCertificate
  publicBaseUrl: string
}

/** Renders, signs and stores one pending report (what the PDF job runs); a failure is recorded on it. */
export async function generateReport(db: Db, reportId: string, deps: GenerateDeps, now = new Date(), opts: { markFailed?: boolean } = {}) {
  const report = await db.selectFrom('reports').selectAll().where('id', '=', reportId).executeTakeFirst()
  if (!report || report.status !== 'pending') return
  try {
    const params = { kind: report.kind, ...report.params } as ReportParams
    const content = await reportData(db, report.subject_id, params, chinaDate(now))
    const pdf = await renderReport({
      ...content, number: report.number, verificationCode: report.verification_code, generatedAt: now,
      validUntil: addCalendarDays(chinaDate(now), REPORT_VALID_DAYS), verifyUrl: verifyPageUrl(deps.publicBaseUrl, report.number),
    })
    const signed = await signReportPdf(pdf, deps.signing(), now)
    await db.updateTable('reports').set({ status: 'ready', pdf: signed, sha256: sha256Hex(signed), ready_at: new Date() })
      .where('id', '=', reportId).where('status', '=', 'pending').execute()
  } catch (e) {
    // A job that will be retried leaves the report pending, so the retry can still render it.
    if (opts.markFailed === false) throw e
    await db.updateTable('reports').set({ status: 'failed', error: (e as Error).message.slice(0, 500) })
      .where('id', '=', reportId).where('status', '=', 'pending').execute()
    throw e
  }
}

const toApi = (r: { id: string; kind: 'full' | 'special'; status: 'pending' | 'ready' | 'failed'; number: string; verification_code: string; sha256: string | null; params: unknown; created_at: Date; ready_at: Date | null }) => ({
  id: r.id, kind: r.kind, status: r.status, number: r.number, verificationCode: r.verification_code, sha256: r.sha256,
  params: r.params as Report['params'], createdAt: r.created_at.toISOString(), readyAt: r.ready_at?.toISOString() ?? null,
})
const API_COLUMNS = ['id', 'kind', 'status', 'number', 'verification_code', 'sha256', 'params', 'created_at', 'ready_at'] as const

export async function getReport(db: Db, subjectId: string, id: string) {
  const row = await db.selectFrom('reports').select(API_COLUMNS).where('id', '=', id).where('subject_id', '=', subjectId).executeTakeFirst()
  if (!row) throw notFound('信用报告')
  return toApi(row)
}

export async function reportFile(db: Db, subjectId: string, id: string) {
  const row = await db.selectFrom('reports').select(['status', 'pdf', 'number']).where('id', '=', id).where('subject_id', '=', subjectId).executeTakeFirst()
  if (!row) throw notFound('信用报告')
  if (row.status !== 'ready' || !row.pdf) throw new AppError(409, 'REPORT_NOT_READY', row.status === 'failed' ? '报告生成失败，请重新生成' : '报告正在生成，请稍候')
  return { pdf: row.pdf, number: row.number }
}

export async function listReports(db: Db, subjectId: string, cursor?: string, limit = 20) {
  let q = db.selectFrom('reports').select(API_COLUMNS).where('subject_id', '=', subjectId)
  if (cursor) {
    const [at, id] = decodeCursor(cursor, 'timestamp')
    q = q.where(sql<boolean>`(created_at, id) < (${at}::timestamptz, ${id})`)
  }
  const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit + 1).execute()
  const page = rows.slice(0, limit)
  const last = page[page.length - 1]
  return { items: page.map(toApi), nextCursor: rows.length > limit ? encodeCursor(last.created_at.toISOString(), last.id) : null }
}

const publicNotFound = () => new AppError(404, 'REPORT_NOT_FOUND', '报告编号或核验码不正确，请核对后重新输入')

/** The summary anyone holding the number and code may see; the read goes to the subject's access log. */
export async function publicReportSummary(db: Db, number: string, code: string) {
  const row = await db
    .selectFrom('reports as r').innerJoin('subjects as s', 's.id', 'r.subject_id')
    .select(['r.subject_id', 'r.kind', 'r.number', 'r.verification_code', 'r.sha256', 'r.ready_at', 's.kind as subject_kind', 's.name', 's.identifier'])
    .where('r.number', '=', number).where('r.status', '=', 'ready')
    .executeTakeFirst()
  const given = Buffer.from(code.toUpperCase())
  if (!row || given.length !== row.verification_code.length || !crypto.timingSafeEqual(given, Buffer.from(row.verification_code))) throw publicNotFound()
  await logAccess(db, { subjectId: row.subject_id, reader: '信用报告核验', readerKind: 'verifier', purpose: `凭报告编号与核验码查看报告 ${row.number} 的摘要` })
  const person = row.subject_kind === 'person'
  const generated = row.ready_at!
  return {
    number: row.number, kind: row.kind, title: row.kind === 'full' ? '公共信用信息报告' : '专项信用报告',
    subject: { kind: row.subject_kind, name: person ? maskName(row.name) : row.name, identifier: person ? maskIdNumber(row.identifier) : row.identifier },
    generatedAt: generated.toISOString(), validUntil: addCalendarDays(chinaDate(generated), REPORT_VALID_DAYS),
    // a ready report always has its file's hash (generateReport sets both at once)
    sha256: row.sha256!,
  }
}

/** The check of an uploaded file: genuine only if it is, byte for byte, a report this platform made. */
export async function verifyUploadedReport(db: Db, pdf: Buffer, number?: string) {
  const sha256 = sha256Hex(pdf)
  let q = db.selectFrom('reports').select(['subject_id', 'number', 'sha256']).where('status', '=', 'ready')
  q = number ? q.where('number', '=', number) : q.where('sha256', '=', sha256)
  const row = await q.executeTakeFirst()
  const check = row?.sha256 ? verifyReportBytes(pdf, row.sha256) : { genuine: false, verdict: '已被修改' as const, sha256 }
  // Found by its hash, or named by its number: either way someone checked this subject's report —
  // and a copy that differs from the one named is worth the subject knowing about too.
  if (row) {
    const purpose = check.genuine ? `上传文件核验报告 ${row.number}` : `上传文件核验报告 ${row.number}：文件与原件不一致`
    await logAccess(db, { subjectId: row.subject_id, reader: '信用报告核验', readerKind: 'verifier', purpose })
  }
  return { genuine: check.genuine, verdict: check.verdict, sha256, ...(check.genuine ? { number: row!.number } : {}) }
}
