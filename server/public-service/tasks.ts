// 公益任务: organizers publish them; citizens browse the open ones by date. Every organizer write
// leaves a row in organizer_audit in the same transaction.
import crypto from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import { addCalendarDays } from '../../src/domain/dates'
import { refuseTaskTimes } from '../../src/domain/public-service'
import type { OrganizerTask, Page, ServiceTask, TaskAttendee, TaskInput } from '../../src/contract/public-service'
import type { Database } from '../db/schema'
import { decodeCursor, encodeCursor } from '../http/cursor'
import { badRequest, notFound } from '../http/errors'
import { attendeeToApi, iso, organizerTaskToApi, taskToApi, type BookingRow, type TaskRow } from './view'

type Db = Kysely<Database>
export const PAGE_SIZE = 20

export const TASK_COLUMNS = ['id', 'title', 'organization', 'place', 'description', 'start_at', 'end_at', 'signup_deadline', 'capacity', 'booked', 'hours', 'cancelled_at', 'cancel_reason'] as const
export const BOOKING_COLUMNS = ['id', 'task_id', 'status', 'booked_at', 'cancelled_at', 'checked_in_at', 'checked_out_at', 'confirmed_hours', 'cancelled_by'] as const

export const selectTask = (db: Db) => db.selectFrom('service_tasks').select(TASK_COLUMNS)
export const selectBooking = (db: Db) => db.selectFrom('service_bookings').select(BOOKING_COLUMNS)

export interface Organizer {
  id: string
}

export async function audit(db: Db, row: { organizerId: string; action: Database['organizer_audit']['action']; taskId?: string; bookingId?: string; hourCodeId?: string; detail: Record<string, unknown> }, now: Date) {
  await db
    .insertInto('organizer_audit')
    .values({
      id: crypto.randomUUID(), organizer_user_id: row.organizerId, action: row.action, task_id: row.taskId ?? null, booking_id: row.bookingId ?? null,
      hour_code_id: row.hourCodeId ?? null, detail: JSON.stringify(row.detail), at: now,
    })
    .execute()
}

export async function publishTask(db: Db, organizer: Organizer, input: TaskInput, now: Date): Promise<OrganizerTask> {
  const refusal = refuseTaskTimes(input, now)
  if (refusal) throw badRequest(refusal)
  const id = crypto.randomUUID()
  const row = await db
    .insertInto('service_tasks')
    .values({
      id, organizer_user_id: organizer.id, title: input.title, organization: input.organization, place: input.place, description: input.description,
      start_at: input.startAt, end_at: input.endAt, signup_deadline: input.signupDeadline, capacity: input.capacity, hours: input.hours,
    })
    .returning(TASK_COLUMNS)
    .executeTakeFirstOrThrow()
  await audit(db, { organizerId: organizer.id, action: 'publish_task', taskId: id, detail: { title: input.title, startAt: input.startAt, capacity: input.capacity, hours: input.hours } }, now)
  return organizerTaskToApi(row as TaskRow, 0)
}

/** The caller's live bookings of the given tasks, by task. */
async function myBookings(db: Db, subjectId: string, taskIds: string[]) {
  if (taskIds.length === 0) return new Map<string, BookingRow>()
  const rows = await selectBooking(db).where('subject_id', '=', subjectId).where('task_id', 'in', taskIds).where('status', '=', 'booked').execute()
  return new Map(rows.map((b) => [b.task_id, b as BookingRow]))
}

