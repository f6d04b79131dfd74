// Lists: the acting subject's applications (cursor pages, newest first) and the officer's queue
// (by due date, so overdue applications come first; only those in the officer's department scope),
// and the case as the officer sees it: the record with its history, the proof, the commitment and
// the hours record.
import type { Kysely } from 'kysely'
import { chinaDate } from '../../src/domain/dates'
import { getRecord } from '../credit/records'
import type { Database } from '../db/schema'
import { afterFiled, filedPage } from '../http/cursor'
import { notFound } from '../http/errors'
import { scopeFilter, type Officer } from '../officers/scope'
import { eligibilityItems, loadCases } from './cases'
import { toApi, type RepairRow } from './view'

type Db = Kysely<Database>
export const REPAIR_PAGE_SIZE = 20
export const QUEUE_LIMIT = 100

export async function listMine(db: Db, subjectId: string, cursor?: string, now = new Date(), limit = REPAIR_PAGE_SIZE) {
  let q = db.selectFrom('repair_applications').selectAll().where('subject_id', '=', subjectId)
  if (cursor) q = q.where(afterFiled(cursor, 'desc'))
  const rows = await q.orderBy('filed_at', 'desc').orderBy('id', 'desc').limit(limit + 1).execute()
  const today = chinaDate(now)
  return filedPage(rows, limit, (a) => toApi(db, a, today))
}

export type QueueStatus = '审核中' | '已通过' | '未通过'

export async function officerQueue(db: Db, officer: Officer, status: QueueStatus | undefined, now = new Date()) {
  const rows = await db
    .selectFrom('repair_applications as a')
    .innerJoin('credit_records as r', 'r.id', 'a.record_id')
    .selectAll('a')
    .where(scopeFilter(officer, ['r.department']))
    .where('a.status', '=', status ?? '审核中')
    .orderBy('a.reply_due')
    .orderBy('a.filed_at')
    .orderBy('a.id')
    .limit(QUEUE_LIMIT)
    .execute()
  const today = chinaDate(now)
  return { items: await Promise.all(rows.map((a) => toApi(db, a, today))), nextCursor: null }
}

/** The case for the officer: the application, the record with its full history and the hours record. */
export async function officerView(db: Db, officer: Officer, id: string, now = new Date()) {
  const a: RepairRow | undefined = await db.selectFrom('repair_applications as a').innerJoin('credit_records as r', 'r.id', 'a.record_id')
    .selectAll('a').where('a.id', '=', id).where(scopeFilter(officer, ['r.department'])).executeTakeFirst()
  if (!a) throw notFound('修复申请')
  const today = chinaDate(now)
  const [view, record, subject, cases] = await Promise.all([
    toApi(db, a, today),
    getRecord(db, a.subject_id, a.record_id),
    db.selectFrom('subjects').select(['kind', 'name']).where('id', '=', a.subject_id).executeTakeFirstOrThrow(),
    loadCases(db, a.subject_id),
  ])
  const eligibility = eligibilityItems(cases, today).find((e) => e.recordId === a.record_id)!
  return {
    ...view,
    subject: { kind: subject.kind, name: subject.name },
    record: { ...view.record, ...record },
    hours: { required: eligibility.hoursRequired, confirmed: eligibility.hoursConfirmed },
    // what the decision changes: the subject's score now and with this record repaired
    score: { now: eligibility.scoreNow, after: a.status === '审核中' ? eligibility.scoreAfter : eligibility.scoreNow },
  }
}
