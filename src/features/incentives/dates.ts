// Dates on the 守信激励 screens, in China time whatever the phone's zone.
import { addCalendarDays, chinaDate, chinaDateTime } from '../../domain/dates'
import { firstVisitDay, type GateHours } from '../../domain/opening-hours'
import { VOUCHER_BOOKING_WINDOW_DAYS } from '../../domain/policy'

export const chinaToday = (now: Date = new Date()): string => chinaDate(now)

/**
 * The visit dates a voucher may be booked for: today (until the spot's last entry, then tomorrow)
 * … today + VOUCHER_BOOKING_WINDOW_DAYS.
 */
export function bookingWindow(now: Date = new Date(), hours: Pick<GateHours, 'lastEntry'> | null = null): { start: string; end: string } {
  const start = firstVisitDay(hours, now)
  return { start, end: addCalendarDays(chinaToday(now), VOUCHER_BOOKING_WINDOW_DAYS) }
}

/** A kept visit date if it is still bookable, otherwise the first bookable day. */
export function bookableDate(kept: string | null, now: Date = new Date(), hours: Pick<GateHours, 'lastEntry'> | null = null): string {
  const { start, end } = bookingWindow(now, hours)
  return kept && kept >= start && kept <= end ? kept : start
}

/** "2026-11-22T17:20:49Z" → "2026-11-23 01:20" (China time) */
export function formatDateTime(iso: string | null): string {
  if (!iso) return ''
  const t = Date.parse(iso)
  if (Number.isNaN(t)) return iso
  return chinaDateTime(new Date(t))
}

/** "2026-11-23" → "2026年11月23日 周一" */
export function formatVisitDate(ymd: string): string {
  const [y, m, d] = ymd.split('-').map(Number)
  if (!y || !m || !d) return ymd
  const week = '日一二三四五六'[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]
  return `${y}年${m}月${d}日 周${week}`
}