/** Tasks not yet started nor cancelled, soonest first; with `date` (China calendar date) only those starting that day. */
export async function listOpenTasks(db: Db, subjectId: string, q: { date?: string; cursor?: string }, now: Date): Promise<Page<ServiceTask>> {
  let query = selectTask(db).where('start_at', '>', now).where('cancelled_at', 'is', null)
  if (q.date) {
    query = query.where('start_at', '>=', new Date(`${q.date}T00:00:00+08:00`)).where('start_at', '<', new Date(`${addCalendarDays(q.date, 1)}T00:00:00+08:00`))
  }
  if (q.cursor) {
    const [startAt, id] = decodeCursor(q.cursor, 'timestamp')
    query = query.where(sql<boolean>`(start_at, id) > (${startAt}::timestamptz, ${id})`)
  }
  const rows = (await query.orderBy('start_at').orderBy('id').limit(PAGE_SIZE + 1).execute()) as TaskRow[]
  const page = rows.slice(0, PAGE_SIZE)
  const mine = await myBookings(db, subjectId, page.map((t) => t.id))
  const last = page[page.length - 1]
  return { items: page.map((t) => taskToApi(t, mine.get(t.id), now)), nextCursor: rows.length > PAGE_SIZE ? encodeCursor(iso(last.start_at), last.id) : null }
}

export async function getTask(db: Db, subjectId: string, id: string, now: Date): Promise<ServiceTask> {
  const t = (await selectTask(db).where('id', '=', id).executeTakeFirst()) as TaskRow | undefined
  if (!t) throw notFound('公益任务')
  return taskToApi(t, (await myBookings(db, subjectId, [id])).get(id), now)
}

/** The organizer's own tasks, latest start first. */
export async function organizerTasks(db: Db, organizerId: string, cursor: string | undefined): Promise<Page<OrganizerTask>> {
  let query = selectTask(db)
    .select((eb) => eb.selectFrom('service_bookings as b').select(eb.fn.countAll<string>().as('n')).whereRef('b.task_id', '=', 'service_tasks.id').where('b.confirmed_hours', 'is not', null).as('confirmed'))
    .where('organizer_user_id', '=', organizerId)
  if (cursor) {
    const [startAt, id] = decodeCursor(cursor, 'timestamp')
    query = query.where(sql<boolean>`(start_at, id) < (${startAt}::timestamptz, ${id})`)
  }
  const rows = await query.orderBy('start_at', 'desc').orderBy('id', 'desc').limit(PAGE_SIZE + 1).execute()
  const page = rows.slice(0, PAGE_SIZE)
  const last = page[page.length - 1]
  return {
    items: page.map((t) => organizerTaskToApi(t as TaskRow, Number(t.confirmed ?? 0))),
    nextCursor: rows.length > PAGE_SIZE ? encodeCursor(iso(last.start_at), last.id) : null,
  }
}

/** A task of this organizer (another organizer's is 404, as if it did not exist). */
export async function ownTask(db: Db, organizerId: string, id: string, lock = false): Promise<TaskRow> {
  let q = selectTask(db).where('id', '=', id).where('organizer_user_id', '=', organizerId)
  if (lock) q = q.forUpdate()
  const t = await q.executeTakeFirst()
  if (!t) throw notFound('公益任务')
  return t as TaskRow
}

export async function taskAttendees(db: Db, organizerId: string, taskId: string): Promise<{ task: OrganizerTask; items: TaskAttendee[] }> {
  const t = await ownTask(db, organizerId, taskId)
  const rows = await db
    .selectFrom('service_bookings as b')
    .innerJoin('subjects as s', 's.id', 'b.subject_id')
    .innerJoin('users as u', 'u.id', 'b.user_id')
    .select(['b.id', 'b.task_id', 'b.status', 'b.booked_at', 'b.cancelled_at', 'b.checked_in_at', 'b.checked_out_at', 'b.confirmed_hours', 'b.cancelled_by', 's.name', 'u.phone'])
    .where('b.task_id', '=', taskId)
    .orderBy('b.booked_at')
    .orderBy('b.id')
    .limit(1000)
    .execute()
  const items = rows.map((r) => attendeeToApi(r as BookingRow & { name: string; phone: string | null }))
  return { task: organizerTaskToApi(t, items.filter((i) => i.confirmedHours !== null).length), items }
}
