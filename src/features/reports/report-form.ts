// The 生成信用报告 form: which report, and for a 专项信用报告 the period and domains. What it may ask
// for is the shared rule (domain/report-request); this adds the form's defaults and quick choices.
import { addCalendarDays, isCalendarDate } from '../../domain/dates'
import { SPECIAL_REPORT_MAX_YEARS } from '../../domain/policy'
import { periodProblem, REPORT_DOMAIN_NAMES, type ReportDomain } from '../../domain/report-request'
import type { ReportKind, ReportRequest } from '../../services/reports-api'

export interface ReportForm {
  kind: ReportKind
  from: string
  to: string
  domains: ReportDomain[]
}

/** The same day `years` years before (29 February, in a year without one: 1 March). */
export function yearsBefore(ymd: string, years: number): string {
  const year = Number(ymd.slice(0, 4)) - years
  const d = `${year}${ymd.slice(4)}`
  return isCalendarDate(d) ? d : addCalendarDays(`${year}${ymd.slice(4, 8)}28`, 1)
}

/** A period of `years` years ending today. */
export const lastYears = (years: number, today: string) => ({ from: yearsBefore(today, years), to: today })

export const QUICK_PERIODS = [1, 3, SPECIAL_REPORT_MAX_YEARS].map((years) => ({ years, label: `近 ${years} 年` }))

export const emptyForm = (kind: ReportKind, today: string): ReportForm => ({ kind, ...lastYears(3, today), domains: [...REPORT_DOMAIN_NAMES] })

/** Why the form cannot be sent yet, in Chinese; null when it can. */
export function formProblem(form: ReportForm, today: string, actingForEnterprise: boolean): string | null {
  if (form.kind === 'full') return null
  if (!actingForEnterprise) return '专项信用报告仅面向企业，请先切换到您代理的企业'
  return periodProblem(form.from, form.to, today) ?? (form.domains.length === 0 ? '请至少选择一个领域' : null)
}

export function toRequest(form: ReportForm): ReportRequest {
  if (form.kind === 'full') return { kind: 'full' }
  // In the order the list shows them: the same choice reads the same in the report.
  return { kind: 'special', from: form.from, to: form.to, domains: REPORT_DOMAIN_NAMES.filter((d) => form.domains.includes(d)) }
}
