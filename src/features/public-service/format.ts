// How 公益服务 times and hours read on screen, in China time.
import { formatChinaDateTime, formatLongDate } from '../../domain/dates'
import type { BookingStage } from '../../contract/public-service'

/** "2026年12月2日 周三 09:00–12:00" (an end on another day keeps its date) */
export function taskTime(startAt: string, endAt: string): string {
  const s = formatChinaDateTime(startAt)
  const e = formatChinaDateTime(endAt)
  return `${formatLongDate(s.slice(0, 10))} ${s.slice(11)}–${e.slice(0, 10) === s.slice(0, 10) ? e.slice(11) : e}`
}

export const dayOf = (iso: string) => formatChinaDateTime(iso).slice(0, 10)

export const hoursText = (h: number) => `${Math.round(h * 10) / 10} 小时`

export const STAGE_TONES: Record<BookingStage, string> = {
  booked: 'tag-accent', checked_in: 'tag-warn', checked_out: 'tag-warn', confirmed: 'tag-ok', cancelled: 'tag-muted',
}
