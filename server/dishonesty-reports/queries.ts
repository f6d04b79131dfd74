// Lists of reports: the reporter's own (newest first) and the officers' queue (oldest first, so
// the report closest to its deadline leads), both in cursor pages.
import { sql, type Kysely } from 'kysely'
import type { DishonestyStatus } from '../../src/domain/cases'
import { chinaDate } from '../../src/domain/dates'
import type { Database } from '../db/schema'
import { decodeCursor, encodeCursor } from '../http/cursor'
import { toApi, toOfficerApi } from './view'

type Db = Kysely<Database>
export const REPORT_PAGE_SIZE = 20

export async function listMine(db: Db, reporterSubjectId: string, cursor?: string, now = new Date(), limit = REPORT_PAGE_SIZE) {
  let q = db.selectFrom('dishonesty_reports').selectAll().where('reporter_subject_id', '=', reporterSubjectId)
  if (cursor) {
    const [at, id] = decodeCursor(cursor, 'timestamp')
    q = q.where(sql<boolean>`(filed_at, id) < (${at}::timestamptz, ${id})`)
  }
  const rows = await q.orderBy('filed_at', 'desc').orderBy('id', 'desc').limit(limit + 1).execute()
  const page = rows.slice(0, limit)
  const today = chinaDate(now)
  return {
    items: await Promise.all(page.map((r) => toApi(db, r, today))),
    nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1].filed_at.toISOString(), page[page.length - 1].id) : null,
  }
}

export async function officerQueue(db: Db, officerUserId: string, status: DishonestyStatus | undefined, cursor?: string, now = new Date(), limit = REPORT_PAGE_SIZE) {
  let q = db.selectFrom('dishonesty_reports').selectAll()
  q = status ? q.where('status', '=', status) : q.where('status', '<>', '已办结')
  if (cursor) {
    const [at, id] = decodeCursor(cursor, 'timestamp')
    q = q.where(sql<boolean>`(filed_at, id) > (${at}::timestamptz, ${id})`)
  }
  const rows = await q.orderBy('filed_at').orderBy('id').limit(limit + 1).execute()
  const page = rows.slice(0, limit)
  const today = chinaDate(now)
  return {
    items: await Promise.all(page.map((r) => toOfficerApi(db, r, officerUserId, today))),
    nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1].filed_at.toISOString(), page[page.length - 1].id) : null,
  }
}
