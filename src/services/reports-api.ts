// Credit reports: the subject's own (status, list) and the public checks anyone may make (no login).
// The request itself goes through the outbox (POST /reports); the file through services/report-file.
import { anonymousGet, apiGet } from './http'
import type { Page } from './types'
import type { ReportDomain } from '../domain/report-request'

export type ReportKind = 'full' | 'special'
export type ReportStatus = 'pending' | 'ready' | 'failed'

export interface ReportRequest {
  kind: ReportKind
  from?: string
  to?: string
  domains?: ReportDomain[]
}

export interface Report {
  id: string
  kind: ReportKind
  status: ReportStatus
  number: string
  verificationCode: string
  sha256: string | null
  params: { from?: string; to?: string; domains?: ReportDomain[] }
  createdAt: string
  readyAt: string | null
}

export interface PublicReportSummary {
  number: string
  kind: ReportKind
  title: string
  subject: { kind: 'person' | 'enterprise'; name: string; identifier: string }
  generatedAt: string
  validUntil: string
  sha256: string
}

export interface FileVerdict {
  genuine: boolean
  verdict: '与原件一致' | '已被修改'
  sha256: string
  number?: string
}

export const REPORT_KIND_TITLES: Record<ReportKind, string> = { full: '公共信用信息报告', special: '专项信用报告' }

export const fetchReport = (id: string) => apiGet<Report>(`/reports/${encodeURIComponent(id)}`)
export const fetchReports = (cursor?: string | null) => apiGet<Page<Report>>('/reports', cursor ? { cursor } : undefined)

export const fetchPublicReport = (number: string, code: string) =>
  anonymousGet<PublicReportSummary>(`/public/reports/${encodeURIComponent(number)}`, { code })
