// 公益服务 rules shared by the server and the app: when a task may be booked, cancelled, checked in
// and out, what a task's times must satisfy, and how a booking is described to its holder. Pure:
// every function takes `now`.
import { chinaDateTime } from './dates'
import { SERVICE_CHECK_IN_EARLY_MINUTES, SERVICE_CHECK_OUT_LATE_MINUTES, SERVICE_TASK_HOURS } from './policy'

type Instant = Date | string

const ms = (d: Instant) => new Date(d).getTime()
const at = (d: Instant) => chinaDateTime(new Date(d))
const MINUTE = 60_000

export interface TaskTimes {
  startAt: Instant
  endAt: Instant
}

/** When the site code is taken for check-in: from shortly before the start until the end. */
export function checkInWindow(t: TaskTimes): { opens: Date; closes: Date } {
  return { opens: new Date(ms(t.startAt) - SERVICE_CHECK_IN_EARLY_MINUTES * MINUTE), closes: new Date(ms(t.endAt)) }
}

/** When the site code is taken for check-out: from the start until a while after the end. */
export function checkOutWindow(t: TaskTimes): { opens: Date; closes: Date } {
  return { opens: new Date(ms(t.startAt)), closes: new Date(ms(t.endAt) + SERVICE_CHECK_OUT_LATE_MINUTES * MINUTE) }
}

export interface Refusal {
  status: 400 | 409
  code: string
  message: string
}

const refuse = (status: 400 | 409, code: string, message: string): Refusal => ({ status, code, message })

/** Whether a task takes a new booking now (capacity itself is enforced by the database). */
export function refuseBooking(t: TaskTimes & { signupDeadline: Instant; booked: number; capacity: number; cancelReason?: string | null }, now: Instant): Refusal | null {
  if (t.cancelReason) return refuse(409, 'TASK_CANCELLED', `该公益任务已被组织方取消：${t.cancelReason}`)
  if (ms(now) >= ms(t.startAt)) return refuse(409, 'TASK_STARTED', '该公益任务已开始或已结束，不能再预约')
  if (ms(now) > ms(t.signupDeadline)) return refuse(409, 'SIGNUP_CLOSED', `该公益任务的报名已于 ${at(t.signupDeadline)} 截止`)
  if (t.booked >= t.capacity) return refuse(409, 'TASK_FULL', '该公益任务名额已满，请选择其他任务')
  return null
}

/**
 * Whether the holder may still cancel a booking. Not once they have checked in (check-in opens
 * before the start) or their hours are confirmed: they were there, and the seat is not free again.
 */
export function refuseCancel(t: TaskTimes, b: { status: string; checkedInAt: Instant | null; confirmedHours: number | string | null }, now: Instant): Refusal | null {
  if (b.status === 'cancelled') return refuse(409, 'BOOKING_CANCELLED', '该预约已取消')
  if (b.confirmedHours !== null) return refuse(409, 'HOURS_CONFIRMED', '该预约的服务时长已确认，不能再取消预约')
  if (b.checkedInAt) return refuse(409, 'ALREADY_CHECKED_IN', `您已于 ${at(b.checkedInAt)} 签到，不能再取消预约；如不能继续服务，请联系组织方`)
  if (ms(now) >= ms(t.startAt)) return refuse(409, 'TASK_STARTED', '公益任务已开始，不能再取消预约；如不能到场，请联系组织方')
  return null
}

/** The longest reason an organizer may give for cancelling a task (it is sent to every booked citizen). */
export const TASK_CANCEL_REASON_MAX = 200

/** Whether the organizer may still cancel the task: not once it has ended (its hours are being confirmed). */
export function refuseTaskCancel(t: TaskTimes, now: Instant): Refusal | null {
  if (ms(now) >= ms(t.endAt)) return refuse(409, 'TASK_ENDED', `该任务已于 ${at(t.endAt)} 结束，不能再取消；如需更正时长，请在报名名单中操作`)
  return null
}

export interface Attendance {
  checkedInAt: Instant | null
  checkedOutAt: Instant | null
}

