// How a repair application reads to the citizen and the officer: its state, due dates and every
// step with its time, who acted, whether it is overdue and whether a date is only estimated.
import type { Kysely, Selectable } from 'kysely'
import { chinaDate } from '../../src/domain/dates'
import { ESTIMATED_NOTE, type CalendarDate } from '../../src/domain/working-days'
import type { Database, RepairApplicationsTable } from '../db/schema'

export type RepairRow = Selectable<RepairApplicationsTable>
export const CASE_KIND = 'repair'
export const OUTCOME_LABELS = { approve: '准予修复', reject: '不予修复' } as const

/** A step done after its due date was late; a step still open is late once its due date has passed. */
function due(d: CalendarDate, doneAt: Date | null, today: string) {
  const on = doneAt ? chinaDate(doneAt) : today
  return { dueDate: d.date, dueDateEstimated: d.estimated, overdue: on > d.date, note: d.estimated ? ESTIMATED_NOTE : null }
}

export function steps(a: RepairRow, today: string) {
  const decided = a.decided_at
  const reply = { date: a.reply_due, estimated: a.reply_due_estimated }
  const decision = { date: a.decision_due, estimated: a.decision_due_estimated }
  return [
    { status: '已提交', title: '提交申请（履行证明 + 信用修复承诺书）', done: true, at: a.filed_at.toISOString(), actor: '信用主体本人', dueDate: null, dueDateEstimated: false, overdue: false, note: null },
    { status: '平台审核', title: '信用平台核实材料并答复', done: decided !== null, at: decided?.toISOString() ?? null, actor: decided ? a.officer_name : null, ...due(reply, decided, today) },
    {
      status: a.status === '审核中' ? '作出决定' : a.status, title: '认定部门作出修复决定', done: decided !== null, at: decided?.toISOString() ?? null, actor: decided ? a.officer_name : null,
      outcome: a.outcome, outcomeLabel: a.outcome ? OUTCOME_LABELS[a.outcome] : null, reasons: a.decision_reasons, ...due(decision, decided, today),
    },
  ]
}

export async function toApi(db: Kysely<Database>, a: RepairRow, today: string) {
  const [attachments, record, commitment] = await Promise.all([
    db.selectFrom('upload_attachments as x').innerJoin('uploads as u', 'u.id', 'x.upload_id')
      .select(['u.id', 'u.content_type', 'u.size']).where('x.case_kind', '=', CASE_KIND).where('x.case_id', '=', a.id).orderBy('x.attached_at').orderBy('u.id').execute(),
    db.selectFrom('credit_records').select(['title', 'status', 'severity', 'department', 'document_no']).where('id', '=', a.record_id).executeTakeFirstOrThrow(),
    db.selectFrom('commitments as c').innerJoin('commitment_templates as t', (j) => j.onRef('t.id', '=', 'c.template_id').onRef('t.version', '=', 'c.template_version'))
      .select(['c.id', 'c.receipt_no', 'c.signed_at', 't.title']).where('c.id', '=', a.commitment_id).executeTakeFirstOrThrow(),
  ])
  const open = a.status === '审核中'
  const current = open ? { date: a.reply_due, estimated: a.reply_due_estimated } : null
  return {
    id: a.id,
    status: a.status,
    recordId: a.record_id,
    record: { title: record.title, status: record.status, severity: record.severity, department: record.department, documentNo: record.document_no },
    filedAt: a.filed_at.toISOString(),
    dueDate: open ? a.decision_due : null,
    dueDateEstimated: open ? a.decision_due_estimated : false,
    dueDateNote: open && a.decision_due_estimated ? ESTIMATED_NOTE : null,
    overdue: Boolean(current && today > current.date),
    scoreExpected: a.score_expected,
    outcome: a.outcome,
    outcomeLabel: a.outcome ? OUTCOME_LABELS[a.outcome] : null,
    decisionReasons: a.decision_reasons,
    decidedAt: a.decided_at?.toISOString() ?? null,
    commitment: { id: commitment.id, receiptNo: commitment.receipt_no, title: commitment.title, signedAt: commitment.signed_at.toISOString() },
    steps: steps(a, today),
    attachments: attachments.map((x) => ({ id: x.id, type: x.content_type, size: x.size, url: `/api/uploads/${x.id}` })),
  }
}
export type RepairView = Awaited<ReturnType<typeof toApi>>
