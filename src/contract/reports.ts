// 信用报告: request schemas of /api/reports (the acting subject's own reports) and
// /api/public/reports (anyone checks a report by number + code, or by the file), and their answers.
import { z } from 'zod'
import { isCalendarDate } from '../domain/dates'
import { REPORT_CODE, REPORT_DOMAIN_NAMES, type ReportDomain } from '../domain/report-request'
import { calendarDate, cursor, instant, pageOf, subjectKind } from './common'

export type { ReportDomain }
export const REPORT_KINDS = ['full', 'special'] as const
export const reportKind = z.enum(REPORT_KINDS)
export type ReportKind = z.infer<typeof reportKind>
export const reportStatus = z.enum(['pending', 'ready', 'failed'])
export type ReportStatus = z.infer<typeof reportStatus>

// --- requests ---------------------------------------------------------------------------------

const date = (label: string) => z.string({ error: `${label}格式不正确` }).refine(isCalendarDate, { error: `${label}应为有效日期（YYYY-MM-DD）` })
const domain = z.enum(REPORT_DOMAIN_NAMES, { error: '领域不正确' })

/** Who may ask for which period (special reports: enterprises, at most a few years) is the use case's rule. */
export const ReportRequestBody = z.object({
  kind: z.enum(REPORT_KINDS, { error: '报告类型应为 full（公共信用信息报告）或 special（专项信用报告）' }),
  from: date('开始日期').optional(),
  to: date('结束日期').optional(),
  domains: z.array(domain, { error: '领域格式不正确' }).max(REPORT_DOMAIN_NAMES.length, { error: '领域过多' }).optional(),
})
export type ReportRequest = z.input<typeof ReportRequestBody>

export const ReportsQuery = z.object({ cursor: cursor(300).optional() })
/** Any string: an id that is not one the server could have issued is the same 404 as another's report. */
export const ReportParams = z.object({ id: z.string() })
export const PublicReportParams = z.object({ number: z.string() })
export const PublicReportQuery = z.object({ code: z.string({ error: '请填写 6 位核验码' }).trim().regex(REPORT_CODE, { error: '核验码应为 6 位字母或数字' }) })
export const VerifyFileQuery = z.object({ number: z.string().max(40, { error: '报告编号格式不正确' }).optional() })

// --- answers ----------------------------------------------------------------------------------

const sha256 = z.string().regex(/^[0-9a-f]{64}$/)

export const Report = z.strictObject({
  id: z.string(),
  kind: reportKind,
  status: reportStatus,
  number: z.string(),
  verificationCode: z.string(),
  sha256: sha256.nullable(),
  /** a special report's period and domains ({} for a full report) */
  params: z.strictObject({ from: calendarDate.optional(), to: calendarDate.optional(), domains: z.array(domain).optional() }),
  createdAt: instant,
  readyAt: instant.nullable(),
})
export type Report = z.infer<typeof Report>
export const ReportPage = pageOf(Report)
export type ReportPage = z.infer<typeof ReportPage>

/** POST /api/reports → 202: the PDF is made afterwards; follow it with GET /api/reports/:id. */
export const ReportRequested = z.strictObject({ id: z.string(), status: z.literal('pending') })
export type ReportRequested = z.infer<typeof ReportRequested>

/** What anyone holding the number and code may see: a person's name and ID number masked. */
export const PublicReportSummary = z.strictObject({
  number: z.string(),
  kind: reportKind,
  title: z.string(),
  subject: z.strictObject({ kind: subjectKind, name: z.string(), identifier: z.string() }),
  generatedAt: instant,
  validUntil: calendarDate,
  sha256,
})
export type PublicReportSummary = z.infer<typeof PublicReportSummary>

/** The check of an uploaded PDF: genuine only if it is, byte for byte, a report the platform made. */
export const FileVerdict = z.strictObject({
  genuine: z.boolean(),
  verdict: z.enum(['与原件一致', '已被修改']),
  sha256,
  /** the report's number, when genuine */
  number: z.string().optional(),
})
export type FileVerdict = z.infer<typeof FileVerdict>
