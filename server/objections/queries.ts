// Lists: the acting subject's objections (cursor pages, newest first) and the officer's queue
// (by the due date that matters now, so overdue cases come first; only cases in the officer's
// department scope), with the record and its history.
import { sql, type Kysely } from 'kysely'
import { chinaDate } from '../../src/domain/dates'
import type { ObjectionStatus } from '../../src/domain/objection'
import { getRecord } from '../credit/records'
import type { Database } from '../db/schema'
import { afterFiled, filedPage } from '../http/cursor'
import { notFound } from '../http/errors'
import { inScope, scopeFilter, type Officer } from '../officers/scope'
import { officerActions } from './objections'
import { toApi } from './view'

type Db = Kysely<Database>
export const OBJECTION_PAGE_SIZE = 20

export async function listMine(db: Db, subjectId: string, cursor?: string, now = new Date(), limit = OBJECTION_PAGE_SIZE) {
  let q = db.selectFrom('objections').selectAll().where('subject_id', '=', subjectId)
  if (cursor) q = q.where(afterFiled(cursor, 'desc'))
  const rows = await q.orderBy('filed_at', 'desc').orderBy('id', 'desc').limit(limit + 1).execute()
  const today = chinaDate(now)
  return filedPage(rows, limit, (o) => toApi(db, o, today))
}

const currentDue = sql<string>`case objections.status when '已转办' then objections.department_due when '已办结' then null else objections.decision_due end`
export const QUEUE_LIMIT = 100

export async function officerQueue(db: Db, officer: Officer, status: ObjectionStatus | undefined, now = new Date()) {
  let q = db.selectFrom('objections').selectAll('objections').innerJoin('credit_records as r', 'r.id', 'objections.record_id')
    .where(scopeFilter(officer, ['r.department', 'objections.department']))
  q = status ? q.where('objections.status', '=', status) : q.where('objections.status', '<>', '已办结')
  const rows = await q.orderBy(currentDue, sql`asc nulls last`).orderBy('objections.filed_at').orderBy('objections.id').limit(QUEUE_LIMIT).execute()
  const today = chinaDate(now)
  return { items: await Promise.all(rows.map((o) => officerView(db, officer, o.id, today, o))), nextCursor: null }
}

/** The case as the officer sees it: the objection plus the record with its full history. */
export async function officerView(db: Db, officer: Officer, id: string, today: string, row?: Awaited<ReturnType<typeof loadRow>>) {
  const o = row ?? (await loadRow(db, officer, id))
  const record = await getRecord(db, o.subject_id, o.record_id)
  const actions = officerActions(officer, { status: o.status as ObjectionStatus, recordDepartment: record.department, transferredTo: o.department })
  return { ...(await toApi(db, o, today)), record, actions }
}

async function loadRow(db: Db, officer: Officer, id: string) {
  const o = await db.selectFrom('objections').selectAll('objections').innerJoin('credit_records as r', 'r.id', 'objections.record_id')
    .select('r.department as recordDepartment').where('objections.id', '=', id).executeTakeFirst()
  if (!o || !inScope(officer, o.recordDepartment, o.department)) throw notFound('异议')
  const { recordDepartment: _, ...row } = o
  return row
}

/**
 * The record page's view of its objections: the open one (or the last decided), and whether a new
 * filing needs new evidence because an earlier one was upheld.
 */
export async function recordObjection(db: Db, subjectId: string, recordId: string) {
  const rows = await db.selectFrom('objections').select(['id', 'status', 'outcome', 'filed_at'])
    .where('subject_id', '=', subjectId).where('record_id', '=', recordId).orderBy('filed_at', 'desc').orderBy('id', 'desc').execute()
  if (rows.length === 0) return null
  const [last] = rows
  return { id: last.id, status: last.status as ObjectionStatus, outcome: last.outcome, open: last.status !== '已办结', newEvidenceRequired: rows.some((r) => r.outcome === 'uphold') }
}
