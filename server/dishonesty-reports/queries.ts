// Lists of reports: the reporter's own (newest first) and the officers' queue (oldest first, so
// the report closest to its deadline leads), both in cursor pages. Reports go to the credit
// authority: an officer of any other department has an empty queue.
import type { Kysely } from 'kysely'
import type { DishonestyStatus } from '../../src/domain/cases'
import { chinaDate } from '../../src/domain/dates'
import type { Database } from '../db/schema'
import { afterFiled, filedPage } from '../http/cursor'
import { officerOf } from '../officers/scope'
import { toApi, toOfficerApi } from './view'

type Db = Kysely<Database>
export const REPORT_PAGE_SIZE = 20

export async function listMine(db: Db, reporterSubjectId: string, cursor?: string, now = new Date(), limit = REPORT_PAGE_SIZE) {
  let q = db.selectFrom('dishonesty_reports').selectAll().where('reporter_subject_id', '=', reporterSubjectId)
  if (cursor) q = q.where(afterFiled(cursor, 'desc'))
  const rows = await q.orderBy('filed_at', 'desc').orderBy('id', 'desc').limit(limit + 1).execute()
  const today = chinaDate(now)
  return filedPage(rows, limit, (r) => toApi(db, r, today))
}

export async function officerQueue(db: Db, officerUserId: string, status: DishonestyStatus | undefined, cursor?: string, now = new Date(), limit = REPORT_PAGE_SIZE) {
  if (!(await officerOf(db, officerUserId)).authority) return { items: [], nextCursor: null }
  let q = db.selectFrom('dishonesty_reports').selectAll()
  q = status ? q.where('status', '=', status) : q.where('status', '<>', '已办结')
  if (cursor) q = q.where(afterFiled(cursor, 'asc'))
  const rows = await q.orderBy('filed_at').orderBy('id').limit(limit + 1).execute()
  const today = chinaDate(now)
  return filedPage(rows, limit, (r) => toOfficerApi(db, r, officerUserId, today))
}
