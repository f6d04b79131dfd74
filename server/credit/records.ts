// Reading a subject's credit records: cursor pages, one record with its history and obligation, and the score.
import { sql, type Kysely } from 'kysely'
import { RECORDS_PAGE_SIZE, type RecordStatus } from '../../src/contract/credit'
import { computeScore, type ScoredRecord } from '../../src/domain/score'
import type { Database } from '../db/schema'
import { encodeCursor, decodeCursor } from '../http/cursor'
import { confirmedHours } from '../public-service/hours'
import { notFound } from '../http/errors'
import { obligationOf } from '../records/obligation'


const COLUMNS = [
  'id', 'kind', 'polarity', 'severity', 'title', 'content', 'department', 'document_no', 'legal_basis',
  'decision_date', 'publicity_start', 'publicity_end', 'status', 'list_kind', 'list_name',
  'obligation', 'obligation_met_on', 'obligation_met_source',
] as const

const selectRecords = (db: Kysely<Database>, subjectId: string) =>
  db.selectFrom('credit_records').select(COLUMNS).where('subject_id', '=', subjectId)
type RecordRow = Awaited<ReturnType<ReturnType<typeof selectRecords>['execute']>>[number]

export function toApi(r: RecordRow) {
  return {
    id: r.id, kind: r.kind, polarity: r.polarity, severity: r.severity, title: r.title, content: r.content,
    department: r.department, documentNo: r.document_no, legalBasis: r.legal_basis, decisionDate: r.decision_date,
    publicityStart: r.publicity_start, publicityEnd: r.publicity_end, status: r.status,
    list: r.list_kind ? { kind: r.list_kind, name: r.list_name ?? '' } : null,
  }
}
export type ApiRecord = ReturnType<typeof toApi>

const toScored = (r: ApiRecord): ScoredRecord => ({
  id: r.id, kind: r.kind, polarity: r.polarity, severity: r.severity, status: r.status, title: r.title,
  documentNo: r.documentNo, publicityStart: r.publicityStart, publicityEnd: r.publicityEnd, listKind: r.list?.kind ?? null,
})

export interface RecordFilter {
  kind?: string
  status?: RecordStatus
  polarity?: 'positive' | 'negative'
}

/** One page, newest decision first; the cost depends on the page size, not on how many records exist. */
export async function listRecords(db: Kysely<Database>, subjectId: string, filter: RecordFilter, cursor?: string, limit = RECORDS_PAGE_SIZE) {
  let q = selectRecords(db, subjectId)
  if (filter.kind) q = q.where('kind', '=', filter.kind)
  if (filter.status) q = q.where('status', '=', filter.status)
  if (filter.polarity) q = q.where('polarity', '=', filter.polarity)
  if (cursor) {
    const [date, id] = decodeCursor(cursor, 'date')
    q = q.where(sql<boolean>`(decision_date, id) < (${date}::date, ${id})`)
  }
  const rows = await q.orderBy('decision_date', 'desc').orderBy('id', 'desc').limit(limit + 1).execute()
  const page = rows.slice(0, limit)
  return { items: page.map(toApi), nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1].decision_date, page[page.length - 1].id) : null }
}

export async function getRecord(db: Kysely<Database>, subjectId: string, id: string) {
  const row = await selectRecords(db, subjectId).where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound('信用记录')
  const history = await db
    .selectFrom('credit_record_events')
    .select(['at', 'actor', 'status', 'reason'])
    .where('record_id', '=', id)
    .orderBy('at')
    .orderBy('id')
    .execute()
  return {
    ...toApi(row),
    // what the decision obliges and whether it is known as met (the record page: 应履行义务, 履行情况)
    obligation: obligationOf(row),
    history: history.map((h) => ({ at: h.at.toISOString(), actor: h.actor, status: h.status, reason: h.reason })),
  }
}

/**
 * Score, level and list membership from the records in publicity (few: publicity ends). Entries
 * under objection are suspended: they count neither in the score nor for the lists. Confirmed
 * public-service hours add their own factor.
 */
export async function creditStanding(db: Kysely<Database>, subjectId: string, today: string) {
  const rows = await selectRecords(db, subjectId)
    .where((eb) => eb.or([eb('publicity_end', 'is', null), eb('publicity_end', '>=', today)]))
    .where('publicity_start', '<=', today)
    .where('status', 'in', ['公示中', '异议中'])
    .execute()
  const records = rows.map(toApi)
  const hours = await confirmedHours(db, subjectId)
  const result = computeScore(records.map(toScored), today, hours)
  const counted = records.filter((r) => r.status === '公示中')
  const lists = (kind: 'red' | 'black') => [...new Set(counted.filter((r) => r.list?.kind === kind).map((r) => r.list!.name ?? ''))]
  const redList = lists('red')
  const blackList = lists('black')
  return {
    records, counted, result, redList, blackList,
    standing: { level: result.level, onRedList: redList.length > 0, onBlackList: blackList.length > 0 },
  }
}
