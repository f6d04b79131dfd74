// Confirmed public-service hours of a subject: what repair eligibility, the planner and the score read.
import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/schema'

/** The subject's confirmed hours, to one decimal. */
export async function confirmedHours(db: Kysely<Database>, subjectId: string): Promise<number> {
  const row = await db
    .selectFrom('service_hours')
    .select(sql<string>`coalesce(sum(hours), 0)`.as('total'))
    .where('subject_id', '=', subjectId)
    .executeTakeFirstOrThrow()
  return Math.round(Number(row.total) * 10) / 10
}
