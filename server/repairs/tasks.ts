// The public-service tasks the planner may suggest: open tasks a citizen can still book (sign-up
// not closed, a seat free), soonest first. Tests may replace the source to plan with fixed tasks.
import { sql, type Kysely } from 'kysely'
import { chinaDate } from '../../src/domain/dates'
import type { PlannableTask } from '../../src/domain/repair-planner'
import type { Database } from '../db/schema'

export type TaskSource = (db: Kysely<Database>, today: string, now: Date) => Promise<PlannableTask[]>

/** How many upcoming tasks the planner looks at: enough for the largest hour requirement. */
const PLANNER_TASKS = 60

const openTasks: TaskSource = async (db, _today, now) => {
  const rows = await db
    .selectFrom('service_tasks')
    .select(['id', 'title', 'start_at', 'hours'])
    .where('signup_deadline', '>', now)
    .where('cancelled_at', 'is', null)
    .where(sql<boolean>`booked < capacity`)
    .orderBy('start_at')
    .orderBy('id')
    .limit(PLANNER_TASKS)
    .execute()
  return rows.map((r) => ({ id: r.id, title: r.title, date: chinaDate(new Date(r.start_at)), hours: Number(r.hours) }))
}

let source: TaskSource = openTasks

export function plannableTasks(db: Kysely<Database>, today: string, now: Date): Promise<PlannableTask[]> {
  return source(db, today, now)
}

/** Tests: plan with these tasks; call with no argument to restore the open tasks. */
export function setTaskSource(s?: TaskSource) {
  source = s ?? openTasks
}
