// 信用修复 use cases: the citizen's application (eligible now, proof attached, the own signed
// 修复型 commitment — 两书: 履行证明 + 承诺书), its deadlines (platform reply, department decision,
// in working days), and the officer's decision: approve moves the record to 已修复 through the
// lifecycle (publicity ends, it stops counting) and records the obligation as met on the proof
// (修复审核确认) if the department's data had not, reject gives reasons and the citizen may apply
// again. Each decision is conditional on the application still being open: of concurrent ones
// exactly one applies. Department scope: the credit authority (the platform replies) and the
// department that made the record decide; officers of other departments do not see the case.
import crypto from 'node:crypto'
import type { Kysely, Transaction } from 'kysely'
import { chinaDate } from '../../src/domain/dates'
import { REPAIR_DEPARTMENT_DECISION_WORKING_DAYS, REPAIR_PLATFORM_REPLY_WORKING_DAYS } from '../../src/domain/policy'
import { proofRequired, repairEligibility } from '../../src/domain/repair-eligibility'
import type { WorkingCalendar } from '../../src/domain/working-days'
import { onCalendarChange, workingCalendar } from '../calendar/calendar'
import type { Database } from '../db/schema'
import { inTransaction } from '../db/transaction'
import { closeCaseDeadlines, setDeadline } from '../deadlines/deadlines'
import { AppError, badRequest, notFound } from '../http/errors'
import { notify } from '../messages/messages'
import type { MessageTemplates } from '../messages/templates'
import { inScope, officerOf, officerOnDuty, type Officer } from '../officers/scope'
import { transition } from '../records/lifecycle'
import { recordObligationMet } from '../records/obligation'
import { attachUploads, registerCaseOfficer } from '../uploads/attachments'
import { loadCases } from './cases'
import { CASE_KIND, OUTCOME_LABELS, toApi, type RepairRow } from './view'

type Db = Kysely<Database>
export const applicationLink = (id: string) => `/packages/repair/pages/application/index?id=${encodeURIComponent(id)}`
export const officerLink = (id: string) => `/packages/officer/pages/repair/index?id=${encodeURIComponent(id)}`

// Proof and commitment are read by the officers whose scope the case is in.
registerCaseOfficer(CASE_KIND, async (db, reader, caseId) => {
  if (!reader.roles.includes('officer')) return false
  const department = await recordDepartment(db, caseId)
  return department !== undefined && inScope(await officerOf(db, reader.userId), department)
})

/** The department that made the record an application is about (undefined: no such application). */
export async function recordDepartment(db: Db, id: string): Promise<string | undefined> {
  const r = await db.selectFrom('repair_applications as a').innerJoin('credit_records as r', 'r.id', 'a.record_id').select('r.department').where('a.id', '=', id).executeTakeFirst()
  return r?.department
}

/** The platform replies within 10 working days of filing, the department decides within 3 of receipt. */
export function repairDeadlines(calendar: WorkingCalendar, filedOn: string) {
  const reply = calendar.addWorkingDays(filedOn, REPAIR_PLATFORM_REPLY_WORKING_DAYS)
  const decision = calendar.addWorkingDays(reply.date, REPAIR_DEPARTMENT_DECISION_WORKING_DAYS)
  return { reply, decision: { date: decision.date, estimated: reply.estimated || decision.estimated } }
}

/** Who is reminded of an open application: the credit authority's first officer on duty (no one has taken it yet). */
async function reminded(db: Db, subjectId: string) {
  const officer = await officerOnDuty(db)
  return officer ? { userId: officer } : { subjectId }
}

async function setDeadlines(db: Db, a: RepairRow) {
  const base = { caseKind: CASE_KIND, caseId: a.id, remind: await reminded(db, a.subject_id), link: officerLink(a.id) }
  await setDeadline(db, { ...base, step: 'reply', title: '信用修复申请平台答复', dueDate: a.reply_due })
  await setDeadline(db, { ...base, step: 'decision', title: '信用修复决定', dueDate: a.decision_due })
}

