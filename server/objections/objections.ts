// 异议 use cases: filing (the record turns 异议中 in the same transaction, so it stops counting at
// once), the officer's accept / transfer / decision (each conditional on the state it was decided
// from: of concurrent actions exactly one applies), their deadlines and messages to the citizen.
// Department scope: the 信用主管部门 accepts and transfers (and may decide a case it kept); the
// department that made the record, or the one it was transferred to, decides; nobody else sees it.
import crypto from 'node:crypto'
import type { Kysely, Transaction } from 'kysely'
import { chinaDate } from '../../src/domain/dates'
import type { RecordEvent } from '../../src/domain/lifecycle'
import { objectionDeadlines, OUTCOME_LABELS, refuseAction, type ObjectionAction, type ObjectionOutcome, type ObjectionReason, type ObjectionStatus } from '../../src/domain/objection'
import type { WorkingCalendar } from '../../src/domain/working-days'
import { onCalendarChange, workingCalendar } from '../calendar/calendar'
import type { Database } from '../db/schema'
import { inTransaction } from '../db/transaction'
import { closeCaseDeadlines, completeDeadline, setDeadline } from '../deadlines/deadlines'
import { AppError, notFound } from '../http/errors'
import { notify } from '../messages/messages'
import type { MessageTemplates } from '../messages/templates'
import { correctRecordFields, type Correction } from '../records/correction'
import { officerOf, officerOnDuty, ofDepartment, inScope, type Officer } from '../officers/scope'
import { transition } from '../records/lifecycle'
import { attachUploads, registerCaseOfficer } from '../uploads/attachments'
import { CASE_KIND, toApi, type ObjectionRow } from './view'

type Db = Kysely<Database>
// Real page paths: a message or reminder opens the case page itself.
export const citizenLink = (id: string) => `/packages/credit/pages/objection/index?id=${id}`
export const officerLink = (id: string) => `/packages/officer/pages/objection/index?id=${id}`
const link = citizenLink

// The evidence is read by the deciding department's officers; at the credit authority, before
// anyone accepted it by those looking at the queue, after that by the officer who accepted it.
registerCaseOfficer(CASE_KIND, async (db, reader, caseId) => {
  if (!reader.roles.includes('officer')) return false
  const c = await caseScope(db, caseId)
  if (!c) return false
  const officer = await officerOf(db, reader.userId)
  if (ofDepartment(officer, c.recordDepartment, c.transferredTo)) return true
  return officer.authority && (c.officerUserId === null || c.officerUserId === reader.userId)
})

/** The departments a case concerns: the record's maker and the one it was transferred to. */
async function caseScope(db: Db, id: string) {
  return db.selectFrom('objections as o').innerJoin('credit_records as r', 'r.id', 'o.record_id')
    .select(['o.status', 'o.officer_user_id as officerUserId', 'o.department as transferredTo', 'r.department as recordDepartment'])
    .where('o.id', '=', id).executeTakeFirst()
}

/** When an officer loads a year's arrangement, every open case's due dates are computed again. */
export async function recomputeDueDates(trx: Transaction<Database>, calendar: WorkingCalendar): Promise<number> {
  const open = await trx.selectFrom('objections').selectAll().where('status', '<>', '已办结').forUpdate().execute()
  let changed = 0
  for (const o of open) {
    const d = objectionDeadlines(calendar, o.filed_on, o.transferred_on)
    const next = {
      decision_due: d.decision.date, decision_due_estimated: d.decision.estimated, transfer_due: d.transfer.date, transfer_due_estimated: d.transfer.estimated,
      department_due: d.department?.date ?? null, department_due_estimated: d.department?.estimated ?? null,
    }
    if ((Object.keys(next) as (keyof typeof next)[]).every((k) => o[k] === next[k])) continue
    await trx.updateTable('objections').set(next).where('id', '=', o.id).execute()
    await setDeadlines(trx, { ...o, ...next })
    changed++
  }
  return changed
}
onCalendarChange((trx, calendar) => recomputeDueDates(trx, calendar))

/**
 * Who is reminded of a case's deadlines: after a transfer the first officer of that department;
 * before, the officer who accepted it, or before acceptance the credit authority's first on duty.
 */
