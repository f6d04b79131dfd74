// Giving seats back: the one place a task's seat count goes down. Every path that cancels bookings
// (the citizen's own cancellation, the organizer calling the task off, an account's deletion)
// cancels them in its transaction and then calls this with the bookings it cancelled. The callers
// hold the task rows, taken before the bookings as every writer of both does; the updates here go
// in task id order, so two releases never wait on each other in a cycle.
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'

type Db = Kysely<Database>

/** One seat back per cancelled booking; answers each task's seat count after the release. */
export async function releaseSeats(trx: Db, cancelled: readonly { task_id: string }[]): Promise<Map<string, number>> {
  const perTask = new Map<string, number>()
  for (const b of cancelled) perTask.set(b.task_id, (perTask.get(b.task_id) ?? 0) + 1)
  const booked = new Map<string, number>()
  for (const taskId of [...perTask.keys()].sort()) {
    const row = await trx
      .updateTable('service_tasks')
      .set((eb) => ({ booked: eb('booked', '-', perTask.get(taskId)!) }))
      .where('id', '=', taskId)
      .returning('booked')
      .executeTakeFirstOrThrow()
    booked.set(taskId, row.booked)
  }
  return booked
}
