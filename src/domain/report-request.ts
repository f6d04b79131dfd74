// What a credit report request may ask for, checked the same way on the phone (before sending) and
// on the server: the domains of a 专项信用报告 and its period (at most SPECIAL_REPORT_MAX_YEARS years,
// ending no later than today).
import { SPECIAL_REPORT_MAX_YEARS } from './policy'

/** The domains (领域) a 专项信用报告 covers; the server maps each to its deciding departments. */
export const REPORT_DOMAIN_NAMES = ['市场监管', '税务', '消防安全', '生态环境', '安全生产', '人力资源和社会保障', '住房和城乡建设', '交通运输', '城市管理', '司法执行'] as const
export type ReportDomain = (typeof REPORT_DOMAIN_NAMES)[number]

/** The earliest start of a period ending on `to` ('YYYY-MM-DD'): the same day SPECIAL_REPORT_MAX_YEARS years before. */
export const earliestPeriodStart = (to: string) => `${Number(to.slice(0, 4)) - SPECIAL_REPORT_MAX_YEARS}${to.slice(4)}`

/** Why a 专项信用报告 period is refused, in Chinese; null when it may be asked for. */
export function periodProblem(from: string | undefined, to: string | undefined, today: string): string | null {
  if (!from || !to) return '请选择专项信用报告的起止日期'
  if (from > to) return '开始日期不能晚于结束日期'
  if (to > today) return '结束日期不能晚于今天'
  if (from < earliestPeriodStart(to)) return `专项信用报告的期间最长 ${SPECIAL_REPORT_MAX_YEARS} 年`
  return null
}

/** A report number as printed: BG, the date (8 digits) and 8 characters without 0/O, 1/I. */
export const REPORT_NUMBER = /^BG\d{8}[A-Z2-9]{8}$/
/** The 6-character verification code printed beside it (same alphabet; lower case accepted). */
export const REPORT_CODE = /^[A-Za-z2-9]{6}$/
