// China time in one place, for the app and the server: calendar dates ('YYYY-MM-DD') and times
// ('YYYY-MM-DD HH:mm') in China Standard Time whatever the machine's zone. Built on dayjs with the
// utc plugin and a fixed +08:00 offset (China has no daylight saving), so no Intl is needed —
// some mini-program engines lack it. Working days (holidays) are in working-days.ts.
import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)

const CHINA_OFFSET_MINUTES = 8 * 60
const YMD = /^\d{4}-\d{2}-\d{2}/

const inChina = (d: Date | string | number) => dayjs(d).utcOffset(CHINA_OFFSET_MINUTES)

/** The calendar date in China of an instant, or a 'YYYY-MM-DD…' string cut to its date. */
export function chinaDate(d: string | Date = new Date()): string {
  if (typeof d === 'string') {
    if (!YMD.test(d)) throw new RangeError(`not a date: ${d}`)
    return d.slice(0, 10)
  }
  return inChina(d).format('YYYY-MM-DD')
}

export function addCalendarDays(ymd: string, days: number): string {
  return dayjs.utc(ymd.slice(0, 10)).add(days, 'day').format('YYYY-MM-DD')
}

/** An instant as China time 'YYYY-MM-DD HH:mm'. */
export function chinaDateTime(d: Date): string {
  return inChina(d).format('YYYY-MM-DD HH:mm')
}

/** An ISO timestamp from the API as China time 'YYYY-MM-DD HH:mm'; '' for none, unparsable as is. */
export function formatChinaDateTime(iso: string | null | undefined): string {
  if (!iso) return ''
  const t = Date.parse(iso)
  return Number.isNaN(t) ? iso : chinaDateTime(new Date(t))
}

/** An ISO timestamp from the API as its China calendar date 'YYYY-MM-DD'. */
export const formatChinaDate = (iso: string) => formatChinaDateTime(iso).slice(0, 10)

/** "2026-11-23" → "2026年11月23日 周一" */
export function formatLongDate(ymd: string): string {
  const d = dayjs.utc(ymd)
  if (!YMD.test(ymd) || !d.isValid()) return ymd
  return `${d.year()}年${d.month() + 1}月${d.date()}日 周${'日一二三四五六'[d.day()]}`
}

/** Whether `s` is a real calendar date written 'YYYY-MM-DD' (no 02-30, no 13th month). */
export function isCalendarDate(s: unknown): s is string {
  if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false
  const t = Date.parse(`${s}T00:00:00Z`)
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s
}