export function refuseCheckIn(t: TaskTimes, b: Attendance, now: Instant): Refusal | null {
  if (b.checkedInAt) return refuse(409, 'ALREADY_CHECKED_IN', `您已于 ${at(b.checkedInAt)} 签到，无需重复签到`)
  const w = checkInWindow(t)
  if (ms(now) < ms(w.opens)) return refuse(409, 'CHECK_IN_NOT_OPEN', `签到尚未开始：请于 ${at(w.opens)} 后在现场扫码签到`)
  if (ms(now) > ms(w.closes)) return refuse(409, 'CHECK_IN_CLOSED', `签到已于 ${at(w.closes)} 结束（任务结束时间），请联系组织方确认时长`)
  return null
}

export function refuseCheckOut(t: TaskTimes, b: Attendance, now: Instant): Refusal | null {
  if (!b.checkedInAt) return refuse(409, 'NOT_CHECKED_IN', '您还没有签到，请先扫码签到，服务结束后再签退')
  if (b.checkedOutAt) return refuse(409, 'ALREADY_CHECKED_OUT', `您已于 ${at(b.checkedOutAt)} 签退，无需重复签退`)
  const w = checkOutWindow(t)
  if (ms(now) < ms(w.opens)) return refuse(409, 'CHECK_OUT_NOT_OPEN', `任务尚未开始，${at(w.opens)} 后才能签退`)
  if (ms(now) > ms(w.closes)) return refuse(409, 'CHECK_OUT_CLOSED', `签退已于 ${at(w.closes)} 结束，请联系组织方确认时长`)
  return null
}

/** Whether hours are a whole number of half hours within the allowed range (0 only where allowed). */
export function validHours(h: number, allowZero = false): boolean {
  if (!Number.isFinite(h)) return false
  if (allowZero && h === 0) return true
  return h >= SERVICE_TASK_HOURS.min && h <= SERVICE_TASK_HOURS.max && Number.isInteger(h / SERVICE_TASK_HOURS.step)
}

/** A published task's times: end after start, sign-up closing no later than the start, not in the past. */
export function refuseTaskTimes(t: TaskTimes & { signupDeadline: Instant }, now: Instant): string | null {
  if (ms(t.endAt) <= ms(t.startAt)) return '结束时间须晚于开始时间'
  if (ms(t.signupDeadline) > ms(t.startAt)) return '报名截止时间不能晚于开始时间'
  if (ms(t.startAt) <= ms(now)) return '开始时间须晚于当前时间'
  if (ms(t.signupDeadline) <= ms(now)) return '报名截止时间须晚于当前时间'
  if (ms(t.endAt) - ms(t.startAt) > 24 * 60 * MINUTE) return '单次任务不能超过 24 小时，跨天的服务请分别发布'
  return null
}

export type BookingStage = 'cancelled' | 'booked' | 'checked_in' | 'checked_out' | 'confirmed'

export function bookingStage(b: Attendance & { status: string; confirmedHours: number | null }): BookingStage {
  if (b.status === 'cancelled') return 'cancelled'
  if (b.confirmedHours !== null) return 'confirmed'
  if (b.checkedOutAt) return 'checked_out'
  if (b.checkedInAt) return 'checked_in'
  return 'booked'
}

export const STAGE_LABELS: Record<BookingStage, string> = {
  cancelled: '已取消', booked: '已预约', checked_in: '已签到', checked_out: '已签退，待组织方确认时长', confirmed: '时长已确认',
}

export type CancelledBy = 'citizen' | 'organizer' | 'account_deletion'

/** How a cancelled booking is named to its holder: their own cancellation, or the organizer's. */
export function stageLabel(stage: BookingStage, cancelledBy: CancelledBy | null): string {
  if (stage === 'cancelled' && cancelledBy === 'organizer') return '活动已取消'
  return STAGE_LABELS[stage]
}

/** Hours to one decimal as people write them: 2 → "2", 2.5 → "2.5". */
export const formatHours = (h: number): string => String(Math.round(h * 10) / 10)
