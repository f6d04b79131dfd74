// Calendar dates ('YYYY-MM-DD') in China Standard Time, whatever the machine's zone. Light: no
// holiday data here (working days are in working-days.ts).

const CHINA_OFFSET_MS = 8 * 3600_000
const DAY_MS = 86400_000

/** The calendar date in China of an instant, or a 'YYYY-MM-DD…' string cut to its date. */
export function chinaDate(d: string | Date = new Date()): string {
  if (typeof d === 'string') {
    if (!/^\d{4}-\d{2}-\d{2}/.test(d)) throw new RangeError(`not a date: ${d}`)
    return d.slice(0, 10)
  }
  return new Date(d.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10)
}

export function addCalendarDays(ymd: string, days: number): string {
  return new Date(Date.parse(`${ymd}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
}

/** An instant as China time 'YYYY-MM-DD HH:mm'. */
export function chinaDateTime(d: Date): string {
  return new Date(d.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ')
}

/** Whether `s` is a real calendar date written 'YYYY-MM-DD' (no 02-30, no 13th month). */
export function isCalendarDate(s: unknown): s is string {
  if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false
  const t = Date.parse(`${s}T00:00:00Z`)
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s
}
