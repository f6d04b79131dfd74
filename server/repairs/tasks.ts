// The public-service tasks the planner may suggest: open tasks a citizen can still book. The tasks
// belong to the public-service module; with no source of tasks the planner plans with the hours
// alone (it suggests no task). Tests replace the source to plan with tasks.
import type { Kysely } from 'kysely'
import type { PlannableTask } from '../../src/domain/repair-planner'
import type { Database } from '../db/schema'

export type TaskSource = (db: Kysely<Database>, today: string) => Promise<PlannableTask[]>

const noTasks: TaskSource = async () => []
let source: TaskSource = noTasks

export function plannableTasks(db: Kysely<Database>, today: string): Promise<PlannableTask[]> {
  return source(db, today)
}

/** Tests: plan with these tasks; call with no argument to restore the module's own source. */
export function setTaskSource(s?: TaskSource) {
  source = s ?? noTasks
}
