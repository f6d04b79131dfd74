// On site: the organizer's phone shows the task's rotating code (6 digits of the current 30-s
// window, src/domain/rotating-code), the citizen scans or types it to check in and out; afterwards
// the organizer confirms or corrects each person's hours, which credits the service_hours ledger.
import type { Kysely } from 'kysely'
import { chinaDateTime } from '../../src/domain/dates'
import { ROTATING_CODE_PERIOD_S } from '../../src/domain/policy'
import { formatHours, refuseCheckIn, refuseCheckOut } from '../../src/domain/public-service'
import { checkRotating, rotatingDigits, windowOf } from '../../src/domain/rotating-code'
import type { AttendanceResult, SiteCode, TaskAttendee } from '../../src/contract/public-service'
import type { Database } from '../db/schema'
import { inTransaction } from '../db/transaction'
import { AppError, badRequest, notFound } from '../http/errors'
import { itemSecret } from '../incentives/codes'
import type { MessageTemplates } from '../messages/templates'
import { creditHours } from './ledger'
import { audit, ownTask, selectBooking, selectTask } from './tasks'
import { attendeeToApi, stageOf, type BookingRow, type TaskRow } from './view'

type Db = Kysely<Database>
const DAY = 86_400_000

const siteSecret = (secret: Uint8Array, taskId: string) => itemSecret(secret, 'service-site', taskId)

/** What the organizer's QR shows now and when it changes. */
export async function siteCode(db: Db, secret: Uint8Array, organizerId: string, taskId: string, now: Date): Promise<SiteCode> {
  const t = await ownTask(db, organizerId, taskId)
  const w = windowOf(now)
  return { code: rotatingDigits(siteSecret(secret, t.id), w), expiresAt: new Date((w + 1) * ROTATING_CODE_PERIOD_S * 1000).toISOString(), period: ROTATING_CODE_PERIOD_S, serverTime: now.toISOString() }
}

/** The 6 digits in what was scanned or typed (the QR may carry a prefix). */
function digitsOf(input: string): string {
  const m = /(?:^|\D)(\d{6})\s*$/.exec(input.trim())
  if (!m) throw badRequest('签到码应为 6 位数字：请扫描现场组织方手机上的二维码，或输入其下方的数字', 'SITE_CODE_FORMAT')
  return m[1]
}

/** The caller's booking whose task shows these digits now (only their own tasks around today are tried). */
async function bookingForCode(db: Db, secret: Uint8Array, subjectId: string, input: string, now: Date) {
  const digits = digitsOf(input)
  const candidates = await db
    .selectFrom('service_bookings as b')
    .innerJoin('service_tasks as t', 't.id', 'b.task_id')
    .select(['b.id', 't.id as taskId'])
    .where('b.subject_id', '=', subjectId)
    .where('b.status', '=', 'booked')
    .where('t.start_at', '<', new Date(now.getTime() + DAY))
    .where('t.end_at', '>', new Date(now.getTime() - DAY))
    .limit(50)
    .execute()
  if (candidates.length === 0) {
    throw new AppError(409, 'NO_BOOKING_TODAY', '没有找到您今天的公益任务预约：请先在“公益任务”中预约，并在任务时间到现场扫码')
  }
  let expired = false
  for (const c of candidates) {
    const check = checkRotating(siteSecret(secret, c.taskId), digits, now)
    if (check === 'current') return c.id
    if (check === 'expired') expired = true
  }
  if (expired) throw new AppError(409, 'SITE_CODE_EXPIRED', '签到码已过期（截图或照片无效），请扫描现场实时显示的二维码')
  throw badRequest('签到码不正确，或不是您所预约任务的签到码，请核对后重试', 'SITE_CODE_INVALID')
}

async function lockedBooking(db: Db, id: string) {
  const b = (await selectBooking(db).where('id', '=', id).forUpdate().executeTakeFirstOrThrow()) as BookingRow
  const t = (await selectTask(db).where('id', '=', b.task_id).executeTakeFirstOrThrow()) as TaskRow
  return { b, t }
}

