// The access log: every read of a subject's record by anyone but the subject, shown to the subject.
import crypto from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { decodeCursor, encodeCursor } from '../http/cursor'

export type ReaderKind = Database['access_log']['reader_kind']

/** `reader` must already be masked (an organisation name, or a person as 张*). */
/** With a `dedupeKey`, only the first read under that key is logged (e.g. one source, one day). */
export async function logAccess(db: Kysely<Database>, entry: { subjectId: string; reader: string; readerKind: ReaderKind; purpose: string; dedupeKey?: string }) {
  await db
    .insertInto('access_log')
    .values({
      id: crypto.randomUUID(), subject_id: entry.subjectId, reader: entry.reader, reader_kind: entry.readerKind, purpose: entry.purpose, at: new Date(),
      dedupe_key: entry.dedupeKey ?? null,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .execute()
}

const READER_KIND_NAMES: Record<ReaderKind, string> = { officer: '政府部门', partner: '合作机构', verifier: '核验方', public: '公开查询' }

export async function listAccess(db: Kysely<Database>, subjectId: string, cursor?: string, limit = 20) {
  let q = db.selectFrom('access_log').select(['id', 'at', 'reader', 'reader_kind', 'purpose']).where('subject_id', '=', subjectId)
  if (cursor) {
    const [at, id] = decodeCursor(cursor, 'timestamp')
    q = q.where(sql<boolean>`(at, id) < (${at}::timestamptz, ${id})`)
  }
  const rows = await q.orderBy('at', 'desc').orderBy('id', 'desc').limit(limit + 1).execute()
  const page = rows.slice(0, limit)
  const last = page[page.length - 1]
  return {
    items: page.map((r) => ({ id: r.id, at: r.at.toISOString(), reader: r.reader, readerKind: READER_KIND_NAMES[r.reader_kind], purpose: r.purpose })),
    nextCursor: rows.length > limit ? encodeCursor(last.at.toISOString(), last.id) : null,
  }
}
