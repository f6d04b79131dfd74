// Working-day calendar for legal deadlines: weekends, China's public holidays and make-up workdays (调休).
// A year's official arrangement (published each year by the State Council) decides its days; for a
// year whose arrangement is not known yet, the statutory holidays are used and every result that
// depends on such a day is marked `estimated`, so a deadline is never silently computed as if the
// holidays did not exist.
import chineseDays from 'chinese-days'
import { addCalendarDays, chinaDate } from './dates'
import { statutoryHolidays, type Holiday } from './statutory-holidays'

type DateInput = string | Date

/** The arrangement of one year as published: days off (incl. bridged weekends) and make-up workdays. */
export interface OfficialYear {
  year: number
  holidays: Holiday[]
  workdays: string[]
}

/** A computed date and whether it rests on a year whose official arrangement is not known. */
export interface CalendarDate {
  date: string
  estimated: boolean
}

export const ESTIMATED_NOTE = '按法定节假日推算，以国务院公布的安排为准'

/** From this day of December on, next year's arrangement (元旦) may move days: needs that year too. */
const YEAR_END_DAY = 25

const yearOf = (ymd: string) => Number(ymd.slice(0, 4))
const isWeekend = (ymd: string) => {
  const day = new Date(`${ymd}T00:00:00Z`).getUTCDay()
  return day === 0 || day === 6
}

export class WorkingCalendar {
  private readonly official = new Set<number>()
  private readonly rest = new Map<string, string>()
  private readonly work = new Set<string>()
  private readonly statutory = new Map<number, Map<string, string>>()

  constructor(years: readonly OfficialYear[]) {
    for (const y of years) {
      this.official.add(y.year)
      for (const h of y.holidays) this.rest.set(h.date, h.name)
      for (const w of y.workdays) this.work.add(w)
    }
  }

  /** Years whose official arrangement this calendar holds. */
  officialYears(): number[] {
    return [...this.official].sort((a, b) => a - b)
  }

  /** Whether the official arrangement decides this day (its year's, and for late December the next year's too). */
  isOfficial(d: DateInput): boolean {
    const ymd = chinaDate(d)
    const year = yearOf(ymd)
    if (!this.official.has(year)) return false
    const lateDecember = ymd.slice(5, 7) === '12' && Number(ymd.slice(8, 10)) >= YEAR_END_DAY
    return !lateDecember || this.official.has(year + 1)
  }

  /** Whether `d` is a working day, and the holiday's name when it is not one because of a holiday. */
  day(d: DateInput): { date: string; working: boolean; holiday: string | null; estimated: boolean } {
    const date = chinaDate(d)
    if (this.work.has(date)) return { date, working: true, holiday: null, estimated: !this.isOfficial(date) }
    const named = this.rest.get(date) ?? (this.official.has(yearOf(date)) ? undefined : this.statutoryOf(yearOf(date)).get(date))
    if (named) return { date, working: false, holiday: named, estimated: !this.isOfficial(date) }
    return { date, working: !isWeekend(date), holiday: null, estimated: !this.isOfficial(date) }
  }

  isWorkingDay(d: DateInput): boolean {
    return this.day(d).working
  }

  /** The date `n` working days after `start` (the start day itself is not counted). */
  addWorkingDays(start: DateInput, n: number): CalendarDate {
    if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a non-negative integer')
    let date = chinaDate(start)
    let estimated = false
    let left = n
    while (left > 0) {
      date = addCalendarDays(date, 1)
      const day = this.day(date)
      estimated ||= day.estimated
      if (day.working) left--
    }
    return { date, estimated }
  }

  /** The last working day before `d` (a deadline's reminder day). */
  previousWorkingDay(d: DateInput): string {
    let date = addCalendarDays(chinaDate(d), -1)
    while (!this.isWorkingDay(date)) date = addCalendarDays(date, -1)
    return date
  }

  /** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
  workingDaysBetween(from: DateInput, to: DateInput): number {
    let date = chinaDate(from)
    const end = chinaDate(to)
    let count = 0
    while (date < end) {
      date = addCalendarDays(date, 1)
      if (this.isWorkingDay(date)) count++
    }
    return count
  }

  private statutoryOf(year: number): Map<string, string> {
    let days = this.statutory.get(year)
    if (!days) {
      days = new Map(statutoryHolidays(year).map((h) => [h.date, h.name]))
      this.statutory.set(year, days)
    }
    return days
  }
}

const HOLIDAY_NAME = /,([^,]+),\d+$/

/** The official arrangements the `chinese-days` package knows (it adds a year once it is published). */
export function packageYears(from = 2004, to = new Date().getUTCFullYear() + 1): OfficialYear[] {
  const years: OfficialYear[] = []
  for (let year = from; year <= to; year++) {
    const start = `${year}-01-01`
    const end = `${year}-12-31`
    const off = chineseDays.getHolidaysInRange(start, end, false)
    if (off.length === 0) continue
    const holidays = off.map((date) => ({ date, name: chineseDays.getDayDetail(date).name.match(HOLIDAY_NAME)?.[1] ?? '节假日' }))
    const workdays = chineseDays.getWorkdaysInRange(start, end, true).filter(isWeekend)
    years.push({ year, holidays, workdays })
  }
  return years
}

let packageCalendar: WorkingCalendar | undefined
/** The calendar of the package's data alone (the server adds the arrangements officers load). */
export function defaultCalendar(): WorkingCalendar {
  packageCalendar ??= new WorkingCalendar(packageYears())
  return packageCalendar
}

export const isWorkingDay = (d: DateInput) => defaultCalendar().isWorkingDay(d)
export const addWorkingDays = (start: DateInput, n: number) => defaultCalendar().addWorkingDays(start, n)
export const workingDaysBetween = (from: DateInput, to: DateInput) => defaultCalendar().workingDaysBetween(from, to)
export const previousWorkingDay = (d: DateInput) => defaultCalendar().previousWorkingDay(d)
