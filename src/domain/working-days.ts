// Working-day calendar for legal deadlines: weekends, China's public holidays and make-up workdays (调休).
// Holiday data comes from the maintained `chinese-days` package; `calendarCovers` lets a test fail
// the day the package no longer knows the current year.
import chineseDays from 'chinese-days'
import { addCalendarDays, chinaDate } from './dates'

type DateInput = string | Date

export function isWorkingDay(d: DateInput): boolean {
  return chineseDays.isWorkday(chinaDate(d))
}

/** The date `n` working days after `start` (the start day itself is not counted). */
export function addWorkingDays(start: DateInput, n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a non-negative integer')
  let day = chinaDate(start)
  let left = n
  while (left > 0) {
    day = addCalendarDays(day, 1)
    if (isWorkingDay(day)) left--
  }
  return day
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: DateInput, to: DateInput): number {
  let day = chinaDate(from)
  const end = chinaDate(to)
  let count = 0
  while (day < end) {
    day = addCalendarDays(day, 1)
    if (isWorkingDay(day)) count++
  }
  return count
}

/** Whether the calendar knows the official holiday arrangement of `year`. */
export function calendarCovers(year: number): boolean {
  const holidays = chineseDays.getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false)
  return holidays.length > 0
}

/** The last working day before `d` (a deadline's reminder day). */
export function previousWorkingDay(d: DateInput): string {
  let day = addCalendarDays(chinaDate(d), -1)
  while (!isWorkingDay(day)) day = addCalendarDays(day, -1)
  return day
}
