// The obligation a record imposes and whether it is known as met: read for the record page and
// eligibility, written when a department's data says it was met (部门推送) or when an officer
// approves a repair on the proof uploaded with it (修复审核确认, in the approval's transaction).
import type { Kysely } from 'kysely'
import type { Obligation, ObligationSource } from '../../src/domain/obligation'
import type { Database } from '../db/schema'
import { AppError } from '../http/errors'

type Db = Kysely<Database>

export const obligationOf = (r: { obligation: string | null; obligation_met_on: string | null; obligation_met_source: ObligationSource | null }): Obligation => ({
  duty: r.obligation,
  metOn: r.obligation_met_on,
  source: r.obligation_met_source,
})

/** 部门推送 through the officer API names the officer and may carry the department's note. */
export type MetBy = { source: '部门推送'; officerId?: string; note?: string | null } | { source: '修复审核确认'; repairId: string }

/**
 * Records the obligation of `recordId` as met on `on`. Conditional: a record with nothing owed, or
 * already known as met, keeps what it has (the first fulfilment on record stands). Returns whether
 * it was recorded now.
 */
export async function recordObligationMet(db: Db, recordId: string, on: string, by: MetBy): Promise<boolean> {
  const done = await db
    .updateTable('credit_records')
    .set({
      obligation_met_on: on, obligation_met_source: by.source, obligation_met_repair_id: by.source === '修复审核确认' ? by.repairId : null,
      obligation_met_by_user_id: by.source === '部门推送' ? (by.officerId ?? null) : null, obligation_met_note: by.source === '部门推送' ? by.note || null : null,
    })
    .where('id', '=', recordId)
    .where('obligation', 'is not', null)
    .where('obligation_met_on', 'is', null)
    .executeTakeFirst()
  if (Number(done.numUpdatedRows) > 0) return true
  const exists = await db.selectFrom('credit_records').select('id').where('id', '=', recordId).executeTakeFirst()
  if (!exists) throw new AppError(404, 'RECORD_NOT_FOUND', '信用记录不存在或无权查看')
  return false
}
