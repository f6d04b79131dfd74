// A scenic spot's gate hours (China time): a voucher for today is offered only while people may
// still enter — before the last-entry minute.
import { addCalendarDays, chinaDate, chinaDateTime } from './dates'

export interface GateHours {
  /** 'HH:MM', China time */
  opens: string | null
  closes: string | null
  lastEntry: string
}

/** 'HH:MM' in China time, whatever the device's zone. */
export const chinaClock = (now: Date): string => chinaDateTime(now).slice(11, 16)

/** true while today's visitors may still enter (the last-entry minute itself is closed). */
export function canEnterToday(hours: Pick<GateHours, 'lastEntry'> | null | undefined, now: Date): boolean {
  return !hours || chinaClock(now) < hours.lastEntry
}

/** The first visit day a voucher may be booked for: today, or tomorrow once the gate has closed. */
export function firstVisitDay(hours: Pick<GateHours, 'lastEntry'> | null | undefined, now: Date): string {
  const today = chinaDate(now)
  return canEnterToday(hours, now) ? today : addCalendarDays(today, 1)
}

export const pastLastEntryMessage = (lastEntry: string): string => `今天已过最晚入园时间（${lastEntry}），请选择明天或以后的日期`
