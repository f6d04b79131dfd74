// Booking and cancelling a seat. The seat count moves by a conditional update of the task row
// (`booked < capacity`), so of concurrent bookings for the last seat exactly one gets it; the row
// lock that update takes also serialises one person's concurrent bookings of the same task.
import crypto from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import { chinaDateTime } from '../../src/domain/dates'
import { refuseBooking, refuseCancel } from '../../src/domain/public-service'
import type { Page, ServiceBooking } from '../../src/contract/public-service'
import type { Database } from '../db/schema'
import { inTransaction } from '../db/transaction'
import { decodeCursor, encodeCursor } from '../http/cursor'
import { AppError, notFound } from '../http/errors'
import { notify } from '../messages/messages'
import type { MessageTemplates } from '../messages/templates'
import { releaseSeats } from './seats'
import { BOOKING_COLUMNS, selectBooking, selectTask } from './tasks'
import { bookingToApi, iso, type BookingRow, type TaskRow } from './view'

type Db = Kysely<Database>
const PAGE_SIZE = 20
export const taskLink = (id: string) => `/packages/public-service/pages/task/index?id=${id}`

const fail = (r: { status: number; code: string; message: string }) => new AppError(r.status, r.code, r.message)

export async function bookTask(db: Db, templates: MessageTemplates, input: { subjectId: string; userId: string; taskId: string }, now: Date): Promise<ServiceBooking> {
  return inTransaction(db, async (trx) => {
    const task = (await selectTask(trx).where('id', '=', input.taskId).executeTakeFirst()) as TaskRow | undefined
    if (!task) throw notFound('公益任务')
    // Start and deadline here; the seats are decided by the conditional update below, not by this read.
    const early = refuseBooking({ startAt: task.start_at, endAt: task.end_at, signupDeadline: task.signup_deadline, booked: 0, capacity: 1, cancelReason: task.cancel_reason }, now)
    if (early) throw fail(early)
    // Not cancelled, as part of the same conditional update: a cancellation committed while this
    // waited for the row is seen here, so no booking slips into a cancelled task.
    const seat = await trx
      .updateTable('service_tasks')
      .set({ booked: sql`booked + 1` })
      .where('id', '=', task.id)
      .where(sql<boolean>`booked < capacity`)
      .where('cancelled_at', 'is', null)
      .returning('booked')
      .executeTakeFirst()
    if (!seat) {
      const fresh = (await selectTask(trx).where('id', '=', task.id).executeTakeFirstOrThrow()) as TaskRow
      if (fresh.cancel_reason) throw new AppError(409, 'TASK_CANCELLED', `该公益任务已被组织方取消：${fresh.cancel_reason}`)
    }
    // Holding the task row now: an earlier live booking of this person is committed and visible.
    const existing = await selectBooking(trx).where('task_id', '=', task.id).where('subject_id', '=', input.subjectId).where('status', '=', 'booked').executeTakeFirst()
    if (existing) throw new AppError(409, 'ALREADY_BOOKED', '您已预约该公益任务，可在“我的预约”中查看')
    if (!seat) throw new AppError(409, 'TASK_FULL', '该公益任务名额已满，请选择其他任务')
    const row = (await trx
      .insertInto('service_bookings')
      .values({ id: crypto.randomUUID(), task_id: task.id, subject_id: input.subjectId, user_id: input.userId, booked_at: now })
      .returning(BOOKING_COLUMNS)
      .executeTakeFirstOrThrow()) as BookingRow
    await notify(trx, {
      to: { subjectId: input.subjectId }, kind: 'service_booked', title: '公益任务预约成功',
      body: `您已预约“${task.title}”（${task.organization}），时间 ${chinaDateTime(task.start_at)}–${chinaDateTime(task.end_at).slice(11)}，地点：${task.place}。请按时到场扫码签到、签退；时长经组织方确认后计入。`,
      link: taskLink(task.id), fields: { taskTitle: task.title, startAt: chinaDateTime(task.start_at), place: task.place },
    }, templates)
    return bookingToApi(row, { ...task, booked: seat.booked }, now)
  })
}

/** The caller's booking (another subject's is 404, as if it did not exist). */
async function ownBooking(db: Db, subjectId: string, id: string, lock: boolean) {
  let q = selectBooking(db).where('id', '=', id).where('subject_id', '=', subjectId)
  if (lock) q = q.forUpdate()
  const b = await q.executeTakeFirst()
  if (!b) throw notFound('预约')
  return b as BookingRow
}

export async function cancelBooking(db: Db, input: { subjectId: string; bookingId: string }, now: Date): Promise<ServiceBooking> {
  return inTransaction(db, async (trx) => {
    // The task row first, then the booking: the order every writer of both keeps (a task's
    // cancellation, an account's deletion), so two of them never wait on each other.
    const { task_id } = await ownBooking(trx, input.subjectId, input.bookingId, false)
    const task = (await selectTask(trx).where('id', '=', task_id).forUpdate().executeTakeFirstOrThrow()) as TaskRow
    const b = await ownBooking(trx, input.subjectId, input.bookingId, true)
    const refusal = refuseCancel({ startAt: task.start_at, endAt: task.end_at }, { status: b.status, checkedInAt: b.checked_in_at, confirmedHours: b.confirmed_hours }, now)
    if (refusal) throw fail(refusal)
    const row = (await trx
      .updateTable('service_bookings')
      .set({ status: 'cancelled', cancelled_at: now, cancelled_by: 'citizen' })
      .where('id', '=', b.id)
      .returning(BOOKING_COLUMNS)
      .executeTakeFirstOrThrow()) as BookingRow
    const seats = await releaseSeats(trx, [row])
    return bookingToApi(row, { ...task, booked: seats.get(task.id)! }, now)
  })
}

export async function myBookingList(db: Db, subjectId: string, cursor: string | undefined, now: Date): Promise<Page<ServiceBooking>> {
  let q = selectBooking(db).where('subject_id', '=', subjectId)
  if (cursor) {
    const [bookedAt, id] = decodeCursor(cursor, 'timestamp')
    q = q.where(sql<boolean>`(booked_at, id) < (${bookedAt}::timestamptz, ${id})`)
  }
  const rows = (await q.orderBy('booked_at', 'desc').orderBy('id', 'desc').limit(PAGE_SIZE + 1).execute()) as BookingRow[]
  const page = rows.slice(0, PAGE_SIZE)
  const ids = [...new Set(page.map((b) => b.task_id))]
  const tasks = ids.length ? ((await selectTask(db).where('id', 'in', ids).execute()) as TaskRow[]) : []
  const byId = new Map(tasks.map((t) => [t.id, t]))
  const last = page[page.length - 1]
  return { items: page.map((b) => bookingToApi(b, byId.get(b.task_id)!, now)), nextCursor: rows.length > PAGE_SIZE ? encodeCursor(iso(last.booked_at), last.id) : null }
}
