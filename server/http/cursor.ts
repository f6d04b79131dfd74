// Opaque cursors for keyset paging: (sort key, id) of the last row, base64url. A cursor that is
// not one of ours is a 400 with a Chinese message, never a 500: the key must be a real calendar
// date (or an ISO instant) that PostgreSQL will accept, and the id plain text.
import { sql } from 'kysely'
import { badRequest } from './errors'

/** YYYY-MM-DD naming a day that exists (no 2026-02-30, no month 13, no year 0). */
function isRealDate(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (y < 1 || mo < 1 || mo > 12 || d < 1) return false
  const probe = new Date(Date.UTC(2000, mo - 1, d))
  probe.setUTCFullYear(y)
  return probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d
}

const KEY_FORMATS = {
  date: isRealDate,
  /** exactly what Date#toISOString writes */
  timestamp: (v: string) => {
    const m = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?Z$/.exec(v)
    return Boolean(m && isRealDate(m[1]))
  },
}

const ID_PATTERN = /^[A-Za-z0-9_.:-]{1,100}$/

export function encodeCursor(key: string, id: string): string {
  return Buffer.from(JSON.stringify([key, id])).toString('base64url')
}

export function decodeCursor(cursor: string, key: keyof typeof KEY_FORMATS): [string, string] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString())
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && KEY_FORMATS[key](v[0]) && typeof v[1] === 'string' && ID_PATTERN.test(v[1])) {
      return [v[0], v[1]]
    }
  } catch {
    /* not ours */
  }
  throw badRequest('分页参数无效，请刷新列表', 'INVALID_CURSOR')
}

/** Cases are paged by (filed_at, id): the condition for the rows after a cursor, newest first ('desc') or oldest first ('asc'). */
export function afterFiled(cursor: string, dir: 'asc' | 'desc') {
  const [at, id] = decodeCursor(cursor, 'timestamp')
  return dir === 'desc' ? sql<boolean>`(filed_at, id) < (${at}::timestamptz, ${id})` : sql<boolean>`(filed_at, id) > (${at}::timestamptz, ${id})`
}

/** One page of cases read with `limit + 1` rows: the items shown and the cursor to the next page (null on the last). */
export async function filedPage<R extends { filed_at: Date; id: string }, T>(rows: R[], limit: number, toItem: (row: R) => Promise<T>) {
  const page = rows.slice(0, limit)
  const last = page[page.length - 1]
  return { items: await Promise.all(page.map(toItem)), nextCursor: rows.length > limit ? encodeCursor(last.filed_at.toISOString(), last.id) : null }
}
