// 公益服务 API contract: request schemas (the server parses with them) and the answers' schemas (the
// server's response schemas; the app imports their types with `import type`).
import { z } from 'zod'
import { isCalendarDate } from '../domain/dates'
import { SERVICE_TASK_CAPACITY, SERVICE_TASK_HOURS } from '../domain/policy'
import { TASK_CANCEL_REASON_MAX, type BookingStage, type CancelledBy } from '../domain/public-service'
import { cursorQuery, instant, pageOf, text, type Page } from './common'

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
// Strict objects: a field the contract does not name fails the response check (server/contract).

const BOOKING_STAGES = ['cancelled', 'booked', 'checked_in', 'checked_out', 'confirmed'] as const satisfies readonly BookingStage[]
const CANCELLED_BY = ['citizen', 'organizer', 'account_deletion'] as const satisfies readonly CancelledBy[]
export const bookingStage = z.enum(BOOKING_STAGES)
export type { BookingStage, CancelledBy }
const serviceHours = z.number().min(0)
const timeWindow = z.strictObject({ opens: instant, closes: instant })

const taskFields = {
  id: z.string(),
  title: z.string(),
  organization: z.string(),
  place: z.string(),
  description: z.string(),
  startAt: instant,
  endAt: instant,
  signupDeadline: instant,
  capacity: z.number().int().min(0),
  booked: z.number().int().min(0),
  hours: serviceHours,
  checkIn: timeWindow,
  checkOut: timeWindow,
  /** set when the organizer cancelled the task */
  cancelled: z.strictObject({ at: instant, reason: z.string() }).nullable(),
}

export const ServiceTask = z.strictObject({
  ...taskFields,
  /** whether a booking is taken now (deadline, start, seats) */
  open: z.boolean(),
  /** why not, in plain Chinese */
  closedReason: z.string().nullable(),
  /** the caller's live booking of this task */
  myBooking: z.strictObject({ id: z.string(), stage: bookingStage, stageLabel: z.string() }).nullable(),
})
export type ServiceTask = z.infer<typeof ServiceTask>
export const ServiceTaskPage = pageOf(ServiceTask)

export const ServiceBooking = z.strictObject({
  id: z.string(),
  stage: bookingStage,
  stageLabel: z.string(),
  bookedAt: instant,
  cancelledAt: instant.nullable(),
  checkedInAt: instant.nullable(),
  checkedOutAt: instant.nullable(),
  confirmedHours: serviceHours.nullable(),
  /** who cancelled it (the organizer: the whole task was cancelled, see task.cancelReason) */
  cancelledBy: z.enum(CANCELLED_BY).nullable(),
  canCancel: z.boolean(),
  task: z.strictObject({ id: z.string(), title: z.string(), organization: z.string(), place: z.string(), startAt: instant, endAt: instant, hours: serviceHours, cancelReason: z.string().nullable() }),
})
export type ServiceBooking = z.infer<typeof ServiceBooking>
export const ServiceBookingPage = pageOf(ServiceBooking)

export const AttendanceResult = z.strictObject({
  bookingId: z.string(),
  stage: bookingStage,
  task: z.strictObject({ id: z.string(), title: z.string(), organization: z.string() }),
  at: instant,
  message: z.string(),
})
export type AttendanceResult = z.infer<typeof AttendanceResult>

export const HoursEntry = z.strictObject({
  id: z.string(),
  source: z.enum(['attendance', 'hour_code']),
  sourceLabel: z.string(),
  hours: serviceHours,
  title: z.string(),
  organization: z.string(),
  creditedAt: instant,
  correctedAt: instant.nullable(),
})
export type HoursEntry = z.infer<typeof HoursEntry>

export const HoursSummary = pageOf(HoursEntry).extend({
  total: serviceHours,
  points: z.number().int().min(0),
  maxPoints: z.number().int().min(0),
  /** hours still to serve for the next point; null at the cap */
  hoursToNextPoint: serviceHours.nullable(),
})
export type HoursSummary = z.infer<typeof HoursSummary>

/** 时长码兑换: what was credited. */
export const HourCodeRedeemed = z.strictObject({ hours: serviceHours, title: z.string(), organization: z.string(), message: z.string() })
export type HourCodeRedeemed = z.infer<typeof HourCodeRedeemed>

export const OrganizerTask = z.strictObject({ ...taskFields, confirmed: z.number().int().min(0) })
export type OrganizerTask = z.infer<typeof OrganizerTask>
export const OrganizerTaskPage = pageOf(OrganizerTask)

export const TaskAttendee = z.strictObject({
  bookingId: z.string(),
  /** masked: the organizer compares it with the person on site */
  name: z.string(),
  phoneTail: z.string().regex(/^\d{4}$/).nullable(),
  stage: bookingStage,
  stageLabel: z.string(),
  bookedAt: instant,
  checkedInAt: instant.nullable(),
  checkedOutAt: instant.nullable(),
  confirmedHours: serviceHours.nullable(),
})
export type TaskAttendee = z.infer<typeof TaskAttendee>
export const TaskAttendees = z.strictObject({ task: OrganizerTask, items: z.array(TaskAttendee) })
export type TaskAttendees = z.infer<typeof TaskAttendees>

export const SiteCode = z.strictObject({
  code: z.string(),
  expiresAt: instant,
  period: z.number().int().positive(),
  /** the server's clock when it answered: the countdown runs on it, whatever the phone's clock says */
  serverTime: instant,
})
export type SiteCode = z.infer<typeof SiteCode>

/** A 时长码 just issued: the code is shown to the organizer once. */
export const HourCodeIssued = z.strictObject({ code: z.string(), hours: serviceHours, note: z.string(), organization: z.string() })
export type HourCodeIssued = z.infer<typeof HourCodeIssued>

export type { Page }
