// How an objection reads to the citizen and the officer: its state, due date and every step with
// its time, who acted, its due date, whether it is overdue and whether the date is only estimated.
import type { Kysely, Selectable } from 'kysely'
import { chinaDate } from '../../src/domain/dates'
import { currentDue, isOverdue, OBJECTION_REASONS, OUTCOME_LABELS, type ObjectionDeadlines, type ObjectionReason, type ObjectionStatus } from '../../src/domain/objection'
import { ESTIMATED_NOTE, type CalendarDate } from '../../src/domain/working-days'
import type { Database, ObjectionsTable } from '../db/schema'
import type { Objection, ObjectionStep } from '../../src/contract/objections'

export type ObjectionRow = Selectable<ObjectionsTable>
export const CASE_KIND = 'objection'

export function deadlinesOf(o: ObjectionRow): ObjectionDeadlines {
  return {
    decision: { date: o.decision_due, estimated: o.decision_due_estimated },
    transfer: { date: o.transfer_due, estimated: o.transfer_due_estimated },
    department: o.department_due ? { date: o.department_due, estimated: Boolean(o.department_due_estimated) } : null,
  }
}

/** A step done after its due date was late; a step still open is late once its due date has passed. */
function due(d: CalendarDate | null, doneAt: Date | null, today: string) {
  if (!d) return { dueDate: null, dueDateEstimated: false, overdue: false, note: null }
  return { dueDate: d.date, dueDateEstimated: d.estimated, overdue: isOverdue(d, doneAt ? chinaDate(doneAt) : today), note: d.estimated ? ESTIMATED_NOTE : null }
}

export function steps(o: ObjectionRow, today: string): ObjectionStep[] {
  const d = deadlinesOf(o)
  const s: ObjectionStep[] = [
    { status: '已提交', done: true, at: o.filed_at.toISOString(), actor: '信用主体本人', ...due(null, null, today) },
    { status: '核查中', done: o.accepted_at !== null, at: o.accepted_at?.toISOString() ?? null, actor: o.accepted_at ? o.officer_name : null, ...due(o.transferred_at ? null : d.decision, o.decided_at, today) },
  ]
  if (o.transferred_at) {
    s.push({ status: '已转办', done: true, at: o.transferred_at.toISOString(), actor: o.officer_name, department: o.department, transferNote: o.transfer_note, ...due(d.transfer, o.transferred_at, today) })
  }
  const last = o.transferred_at ? d.department : d.decision
  s.push({
    status: '已办结', done: o.decided_at !== null, at: o.decided_at?.toISOString() ?? null, actor: o.decided_at ? (o.decided_by_department ?? (o.transferred_at ? o.department : o.officer_name)) : null,
    outcome: o.outcome, outcomeLabel: o.outcome ? OUTCOME_LABELS[o.outcome] : null, reasons: o.decision_reasons, ...due(last, o.decided_at, today),
  })
  return s
}

export async function toApi(db: Kysely<Database>, o: ObjectionRow, today: string): Promise<Objection> {
  const current = currentDue(o.status as ObjectionStatus, deadlinesOf(o))
  const attachments = await db.selectFrom('upload_attachments as a').innerJoin('uploads as u', 'u.id', 'a.upload_id')
    .select(['u.id', 'u.content_type', 'u.size']).where('a.case_kind', '=', CASE_KIND).where('a.case_id', '=', o.id).orderBy('a.attached_at').orderBy('u.id').execute()
  const record = await db.selectFrom('credit_records').select(['title', 'department']).where('id', '=', o.record_id).executeTakeFirst()
  return {
    id: o.id,
    status: o.status,
    recordId: o.record_id,
    recordTitle: record?.title ?? null,
    recordDepartment: record?.department ?? null,
    reason: o.reason as ObjectionReason,
    reasonLabel: OBJECTION_REASONS[o.reason as ObjectionReason],
    description: o.description,
    filedAt: o.filed_at.toISOString(),
    dueDate: current?.date ?? null,
    dueDateEstimated: current?.estimated ?? false,
    dueDateNote: current?.estimated ? ESTIMATED_NOTE : null,
    overdue: isOverdue(current, today),
    outcome: o.outcome,
    decisionReasons: o.decision_reasons,
    // written by decideObjection as { before, after } of the corrected fields
    correction: o.correction as Objection['correction'],
    steps: steps(o, today),
    attachments: attachments.map((a) => ({ id: a.id, type: a.content_type, size: a.size, url: `/api/uploads/${a.id}` })),
  }
}
