// The one writer of credit_records.status and credit_record_events. Every change is decided by
// the state machine in src/domain/lifecycle.ts, runs in the caller's transaction (or its own),
// records who, when and why, and is conditional on the status it was decided from, so of two
// concurrent changes to one record only the first applies; the other gets 409.
import crypto from 'node:crypto'
import type { Kysely } from 'kysely'
import { chinaDate } from '../../src/domain/dates'
import { decide, type ActorKind, type RecordEvent, type RecordStatus } from '../../src/domain/lifecycle'
import { publicityEnd } from '../../src/domain/publicity'
import type { Severity } from '../../src/domain/policy'
import type { Database } from '../db/schema'
import { AppError } from '../http/errors'
import { recordKind } from './kinds'

export interface Actor {
  kind: ActorKind
  /** user id of the subject's user or the officer; none for the system */
  id?: string
  /** what the citizen reads in the history: a department, 信用主体本人, 系统 */
  name: string
}

export const SYSTEM_ACTOR: Actor = { kind: 'system', name: '信用平台（系统）' }

type Db = Kysely<Database>

/** Runs `fn` in the caller's transaction, or in a new one when given the plain database. */
function inTransaction<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn)
}

async function appendEvent(trx: Db, e: { recordId: string; event: RecordEvent; from: RecordStatus | null; to: RecordStatus; actor: Actor; reason: string; at: Date }) {
  await trx
    .insertInto('credit_record_events')
    .values({
      id: crypto.randomUUID(), record_id: e.recordId, at: e.at, actor: e.actor.name, actor_kind: e.actor.kind, actor_id: e.actor.id ?? null,
      event: e.event, from_status: e.from, status: e.to, reason: e.reason,
    })
    .execute()
}

export interface NewRecord {
  subjectId: string
  kind: string
  polarity: 'positive' | 'negative'
  severity: Severity | null
  title: string
  content: string
  department: string
  documentNo: string | null
  legalBasis: string | null
  decisionDate: string
  /** defaults to the decision date */
  publicityStart?: string
  list?: { kind: 'red' | 'black'; name: string } | null
  /** what the decision obliges (缴纳罚款 5,000 元); metOn: the department's data says it was met that day */
  obligation?: { duty: string; metOn?: string | null } | null
}

/** Publishes a new record (status 公示中) with its first event; the publicity end follows its class. */
export async function createRecord(db: Db, input: NewRecord, actor: Actor, reason?: string): Promise<{ id: string; status: RecordStatus }> {
  if (!(await recordKind(db, input.kind))) throw new AppError(400, 'UNKNOWN_RECORD_KIND', `未知的信用记录类别：${input.kind}`)
  const d = decide({ status: null, polarity: input.polarity, publicityEnd: null }, 'publish', actor.kind, { today: chinaDate() })
  if (!d.ok) throw new AppError(403, d.code, d.message)
  const start = input.publicityStart ?? input.decisionDate
  const id = crypto.randomUUID()
  return inTransaction(db, async (trx) => {
    await trx
      .insertInto('credit_records')
      .values({
        id, subject_id: input.subjectId, kind: input.kind, polarity: input.polarity, severity: input.severity, title: input.title,
        content: input.content, department: input.department, document_no: input.documentNo, legal_basis: input.legalBasis,
        decision_date: input.decisionDate, publicity_start: start, publicity_end: publicityEnd(input.polarity, input.severity, start),
        status: d.to, list_kind: input.list?.kind ?? null, list_name: input.list?.name ?? null,
        obligation: input.obligation?.duty ?? null, obligation_met_on: input.obligation?.metOn ?? null,
        obligation_met_source: input.obligation?.metOn ? '部门推送' : null,
      })
      .execute()
    await appendEvent(trx, { recordId: id, event: 'publish', from: null, to: d.to, actor, reason: reason ?? d.label, at: new Date() })
    return { id, status: d.to }
  })
}

const CONFLICT_STATUS: Record<string, number> = { NOT_ALLOWED: 403, RECORD_NOT_FOUND: 404, UNKNOWN_EVENT: 400 }

/**
 * Moves one record by `event`. Throws AppError: 404 for a record that does not exist, 403 for an
 * actor who may not cause the event, 409 for a move the record's status does not allow (including
 * a concurrent change that got there first).
 */
export async function transition(
  db: Db,
  input: { recordId: string; event: RecordEvent; actor: Actor; reason?: string; today?: string; at?: Date },
): Promise<{ id: string; from: RecordStatus; to: RecordStatus }> {
  return inTransaction(db, async (trx) => {
    const r = await trx.selectFrom('credit_records').select(['status', 'polarity', 'kind', 'publicity_end']).where('id', '=', input.recordId).executeTakeFirst()
    const kind = r ? await recordKind(trx, r.kind) : undefined
    const current = { status: (r?.status ?? null) as RecordStatus | null, polarity: r?.polarity ?? 'negative', publicityEnd: r?.publicity_end ?? null }
    const d = decide(current, input.event, input.actor.kind, { today: input.today ?? chinaDate(), kind })
    if (!d.ok) throw new AppError(CONFLICT_STATUS[d.code] ?? 409, d.code, d.code === 'RECORD_NOT_FOUND' ? '信用记录不存在或无权查看' : d.message)
    const from = d.from as RecordStatus
    // Conditional on the status decided from: a change that committed meanwhile makes this a no-op.
    const moved = await trx
      .updateTable('credit_records')
      .set({ status: d.to })
      .where('id', '=', input.recordId)
      .where('status', '=', from)
      .returning('id')
      .executeTakeFirst()
    if (!moved) throw new AppError(409, 'RECORD_CHANGED', '该记录的状态刚刚发生变化，请刷新后重试')
    await appendEvent(trx, { recordId: input.recordId, event: input.event, from, to: d.to, actor: input.actor, reason: input.reason ?? d.label, at: input.at ?? new Date() })
    return { id: input.recordId, from, to: d.to }
  })
}
