// The public red and black lists (红名单: 诚信典型, 守信激励对象; 黑名单: 严重失信主体): entries in
// publicity, searchable by enterprise name or USCC. Persons only on lists the law publishes, masked.
import crypto from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import { maskIdNumber, maskName } from '../../src/domain/mask'
import { PERSON_PUBLISHED_LISTS } from '../../src/domain/policy'
import type { Database } from '../db/schema'
import { decodeCursor, encodeCursor } from '../http/cursor'

export const LIST_PAGE_SIZE = 20

export interface ListSearch {
  list: 'red' | 'black'
  /** exact USCC (already validated) or a part of a name */
  uscc?: string
  name?: string
}

/** Stable, not guessable, and says nothing about how many entries exist. */
const opaqueId = (recordId: string) => crypto.createHash('sha256').update(`public-list:${recordId}`).digest('base64url').slice(0, 22)

export async function searchPublicLists(db: Kysely<Database>, search: ListSearch, today: string, cursor?: string, limit = LIST_PAGE_SIZE) {
  let q = db
    .selectFrom('credit_records as r')
    .innerJoin('subjects as s', 's.id', 'r.subject_id')
    .select(['r.id', 'r.list_name', 'r.department', 'r.legal_basis', 'r.document_no', 'r.decision_date', 'r.publicity_start', 'r.publicity_end', 's.kind', 's.name', 's.identifier'])
    .where('r.list_kind', '=', search.list)
    // Only what is published now: an entry under objection, repaired or revoked is not shown.
    .where('r.status', '=', '公示中')
    .where('r.publicity_start', '<=', today)
    .where((eb) => eb.or([eb('r.publicity_end', 'is', null), eb('r.publicity_end', '>=', today)]))
    .where((eb) => eb.or([eb('s.kind', '=', 'enterprise'), eb('r.list_name', 'in', [...PERSON_PUBLISHED_LISTS])]))
  if (search.uscc) q = q.where('s.identifier', '=', search.uscc).where('s.kind', '=', 'enterprise')
  if (search.name) q = q.where('s.name', 'like', `%${search.name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
  if (cursor) {
    const [date, id] = decodeCursor(cursor, 'date')
    q = q.where(sql<boolean>`(r.decision_date, r.id) < (${date}::date, ${id})`)
  }
  const rows = await q.orderBy('r.decision_date', 'desc').orderBy('r.id', 'desc').limit(limit + 1).execute()
  const page = rows.slice(0, limit)
  const last = page[page.length - 1]
  return {
    items: page.map((r) => {
      const person = r.kind === 'person'
      return {
        id: opaqueId(r.id),
        subject: { kind: r.kind, name: person ? maskName(r.name) : r.name, identifier: person ? maskIdNumber(r.identifier) : r.identifier },
        listName: r.list_name, department: r.department, legalBasis: r.legal_basis, documentNo: r.document_no,
        listedOn: r.decision_date, publicityEnd: r.publicity_end,
      }
    }),
    nextCursor: rows.length > limit ? encodeCursor(last.decision_date, last.id) : null,
  }
}
