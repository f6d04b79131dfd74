// 失信举报 and 信用信息自愿注册 calls. Filing goes through the outbox (features/cases/*-form.ts);
// officer actions are direct, each under its own Idempotency-Key. Types come from the contract,
// as types only: zod stays out of the app bundle.
import type { DishonestyReport, FileDishonestyReport, OfficerDishonestyReport } from '../contract/dishonesty-reports'
import type { FileRegistration, OfficerRegistration, VoluntaryRegistration } from '../contract/voluntary-registrations'
import type { DishonestyOutcome, DishonestyStatus, VoluntaryStatus } from '../domain/cases'
import { apiGet, apiPost, newIdempotencyKey } from './http'
import type { Page } from './types'

export type { DishonestyReport, FileDishonestyReport, OfficerDishonestyReport, FileRegistration, OfficerRegistration, VoluntaryRegistration }

const page = (cursor?: string | null, extra: Record<string, string | undefined> = {}) => {
  const params = Object.fromEntries(Object.entries({ ...extra, cursor: cursor ?? undefined }).filter(([, v]) => v))
  return Object.keys(params).length ? params : undefined
}
const once = <T>(url: string, body: unknown = {}) => apiPost<T>(url, body, { idempotencyKey: newIdempotencyKey() })

export const fetchMyReports = (cursor?: string | null) => apiGet<Page<DishonestyReport>>('/dishonesty-reports', page(cursor))
export const fetchReport = (id: string) => apiGet<DishonestyReport>(`/dishonesty-reports/${encodeURIComponent(id)}`)

export const fetchMyRegistrations = (cursor?: string | null) => apiGet<Page<VoluntaryRegistration>>('/voluntary-registrations', page(cursor))
export const fetchRegistration = (id: string) => apiGet<VoluntaryRegistration>(`/voluntary-registrations/${encodeURIComponent(id)}`)

const officerReports = '/officer/dishonesty-reports'
export const fetchReportQueue = (status: DishonestyStatus | undefined, cursor?: string | null) => apiGet<Page<OfficerDishonestyReport>>(officerReports, page(cursor, { status }))
export const fetchOfficerReport = (id: string) => apiGet<OfficerDishonestyReport>(`${officerReports}/${encodeURIComponent(id)}`)
export const acceptReport = (id: string) => once<OfficerDishonestyReport>(`${officerReports}/${encodeURIComponent(id)}/accept`)
export const verifyReport = (id: string, note?: string) => once<OfficerDishonestyReport>(`${officerReports}/${encodeURIComponent(id)}/verify`, note ? { note } : {})
export const concludeReport = (id: string, outcome: DishonestyOutcome, reply: string) =>
  once<OfficerDishonestyReport>(`${officerReports}/${encodeURIComponent(id)}/conclude`, { outcome, reply })

const officerRegistrations = '/officer/voluntary-registrations'
export const fetchRegistrationQueue = (status: VoluntaryStatus | undefined, cursor?: string | null) =>
  apiGet<Page<OfficerRegistration>>(officerRegistrations, page(cursor, { status }))
export const fetchOfficerRegistration = (id: string) => apiGet<OfficerRegistration>(`${officerRegistrations}/${encodeURIComponent(id)}`)
export const verifyRegistration = (id: string, note?: string) => once<OfficerRegistration>(`${officerRegistrations}/${encodeURIComponent(id)}/verify`, note ? { note } : {})
export const rejectRegistration = (id: string, reasons: string) => once<OfficerRegistration>(`${officerRegistrations}/${encodeURIComponent(id)}/reject`, { reasons })