export async function checkInOrOut(db: Db, secret: Uint8Array, input: { subjectId: string; code: string; direction: 'in' | 'out' }, now: Date): Promise<AttendanceResult> {
  return inTransaction(db, async (trx) => {
    const id = await bookingForCode(trx, secret, input.subjectId, input.code, now)
    const { b, t } = await lockedBooking(trx, id)
    // Found before the lock: a cancellation may have committed since.
    if (b.status !== 'booked') throw new AppError(409, 'BOOKING_CANCELLED', '该预约已取消，不能签到或签退')
    const times = { startAt: t.start_at, endAt: t.end_at }
    const state = { checkedInAt: b.checked_in_at, checkedOutAt: b.checked_out_at }
    const refusal = input.direction === 'in' ? refuseCheckIn(times, state, now) : refuseCheckOut(times, state, now)
    if (refusal) throw new AppError(refusal.status, refusal.code, refusal.message)
    const set = input.direction === 'in' ? { checked_in_at: now } : { checked_out_at: now }
    const row = (await trx.updateTable('service_bookings').set(set).where('id', '=', id).returningAll().executeTakeFirstOrThrow()) as BookingRow
    const message = input.direction === 'in'
      ? `签到成功（${chinaDateTime(now)}）。服务结束后请再次扫码签退。`
      : `签退成功（${chinaDateTime(now)}）。组织方确认后，${formatHours(Number(t.hours))} 小时将计入您的公益时长。`
    return { bookingId: id, stage: stageOf(row), task: { id: t.id, title: t.title, organization: t.organization }, at: now.toISOString(), message }
  })
}

/** Confirms (first time) or corrects a booking's hours; the ledger row of the booking follows. */
export async function confirmAttendance(
  db: Db, templates: MessageTemplates, input: { organizerId: string; taskId: string; bookingId: string; hours: number }, now: Date,
): Promise<TaskAttendee> {
  return inTransaction(db, async (trx) => {
    const t = await ownTask(trx, input.organizerId, input.taskId)
    const b = await trx.selectFrom('service_bookings as b').innerJoin('subjects as s', 's.id', 'b.subject_id').innerJoin('users as u', 'u.id', 'b.user_id')
      .select(['b.id', 'b.task_id', 'b.subject_id', 'b.status', 'b.booked_at', 'b.cancelled_at', 'b.checked_in_at', 'b.checked_out_at', 'b.confirmed_hours', 'b.cancelled_by', 's.name', 'u.phone'])
      .where('b.id', '=', input.bookingId).where('b.task_id', '=', t.id).forUpdate().executeTakeFirst()
    if (!b) throw notFound('预约')
    if (b.status === 'cancelled') throw new AppError(409, 'BOOKING_CANCELLED', '该预约已取消，不能确认时长')
    if (now < new Date(t.start_at)) throw new AppError(409, 'TASK_NOT_STARTED', '任务尚未开始，开始后才能确认服务时长')
    const before = b.confirmed_hours === null ? null : Number(b.confirmed_hours)
    if (before === null && input.hours === 0) throw badRequest('首次确认的时长须至少 0.5 小时；未到场的人员无需确认')
    if (before === input.hours) return attendeeToApi(b as BookingRow & { name: string; phone: string | null })
    const row = await trx.updateTable('service_bookings').set({ confirmed_hours: input.hours, confirmed_at: now }).where('id', '=', b.id).returningAll().executeTakeFirstOrThrow()
    await creditHours(trx, templates, {
      subjectId: b.subject_id, source: 'attendance', sourceId: b.id, hours: input.hours, title: t.title, organization: t.organization, corrected: before !== null,
    }, now)
    await audit(trx, {
      organizerId: input.organizerId, action: before === null ? 'confirm_attendance' : 'correct_attendance', taskId: t.id, bookingId: b.id,
      detail: { before, after: input.hours, checkedIn: b.checked_in_at !== null, checkedOut: b.checked_out_at !== null },
    }, now)
    return attendeeToApi({ ...(row as BookingRow), name: b.name, phone: b.phone })
  })
}