/** When an officer loads a year's arrangement, every open application's due dates are computed again. */
export async function recomputeDueDates(trx: Transaction<Database>, calendar: WorkingCalendar): Promise<number> {
  const open = await trx.selectFrom('repair_applications').selectAll().where('status', '=', '审核中').forUpdate().execute()
  let changed = 0
  for (const a of open) {
    const d = repairDeadlines(calendar, a.filed_on)
    const next = { reply_due: d.reply.date, reply_due_estimated: d.reply.estimated, decision_due: d.decision.date, decision_due_estimated: d.decision.estimated }
    if ((Object.keys(next) as (keyof typeof next)[]).every((k) => a[k] === next[k])) continue
    await trx.updateTable('repair_applications').set(next).where('id', '=', a.id).execute()
    await setDeadlines(trx, { ...a, ...next })
    changed++
  }
  return changed
}
onCalendarChange((trx, calendar) => recomputeDueDates(trx, calendar))

export interface RepairInput {
  subjectId: string
  userId: string
  recordId: string
  commitmentId: string
  attachmentIds: string[]
}

export async function submitRepair(db: Db, templates: MessageTemplates, input: RepairInput, now = new Date()) {
  const today = chinaDate(now)
  const calendar = await workingCalendar(db)
  const id = await inTransaction(db, async (trx) => {
    // Locks the record: a second submission for it waits here and then sees the first.
    const record = await trx.selectFrom('credit_records').select(['id', 'subject_id', 'title']).where('id', '=', input.recordId).forUpdate().executeTakeFirst()
    if (!record || record.subject_id !== input.subjectId) throw notFound('信用记录')
    const open = await trx.selectFrom('repair_applications').select('id').where('record_id', '=', record.id).where('status', '=', '审核中').executeTakeFirst()
    if (open) throw new AppError(409, 'REPAIR_OPEN', `该记录已有正在办理的修复申请（编号 ${open.id}），请在该申请中查看进度`)
    const objection = await trx.selectFrom('objections').select('id').where('record_id', '=', record.id).where('status', '<>', '已办结').executeTakeFirst()
    if (objection) throw new AppError(409, 'OBJECTION_OPEN', `该记录有正在办理的异议（编号 ${objection.id}），异议办结后才能申请信用修复`)
    const cases = await loadCases(trx, input.subjectId)
    const c = cases.cases.find((x) => x.record.id === record.id)
    if (!c) throw new AppError(400, 'NOT_REPAIRABLE', '守信记录无需修复')
    const e = repairEligibility(c, cases.records, today)
    if (e.state === 'never') throw new AppError(400, 'NOT_REPAIRABLE', e.missing[0])
    if (e.state === 'later') throw new AppError(400, 'NOT_YET_REPAIRABLE', `暂不能申请修复：${e.missing.join('；')}`)
    if (proofRequired(e) && input.attachmentIds.length === 0) throw badRequest('请上传已履行法定义务的证明材料（如罚款缴纳凭证、整改完成证明）', 'PROOF_REQUIRED')
    const commitment = await trx
      .selectFrom('commitments as c')
      .innerJoin('commitment_templates as t', (j) => j.onRef('t.id', '=', 'c.template_id').onRef('t.version', '=', 'c.template_version'))
      .select(['c.id', 't.kind'])
      .where('c.id', '=', input.commitmentId)
      .where('c.subject_id', '=', input.subjectId)
      .executeTakeFirst()
    if (!commitment) throw notFound('信用修复承诺书')
    if (commitment.kind !== '修复型') throw new AppError(400, 'WRONG_COMMITMENT', '请签署《信用修复承诺书》（修复型承诺）后再提交申请')
    const used = await trx.selectFrom('repair_applications').select('id').where('commitment_id', '=', commitment.id).executeTakeFirst()
    if (used) throw new AppError(409, 'COMMITMENT_USED', '该承诺书已用于另一份修复申请，请重新签署一份信用修复承诺书')

    const d = repairDeadlines(calendar, today)
    const id = crypto.randomUUID()
    const row = await trx
      .insertInto('repair_applications')
      .values({
        id, record_id: record.id, subject_id: input.subjectId, filed_by_user_id: input.userId, commitment_id: commitment.id, filed_at: now, filed_on: today,
        reply_due: d.reply.date, reply_due_estimated: d.reply.estimated, decision_due: d.decision.date, decision_due_estimated: d.decision.estimated, score_expected: e.scoreAfter,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    await attachUploads(trx, { subjectId: input.subjectId, uploadIds: input.attachmentIds, caseKind: CASE_KIND, caseId: id })
    await setDeadlines(trx, row)
    await notify(trx, {
      to: { subjectId: input.subjectId }, kind: 'repair_filed', title: '信用修复申请已提交',
      body: `您对“${record.title}”的信用修复申请已提交，信用平台将在 ${d.reply.date} 前答复，最迟 ${d.decision.date} 前作出决定。信用修复不收取任何费用。`,
      link: applicationLink(id), fields: { recordTitle: record.title, dueDate: d.decision.date, status: '审核中' },
    }, templates)
    return id
  })
  return getRepair(db, input.subjectId, id, now)
}

export async function getRepair(db: Db, subjectId: string | null, id: string, now = new Date()) {
  let q = db.selectFrom('repair_applications').selectAll().where('id', '=', id)
  if (subjectId !== null) q = q.where('subject_id', '=', subjectId)
  const a = await q.executeTakeFirst()
  if (!a) throw notFound('修复申请')
  return toApi(db, a, chinaDate(now))
}

export type { Officer }

export async function decideRepair(db: Db, templates: MessageTemplates, id: string, officer: Officer, input: { outcome: 'approve' | 'reject'; reasons: string }, now = new Date()) {
  const today = chinaDate(now)
  const department = await recordDepartment(db, id)
  if (department === undefined || !inScope(officer, department)) throw notFound('修复申请')
  await inTransaction(db, async (trx) => {
    const approve = input.outcome === 'approve'
    const a = await trx
      .updateTable('repair_applications')
      .set({ status: approve ? '已通过' : '未通过', decided_at: now, officer_user_id: officer.id, officer_name: officer.name, outcome: input.outcome, decision_reasons: input.reasons })
      .where('id', '=', id)
      .where('status', '=', '审核中')
      .returningAll()
      .executeTakeFirst()
    if (!a) {
      const current = await trx.selectFrom('repair_applications').select('status').where('id', '=', id).executeTakeFirst()
      if (!current) throw notFound('修复申请')
      throw new AppError(409, 'REPAIR_DECIDED', `该修复申请已办结（${current.status}），不能重复决定`)
    }
    const record = await trx.selectFrom('credit_records').select(['title']).where('id', '=', a.record_id).executeTakeFirstOrThrow()
    if (approve) {
      // The lifecycle refuses what law forbids and a record no longer in publicity (409): nothing is kept then.
      await transition(trx, { recordId: a.record_id, event: 'approve_repair', actor: { kind: 'officer', id: officer.id, name: officer.name }, reason: `准予信用修复：${input.reasons}`, today, at: now })
      // Approved on the proof uploaded with it: the obligation is met from now on (if not on record yet).
      await recordObligationMet(trx, a.record_id, today, { source: '修复审核确认', repairId: a.id })
    }
    await closeCaseDeadlines(trx, CASE_KIND, id)
    await notify(trx, {
      to: { subjectId: a.subject_id }, kind: approve ? 'repair_approved' : 'repair_rejected',
      title: approve ? '信用修复申请已通过' : '信用修复申请未通过',
      body: approve
        ? `您对“${record.title}”的信用修复申请已通过，该记录已修复，停止公示，不再计入信用分。`
        : `您对“${record.title}”的信用修复申请未通过。理由：${input.reasons}。补正后可以再次申请。`,
      link: applicationLink(id), fields: { recordTitle: record.title, status: approve ? '已通过' : '未通过', outcome: OUTCOME_LABELS[input.outcome] },
    }, templates)
  })
  return getRepair(db, null, id, now)
}
