// How credit dates, points and periods read on screen. Times are shown in China time.

/** "2026-05-07T01:00:00.000Z" → "2026-05-07 09:00" (China time) */
export { formatChinaDateTime as formatDateTime } from '../../domain/dates'

/** +60 / −50 (a real minus sign, as the server writes reasons) / 0 */
export const formatPoints = (points: number): string => (points > 0 ? `+${points}` : points < 0 ? `−${Math.abs(points)}` : '0')

/** 2026-05-07 至 2029-05-07, or “… 至 长期” when the publicity has no end */
export const publicityPeriod = (start: string, end: string | null): string => `${start} 至 ${end ?? '长期'}`

/** "2026-11" → "11月", or "2026年11月" with the year */
export function monthLabel(month: string, withYear = false): string {
  const [y, m] = month.split('-')
  const n = Number(m)
  return withYear ? `${y}年${n}月` : `${n}月`
}