async function reminded(db: Db, o: ObjectionRow) {
  const transferred = o.status === '已转办' && o.department ? await officerOnDuty(db, o.department) : null
  const officer = transferred ?? o.officer_user_id ?? (await officerOnDuty(db))
  return officer ? { userId: officer } : { subjectId: o.subject_id }
}

/** The open deadlines of a case in its state (moved ones are reminded again). */
async function setDeadlines(db: Db, o: ObjectionRow) {
  const remind = await reminded(db, o)
  const base = { caseKind: CASE_KIND, caseId: o.id, remind, link: officerLink(o.id) }
  if (o.status === '已转办') {
    await setDeadline(db, { ...base, step: 'department', title: '异议转办部门核查决定', dueDate: o.department_due! })
    return
  }
  await setDeadline(db, { ...base, step: 'decision', title: '异议核查决定', dueDate: o.decision_due })
  // Transfer is the officer's option, not a duty: its day passing is no delay (the decision's is).
  await setDeadline(db, { ...base, step: 'transfer', title: '异议转办期限', dueDate: o.transfer_due, optional: true })
}

async function recordTitle(db: Db, recordId: string) {
  return (await db.selectFrom('credit_records').select('title').where('id', '=', recordId).executeTakeFirstOrThrow()).title
}

export interface FilingInput {
  subjectId: string
  userId: string
  recordId: string
  reason: ObjectionReason
  description: string
  attachmentIds: string[]
}

