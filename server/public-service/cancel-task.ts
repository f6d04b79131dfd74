// 取消活动: the organizer calls a task off before it ends. The task leaves the open list, every
// live booking without confirmed hours is cancelled (its seat freed) and its holder is told why;
// hours already confirmed stay, as the service they stand for was done. One audit row.
//
// Pressed twice, or twenty times at once, it acts once: the cancellation is a conditional update
// of the task row (`cancelled_at is null`); whoever loses that race reads the cancelled task and
// answers it unchanged. The task row is taken before the bookings, as every other writer of both does.
import type { Kysely } from 'kysely'
import { chinaDateTime } from '../../src/domain/dates'
import { refuseTaskCancel } from '../../src/domain/public-service'
import type { OrganizerTask } from '../../src/contract/public-service'
import type { Database } from '../db/schema'
import { inTransaction } from '../db/transaction'
import { AppError } from '../http/errors'
import { notify } from '../messages/messages'
import type { MessageTemplates } from '../messages/templates'
import { releaseSeats } from './seats'
import { audit, ownTask, TASK_COLUMNS } from './tasks'
import { organizerTaskToApi, type TaskRow } from './view'

type Db = Kysely<Database>
const BOOKINGS_LINK = '/packages/public-service/pages/bookings/index'

async function answer(db: Db, t: TaskRow): Promise<OrganizerTask> {
  const confirmed = await db.selectFrom('service_bookings').select((eb) => eb.fn.countAll<string>().as('n')).where('task_id', '=', t.id).where('confirmed_hours', 'is not', null).executeTakeFirstOrThrow()
  return organizerTaskToApi(t, Number(confirmed.n))
}

export async function cancelTask(db: Db, templates: MessageTemplates, input: { organizerId: string; taskId: string; reason: string }, now: Date): Promise<OrganizerTask> {
  return inTransaction(db, async (trx) => {
    const t = await ownTask(trx, input.organizerId, input.taskId)
    if (t.cancelled_at) return answer(trx, t)
    const refusal = refuseTaskCancel({ startAt: t.start_at, endAt: t.end_at }, now)
    if (refusal) throw new AppError(refusal.status, refusal.code, refusal.message)
    const cancelled = (await trx
      .updateTable('service_tasks')
      .set({ cancelled_at: now, cancel_reason: input.reason })
      .where('id', '=', t.id)
      .where('cancelled_at', 'is', null)
      .where('end_at', '>', now)
      .returning(TASK_COLUMNS)
      .executeTakeFirst()) as TaskRow | undefined
    // Lost the race to a simultaneous cancellation (committed while this one waited for the row).
    if (!cancelled) return answer(trx, await ownTask(trx, input.organizerId, input.taskId))

    const dropped = await trx
      .updateTable('service_bookings')
      .set({ status: 'cancelled', cancelled_at: now, cancelled_by: 'organizer' })
      .where('task_id', '=', t.id)
      .where('status', '=', 'booked')
      .where('confirmed_hours', 'is', null)
      .returning(['id', 'subject_id', 'task_id'])
      .execute()
    const seats = await releaseSeats(trx, dropped)
    const task = { ...cancelled, booked: seats.get(t.id) ?? cancelled.booked }
    const when = `${chinaDateTime(t.start_at)}–${chinaDateTime(t.end_at).slice(11)}`
    for (const b of dropped) {
      await notify(trx, {
        to: { subjectId: b.subject_id }, kind: 'service_task_cancelled', title: '公益任务已取消',
        body: `您预约的“${t.title}”（${t.organization}，${when}）已被组织方取消，原因：${input.reason}。您的预约已自动取消，无需到场；可在“公益任务”中选择其他任务。`,
        link: BOOKINGS_LINK, dedupeKey: `service_task_cancelled:${b.id}`,
        fields: { taskTitle: t.title, startAt: chinaDateTime(t.start_at), reason: input.reason },
      }, templates)
    }
    await audit(trx, { organizerId: input.organizerId, action: 'cancel_task', taskId: t.id, detail: { reason: input.reason, cancelledBookings: dropped.length } }, now)
    return answer(trx, task)
  })
}
