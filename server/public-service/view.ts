// Rows of the 公益服务 tables as the API shows them.
import { maskName } from '../../src/domain/mask'
import { bookingStage, checkInWindow, checkOutWindow, refuseBooking, refuseCancel, STAGE_LABELS, stageLabel, type CancelledBy } from '../../src/domain/public-service'
import type { OrganizerTask, ServiceBooking, ServiceTask, TaskAttendee } from '../../src/contract/public-service'

export const iso = (d: Date | string) => new Date(d).toISOString()
const isoOrNull = (d: Date | string | null) => (d ? iso(d) : null)
export const num = (v: string | number) => Number(v)

export interface TaskRow {
  id: string
  title: string
  organization: string
  place: string
  description: string
  start_at: Date
  end_at: Date
  signup_deadline: Date
  capacity: number
  booked: number
  hours: string | number
  cancelled_at: Date | null
  cancel_reason: string | null
}

export interface BookingRow {
  id: string
  task_id: string
  status: 'booked' | 'cancelled'
  booked_at: Date
  cancelled_at: Date | null
  checked_in_at: Date | null
  checked_out_at: Date | null
  confirmed_hours: string | number | null
  cancelled_by: CancelledBy | null
}

export const stageOf = (b: BookingRow) =>
  bookingStage({ status: b.status, checkedInAt: b.checked_in_at, checkedOutAt: b.checked_out_at, confirmedHours: b.confirmed_hours === null ? null : num(b.confirmed_hours) })

function taskBase(t: TaskRow) {
  const inW = checkInWindow({ startAt: t.start_at, endAt: t.end_at })
  const outW = checkOutWindow({ startAt: t.start_at, endAt: t.end_at })
  return {
    id: t.id, title: t.title, organization: t.organization, place: t.place, description: t.description,
    startAt: iso(t.start_at), endAt: iso(t.end_at), signupDeadline: iso(t.signup_deadline), capacity: t.capacity, booked: t.booked, hours: num(t.hours),
    checkIn: { opens: iso(inW.opens), closes: iso(inW.closes) }, checkOut: { opens: iso(outW.opens), closes: iso(outW.closes) },
    cancelled: t.cancelled_at && t.cancel_reason ? { at: iso(t.cancelled_at), reason: t.cancel_reason } : null,
  }
}

export function taskToApi(t: TaskRow, mine: BookingRow | undefined, now: Date): ServiceTask {
  const refusal = refuseBooking({ startAt: t.start_at, endAt: t.end_at, signupDeadline: t.signup_deadline, booked: t.booked, capacity: t.capacity, cancelReason: t.cancel_reason }, now)
  const stage = mine ? stageOf(mine) : null
  return {
    ...taskBase(t), open: !refusal, closedReason: refusal?.message ?? null,
    myBooking: mine && stage ? { id: mine.id, stage, stageLabel: STAGE_LABELS[stage] } : null,
  }
}

export const organizerTaskToApi = (t: TaskRow, confirmed: number): OrganizerTask => ({ ...taskBase(t), confirmed })

export function bookingToApi(b: BookingRow, t: TaskRow, now: Date): ServiceBooking {
  const stage = stageOf(b)
  return {
    id: b.id, stage, stageLabel: stageLabel(stage, b.cancelled_by), bookedAt: iso(b.booked_at), cancelledAt: isoOrNull(b.cancelled_at),
    checkedInAt: isoOrNull(b.checked_in_at), checkedOutAt: isoOrNull(b.checked_out_at), confirmedHours: b.confirmed_hours === null ? null : num(b.confirmed_hours),
    cancelledBy: b.cancelled_by,
    canCancel: refuseCancel({ startAt: t.start_at, endAt: t.end_at }, { status: b.status, checkedInAt: b.checked_in_at, confirmedHours: b.confirmed_hours }, now) === null,
    task: { id: t.id, title: t.title, organization: t.organization, place: t.place, startAt: iso(t.start_at), endAt: iso(t.end_at), hours: num(t.hours), cancelReason: t.cancel_reason },
  }
}

export function attendeeToApi(b: BookingRow & { name: string; phone: string | null }): TaskAttendee {
  const stage = stageOf(b)
  return {
    bookingId: b.id, name: maskName(b.name), phoneTail: b.phone ? b.phone.slice(-4) : null, stage, stageLabel: stageLabel(stage, b.cancelled_by),
    bookedAt: iso(b.booked_at), checkedInAt: isoOrNull(b.checked_in_at), checkedOutAt: isoOrNull(b.checked_out_at),
    confirmedHours: b.confirmed_hours === null ? null : num(b.confirmed_hours),
  }
}