export async function fileObjection(db: Db, templates: MessageTemplates, input: FilingInput, now = new Date()) {
  const today = chinaDate(now)
  const calendar = await workingCalendar(db)
  const id = await inTransaction(db, async (trx) => {
    // Locks the record: a second filing for it waits here and then sees the first.
    const record = await trx.selectFrom('credit_records').select(['id', 'subject_id', 'status', 'department', 'title']).where('id', '=', input.recordId).forUpdate().executeTakeFirst()
    if (!record || record.subject_id !== input.subjectId) throw notFound('信用记录')
    const open = await trx.selectFrom('objections').select('id').where('record_id', '=', record.id).where('status', '<>', '已办结').executeTakeFirst()
    if (open) throw new AppError(409, 'OBJECTION_OPEN', `该记录已有正在办理的异议（编号 ${open.id}），请在该异议中查看进度或补充说明`)
    // An open repair application would be decided on a record its objection suspends (the approval
    // then fails): one case per record at a time, as repair refuses an open objection.
    const repair = await trx.selectFrom('repair_applications').select('id').where('record_id', '=', record.id).where('status', '=', '审核中').executeTakeFirst()
    if (repair) {
      throw new AppError(409, 'REPAIR_OPEN', `该记录有正在办理的信用修复申请（编号 ${repair.id}），修复决定作出前不能提出异议；如对记录内容有异议，请在修复申请办结后提出`)
    }
    if (record.status !== '公示中') {
      throw new AppError(400, 'NOT_IN_PUBLICITY', `该记录当前为“${record.status}”，已不在公示期，不能在线提出异议；如有异议，请向作出决定的${record.department}提出`)
    }
    const upheld = await trx.selectFrom('objections').select('id').where('record_id', '=', record.id).where('outcome', '=', 'uphold').executeTakeFirst()
    if (upheld && input.attachmentIds.length === 0) {
      throw new AppError(400, 'NEW_EVIDENCE_REQUIRED', '该记录的异议已核查并维持原记录，再次提出异议须提供新的证明材料')
    }
    const d = objectionDeadlines(calendar, today)
    const id = crypto.randomUUID()
    const row = await trx
      .insertInto('objections')
      .values({
        id, record_id: record.id, subject_id: input.subjectId, filed_by_user_id: input.userId, reason: input.reason, description: input.description,
        filed_at: now, filed_on: today, decision_due: d.decision.date, decision_due_estimated: d.decision.estimated, transfer_due: d.transfer.date, transfer_due_estimated: d.transfer.estimated,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    // Evidence used before (even in the upheld case) is refused here: attached uploads are taken.
    await attachUploads(trx, { subjectId: input.subjectId, uploadIds: input.attachmentIds, caseKind: CASE_KIND, caseId: id })
    await transition(trx, { recordId: record.id, event: 'file_objection', actor: { kind: 'subject', id: input.userId, name: '信用主体本人' }, today, at: now })
    await setDeadlines(trx, row)
    await notify(trx, {
      to: { subjectId: input.subjectId }, kind: 'objection_filed', title: '异议已提交',
      body: `您对“${record.title}”提出的异议已提交，核查期间该记录暂停使用。将在 ${d.decision.date} 前办结。`,
      link: link(id), fields: { recordTitle: record.title, dueDate: d.decision.date, status: '已提交' },
    }, templates)
    return id
  })
  return getObjection(db, input.subjectId, id, now)
}

export async function getObjection(db: Db, subjectId: string | null, id: string, now = new Date()) {
  let q = db.selectFrom('objections').selectAll().where('id', '=', id)
  if (subjectId !== null) q = q.where('subject_id', '=', subjectId)
  const o = await q.executeTakeFirst()
  if (!o) throw notFound('异议')
  return toApi(db, o, chinaDate(now))
}

export type { Officer }

/** The departments of a case an officer's rights depend on. */
export interface CaseDepartments {
  recordDepartment: string | null
  transferredTo: string | null
}

/**
 * What an officer may do with a case, by action: the states it is allowed from, or why not (403).
 * The credit authority accepts, transfers, and decides a case it kept (核查中); the record's
 * department, or the one the case was transferred to, decides it (核查中 or 已转办). An officer of
 * another department does not see the case at all (404, decided before this is asked).
 */
export function officerRights(officer: Officer, c: CaseDepartments & { status: string }): Record<ObjectionAction, readonly ObjectionStatus[] | string> {
  const own = ofDepartment(officer, c.recordDepartment, c.transferredTo)
  const intake = officer.authority ? null : '异议由信用主管部门受理和转办；受理后，作出记录的部门可以核查并作出决定'
  return {
    accept: intake ?? ['已提交'],
    transfer: intake ?? ['核查中'],
    decide: own ? ['核查中', '已转办'] : c.status === '已转办' ? `该异议已转办至${c.transferredTo}，由该部门核查并作出决定` : ['核查中'],
  }
}

/** The actions this officer can take on the case as it stands now (the case page shows only these). */
export function officerActions(officer: Officer, c: CaseDepartments & { status: ObjectionStatus }): ObjectionAction[] {
  const rights = officerRights(officer, c)
  return (Object.keys(rights) as ObjectionAction[]).filter((a) => typeof rights[a] !== 'string' && rights[a].includes(c.status))
}

async function allowedFrom(trx: Transaction<Database>, id: string, action: ObjectionAction, officer: Officer): Promise<readonly ObjectionStatus[]> {
  const c = await caseScope(trx, id)
  if (!c || !inScope(officer, c.recordDepartment, c.transferredTo)) throw notFound('异议')
  const allowed = officerRights(officer, c)[action]
  if (typeof allowed === 'string') throw new AppError(403, 'DEPARTMENT_SCOPE', allowed)
  return allowed
}

/**
 * Moves a case by one officer action, conditional on the states the action is allowed from (for
 * this officer); a case that is elsewhere (or moved meanwhile) gets refuseAction's message.
 */
async function move(trx: Transaction<Database>, id: string, action: ObjectionAction, officer: Officer, set: Record<string, unknown>): Promise<ObjectionRow> {
  const from = await allowedFrom(trx, id, action, officer)
  const moved = await trx.updateTable('objections').set(set).where('id', '=', id).where('status', 'in', from).returningAll().executeTakeFirst()
  if (moved) return moved
  const now = await trx.selectFrom('objections').select('status').where('id', '=', id).executeTakeFirst()
  if (!now) throw notFound('异议')
  throw new AppError(409, 'OBJECTION_STATE', refuseAction(now.status as ObjectionStatus, action) ?? '该异议的状态刚刚发生变化，请刷新后重试')
}

export async function acceptObjection(db: Db, templates: MessageTemplates, id: string, officer: Officer, now = new Date()) {
  await inTransaction(db, async (trx) => {
    const o = await move(trx, id, 'accept', officer, { status: '核查中', accepted_at: now, officer_user_id: officer.id, officer_name: officer.name })
    await setDeadlines(trx, o)
    await notify(trx, {
      to: { subjectId: o.subject_id }, kind: 'objection_accepted', title: '异议已受理',
      body: `${officer.name}已受理您对“${await recordTitle(trx, o.record_id)}”的异议，正在核查，将在 ${o.decision_due} 前办结。`,
      link: link(id), fields: { dueDate: o.decision_due, status: '核查中' },
    }, templates)
  })
  return getObjection(db, null, id, now)
}

export async function transferObjection(db: Db, templates: MessageTemplates, id: string, officer: Officer, input: { department: string; note: string }, now = new Date()) {
  const today = chinaDate(now)
  const calendar = await workingCalendar(db)
  const d = objectionDeadlines(calendar, today, today).department!
  await inTransaction(db, async (trx) => {
    const o = await move(trx, id, 'transfer', officer, {
      status: '已转办', transferred_at: now, transferred_on: today, department: input.department, transfer_note: input.note,
      department_due: d.date, department_due_estimated: d.estimated, transferred_by_user_id: officer.id,
    })
    // A case sent where no officer works would wait for nobody: only to a department with officers.
    if (!(await officerOnDuty(trx, input.department))) {
      throw new AppError(400, 'UNKNOWN_DEPARTMENT', `“${input.department}”尚未开通办理账号，不能转办；请填写部门全称（通常是作出该记录的部门）`)
    }
    // The platform no longer decides itself: its own deadlines are done, the department's begins.
    await completeDeadline(trx, CASE_KIND, id, 'transfer')
    await completeDeadline(trx, CASE_KIND, id, 'decision')
    await setDeadlines(trx, o)
    await notify(trx, {
      to: { subjectId: o.subject_id }, kind: 'objection_transferred', title: '异议已转办',
      body: `${officer.name}已将您的异议转至${input.department}核查，将在 ${d.date} 前作出决定。`,
      link: link(id), fields: { dueDate: d.date, status: '已转办' },
    }, templates)
  })
  return getObjection(db, null, id, now)
}

const EVENTS: Record<ObjectionOutcome, RecordEvent> = { correct: 'correct', revoke: 'revoke', uphold: 'uphold' }

export async function decideObjection(
  db: Db, templates: MessageTemplates, id: string, officer: Officer,
  input: { outcome: ObjectionOutcome; reasons: string; correction?: Correction }, now = new Date(),
) {
  await inTransaction(db, async (trx) => {
    const o = await move(trx, id, 'decide', officer, {
      status: '已办结', decided_at: now, outcome: input.outcome, decision_reasons: input.reasons, decided_by_user_id: officer.id, decided_by_department: officer.name,
    })
    const record = await trx.selectFrom('credit_records').selectAll().where('id', '=', o.record_id).executeTakeFirstOrThrow()
    let reason = `${OUTCOME_LABELS[input.outcome]}：${input.reasons}`
    if (input.outcome === 'correct') {
      const { before, after } = await correctRecordFields(trx, record.id, input.correction ?? {})
      await trx.updateTable('objections').set({ correction: JSON.stringify({ before, after }) }).where('id', '=', id).execute()
      // The old version stays readable in the record's history.
      reason += `（更正前：${Object.keys(before).map((k) => `${k}=${before[k] ?? '无'}`).join('；')}）`
    }
    await transition(trx, { recordId: record.id, event: EVENTS[input.outcome], actor: { kind: 'officer', id: officer.id, name: officer.name }, reason, at: now })
    await closeCaseDeadlines(trx, CASE_KIND, id)
    const effect = { correct: '记录已更正', revoke: '记录已撤销，公示结束', uphold: '维持原记录，该记录恢复公示' }[input.outcome]
    await notify(trx, {
      to: { subjectId: o.subject_id }, kind: 'objection_decided', title: `异议已办结：${OUTCOME_LABELS[input.outcome]}`,
      body: `您对“${record.title}”的异议已办结：${effect}。理由：${input.reasons}`,
      link: link(id), fields: { recordTitle: record.title, status: '已办结', outcome: OUTCOME_LABELS[input.outcome] },
    }, templates)
  })
  return getObjection(db, null, id, now)
}
