// Dates on the 守信激励 screens, in China time whatever the phone's zone.
import { addCalendarDays, chinaDate } from '../../domain/dates'
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

/** "2026-11-22T17:20:49Z" → "2026-11-23 01:20" (China time); "2026-11-23" → "2026年11月23日 周一" */
export { formatChinaDateTime as formatDateTime, formatLongDate as formatVisitDate } from '../../domain/dates'
