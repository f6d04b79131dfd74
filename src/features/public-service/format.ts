// How 公益服务 times and hours read on screen, in China time.
import { addCalendarDays, formatChinaDateTime, formatLongDate } from '../../domain/dates'
import type { BookingStage } from '../../contract/public-service'

/** "2026年12月2日 周三 09:00–12:00"; an end the next day reads "次日 00:30", a later one keeps its date */
export function taskTime(startAt: string, endAt: string): string {
  const s = formatChinaDateTime(startAt)
  const e = formatChinaDateTime(endAt)
  const sameDay = e.slice(0, 10) === s.slice(0, 10)
  const nextDay = e.slice(0, 10) === addCalendarDays(s.slice(0, 10), 1)
  return `${formatLongDate(s.slice(0, 10))} ${s.slice(11)}–${sameDay ? e.slice(11) : nextDay ? `次日 ${e.slice(11)}` : e}`
}

/** The same words split where a line may wrap: a date or a time is never broken in two. */
export const taskTimeFields = (startAt: string, endAt: string): string[] => taskTime(startAt, endAt).split(' ')

export const dayOf = (iso: string) => formatChinaDateTime(iso).slice(0, 10)

export const hoursText = (h: number) => `${Math.round(h * 10) / 10} 小时`

export const STAGE_TONES: Record<BookingStage, string> = {
  booked: 'tag-accent', checked_in: 'tag-warn', checked_out: 'tag-warn', confirmed: 'tag-ok', cancelled: 'tag-muted',
}
