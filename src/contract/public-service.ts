// 公益服务 API contract: request schemas (the server parses with them) and the answers' types (the
// app imports them with `import type`).
import { z } from 'zod'
import { isCalendarDate } from '../domain/dates'
import { SERVICE_TASK_CAPACITY, SERVICE_TASK_HOURS } from '../domain/policy'
import { TASK_CANCEL_REASON_MAX, type CancelledBy } from '../domain/public-service'
import { cursorQuery, text, type Page } from './common'

const isoTime = (label: string) =>
  z.iso.datetime({ offset: true, error: (iss) => (iss.input === undefined ? `请填写${label}` : `${label}格式不正确，应为带时区的 ISO 时间`) })

const hours = (label: string, min: number = SERVICE_TASK_HOURS.min) =>
  z
    .number({ error: `请填写${label}（小时）` })
    .min(min, { error: `${label}须在 ${min}–${SERVICE_TASK_HOURS.max} 小时之间` })
    .max(SERVICE_TASK_HOURS.max, { error: `${label}须在 ${min}–${SERVICE_TASK_HOURS.max} 小时之间` })
    .refine((h) => Number.isInteger(h / SERVICE_TASK_HOURS.step), { error: `${label}须以 ${SERVICE_TASK_HOURS.step} 小时为单位` })

export const taskBody = z.object({
  title: text('任务名称', 60),
  organization: text('组织单位', 60),
  place: text('服务地点', 120),
  description: text('任务说明', 2000),
  startAt: isoTime('开始时间'),
  endAt: isoTime('结束时间'),
  signupDeadline: isoTime('报名截止时间'),
  capacity: z
    .number({ error: '请填写招募人数' })
    .int({ error: '招募人数须为整数' })
    .min(SERVICE_TASK_CAPACITY.min, { error: `招募人数须在 ${SERVICE_TASK_CAPACITY.min}–${SERVICE_TASK_CAPACITY.max} 人之间` })
    .max(SERVICE_TASK_CAPACITY.max, { error: `招募人数须在 ${SERVICE_TASK_CAPACITY.min}–${SERVICE_TASK_CAPACITY.max} 人之间` }),
  hours: hours('服务时长'),
})
export type TaskInput = z.infer<typeof taskBody>

export const taskListQuery = cursorQuery.extend({
  date: z.string({ error: '日期格式不正确' }).refine(isCalendarDate, { error: '日期格式不正确，应为 YYYY-MM-DD' }).optional(),
})

export const idParam = (label: string) => z.object({ id: text(label, 100) })

/** The site's rotating code (typed or scanned: the QR text may carry a prefix). */
export const siteCodeBody = z.object({ code: text('签到码', 60) })
export const hourCodeRedeemBody = z.object({ code: text('时长码', 40) })
export const hourCodeIssueBody = z.object({ hours: hours('时长码时长'), note: text('说明（服务内容）', 200) })
export const attendanceBody = z.object({ bookingId: text('预约', 100), hours: hours('确认时长', 0) })
/** 取消活动: the reason goes to every booked citizen as it is written. */
export const taskCancelBody = z.object({ reason: text('取消原因', TASK_CANCEL_REASON_MAX) })
export type TaskCancelInput = z.infer<typeof taskCancelBody>

export { cursorQuery }

// ---- answers ----

export type BookingStage = 'cancelled' | 'booked' | 'checked_in' | 'checked_out' | 'confirmed'
export type { CancelledBy }

export interface ServiceTask {
  id: string
  title: string
  organization: string
  place: string
  description: string
  startAt: string
  endAt: string
  signupDeadline: string
  capacity: number
  booked: number
  hours: number
  /** whether a booking is taken now (deadline, start, seats) */
  open: boolean
  /** why not, in plain Chinese */
  closedReason: string | null
  checkIn: { opens: string; closes: string }
  checkOut: { opens: string; closes: string }
  /** set when the organizer cancelled the task */
  cancelled: { at: string; reason: string } | null
  /** the caller's live booking of this task */
  myBooking: { id: string; stage: BookingStage; stageLabel: string } | null
}

export interface ServiceBooking {
  id: string
  stage: BookingStage
  stageLabel: string
  bookedAt: string
  cancelledAt: string | null
  checkedInAt: string | null
  checkedOutAt: string | null
  confirmedHours: number | null
  /** who cancelled it (the organizer: the whole task was cancelled, see task.cancelReason) */
  cancelledBy: CancelledBy | null
  canCancel: boolean
  task: { id: string; title: string; organization: string; place: string; startAt: string; endAt: string; hours: number; cancelReason: string | null }
}

export interface AttendanceResult {
  bookingId: string
  stage: BookingStage
  task: { id: string; title: string; organization: string }
  at: string
  message: string
}

export interface HoursEntry {
  id: string
  source: 'attendance' | 'hour_code'
  sourceLabel: string
  hours: number
  title: string
  organization: string
  creditedAt: string
  correctedAt: string | null
}

export interface HoursSummary extends Page<HoursEntry> {
  total: number
  points: number
  maxPoints: number
  /** hours still to serve for the next point; null at the cap */
  hoursToNextPoint: number | null
}

export interface OrganizerTask extends Omit<ServiceTask, 'myBooking' | 'open' | 'closedReason'> {
  confirmed: number
}

export interface TaskAttendee {
  bookingId: string
  /** masked: the organizer compares it with the person on site */
  name: string
  phoneTail: string | null
  stage: BookingStage
  stageLabel: string
  bookedAt: string
  checkedInAt: string | null
  checkedOutAt: string | null
  confirmedHours: number | null
}

export interface SiteCode {
  code: string
  expiresAt: string
  period: number
  /** the server's clock when it answered: the countdown runs on it, whatever the phone's clock says */
  serverTime: string
}

export type { Page }
