// Credit reports: the subject's own (status, list) and the public checks anyone may make (no login).
// The request itself goes through the outbox (POST /reports); the file through services/report-file.
// Types come from the contract, as types only: zod stays out of the app bundle.
import type {
  FileVerdict, PublicReportSummary, Report, ReportDomain, ReportKind, ReportPage, ReportRequest, ReportRequested, ReportStatus,
} from '../contract/reports'
import { anonymousGet, apiGet } from './http'

export type { FileVerdict, PublicReportSummary, Report, ReportKind, ReportRequest, ReportRequested, ReportStatus }
export type { ReportDomain }

export const REPORT_KIND_TITLES: Record<ReportKind, string> = { full: '公共信用信息报告', special: '专项信用报告' }

export const fetchReport = (id: string) => apiGet<Report>(`/reports/${encodeURIComponent(id)}`)
export const fetchReports = (cursor?: string | null) => apiGet<ReportPage>('/reports', cursor ? { cursor } : undefined)

export const fetchPublicReport = (number: string, code: string) =>
  anonymousGet<PublicReportSummary>(`/public/reports/${encodeURIComponent(number)}`, { code })
