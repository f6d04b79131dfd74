// The fields an objection's 更正 decision may change on a record. The record module writes them;
// the old values are returned so the caller keeps them in the record's history.
import type { Kysely } from 'kysely'
import type { Severity } from '../../src/domain/policy'
import type { Database } from '../db/schema'

export interface Correction {
  title?: string
  content?: string
  documentNo?: string
  severity?: Severity
}

const COLUMNS = { title: 'title', content: 'content', documentNo: 'document_no', severity: 'severity' } as const

/** Changes the given fields (inside the caller's transaction); returns each changed field's before and after. */
export async function correctRecordFields(trx: Kysely<Database>, recordId: string, correction: Correction) {
  const keys = (Object.keys(COLUMNS) as (keyof Correction)[]).filter((k) => correction[k] !== undefined)
  const record = await trx.selectFrom('credit_records').select(['title', 'content', 'document_no', 'severity']).where('id', '=', recordId).executeTakeFirstOrThrow()
  const before = Object.fromEntries(keys.map((k) => [k, record[COLUMNS[k]]]))
  const after = Object.fromEntries(keys.map((k) => [k, correction[k]]))
  if (keys.length > 0) await trx.updateTable('credit_records').set(Object.fromEntries(keys.map((k) => [COLUMNS[k], correction[k]]))).where('id', '=', recordId).execute()
  return { before, after }
}
