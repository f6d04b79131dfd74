// The monthly score history: each subject's score and level for the month, kept by a daily job
// (the last run of a month leaves the month's final score). Reads never write.
import type { Kysely } from 'kysely'
import { chinaDate } from '../../src/domain/dates'
import type { Database } from '../db/schema'
import { creditStanding } from './records'

const BATCH = 500

export async function snapshotScores(db: Kysely<Database>, today = chinaDate()) {
  const month = today.slice(0, 7)
  let written = 0
  let after = ''
  for (;;) {
    const subjects = await db.selectFrom('subjects').select('id').where('id', '>', after).orderBy('id').limit(BATCH).execute()
    if (subjects.length === 0) return { month, written }
    after = subjects[subjects.length - 1].id
    for (const s of subjects) {
      const { result } = await creditStanding(db, s.id, today)
      // Upsert: running twice the same day writes the same row.
      const r = await db
        .insertInto('score_snapshots')
        .values({ subject_id: s.id, month, score: result.score, level: result.level })
        .onConflict((oc) =>
          oc
            .columns(['subject_id', 'month'])
            .doUpdateSet({ score: result.score, level: result.level, computed_at: new Date() })
            .where((eb) => eb.or([eb('score_snapshots.score', '!=', result.score), eb('score_snapshots.level', '!=', result.level)])),
        )
        .executeTakeFirst()
      written += Number(r.numInsertedOrUpdatedRows ?? 0)
    }
  }
}
