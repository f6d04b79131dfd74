// 失信举报 use cases: filing (evidence attached, acceptance deadline set, the reporter told), the
// officer's accept → verify → conclude (each an UPDATE conditional on the state it moves from: of
// concurrent actions exactly one applies), deadlines and the reporter's messages at each step.
// Confidentiality: nothing here writes the reporter anywhere but the report's own row and the
// reporter's own messages; the reported enterprise is never told who reported, or that anyone did.
// Department scope: reports go to the credit authority; to an officer of any other department a
// report does not exist (404).
import crypto from 'node:crypto'
import type { Kysely, Transaction } from 'kysely'
import { DISHONESTY_CATEGORIES, DISHONESTY_OUTCOMES, DISHONESTY_TRANSITIONS, refuseDishonestyAction, type DishonestyAction, type DishonestyCategory, type DishonestyOutcome, type DishonestyStatus } from '../../src/domain/cases'
import { chinaDate } from '../../src/domain/dates'
import { DISHONESTY_REPORT_ACCEPT_WORKING_DAYS, DISHONESTY_REPORT_CONCLUDE_WORKING_DAYS } from '../../src/domain/policy'
import { workingCalendar } from '../calendar/calendar'
import type { Database } from '../db/schema'
import { inTransaction } from '../db/transaction'
import { completeDeadline, setDeadline } from '../deadlines/deadlines'
import { AppError, badRequest, notFound } from '../http/errors'
import { notify } from '../messages/messages'
import { officerOf, officerOnDuty, requireAuthority } from '../officers/scope'
import type { MessageTemplates } from '../messages/templates'
import { attachUploads, registerCaseOfficer } from '../uploads/attachments'
import { CASE_KIND, toApi, toOfficerApi, type ReportRow } from './view'

type Db = Kysely<Database>
export const reportLink = (id: string) => `/packages/cases/pages/report/index?id=${id}`
const officerLink = (id: string) => `/packages/officer/pages/dishonesty-report/index?id=${id}`

// The evidence may show who the reporter is: only the officer who accepted the report reads it.
registerCaseOfficer(CASE_KIND, async (db, reader, caseId) => {
  if (!reader.roles.includes('officer')) return false
  const r = await db.selectFrom('dishonesty_reports').select('officer_user_id').where('id', '=', caseId).executeTakeFirst()
  return Boolean(r && r.officer_user_id === reader.userId)
})

// Before anyone accepted it, the credit authority's first officer on duty is reminded of the acceptance deadline.

export interface Filing {
  reporterSubjectId: string
  /** the acting subject's own USCC (an enterprise reporting) or identifier: one cannot report oneself */
  reporterIdentifier: string
  reporterUserId: string
  uscc: string
  category: DishonestyCategory
  description: string
  attachmentIds: string[]
}

export async function fileReport(db: Db, templates: MessageTemplates, input: Filing, now = new Date()) {
  if (input.uscc === input.reporterIdentifier) throw badRequest('不能举报本单位，请核对被举报企业的统一社会信用代码')
  const today = chinaDate(now)
  const due = (await workingCalendar(db)).addWorkingDays(today, DISHONESTY_REPORT_ACCEPT_WORKING_DAYS)
  const id = crypto.randomUUID()
  await inTransaction(db, async (trx) => {
    const reported = await trx.selectFrom('subjects').select('id').where('kind', '=', 'enterprise').where('identifier', '=', input.uscc).executeTakeFirst()
    await trx.insertInto('dishonesty_reports').values({
      id, reporter_subject_id: input.reporterSubjectId, reporter_user_id: input.reporterUserId, uscc: input.uscc, reported_subject_id: reported?.id ?? null,
      category: input.category, description: input.description, filed_at: now, filed_on: today, accept_due: due.date, accept_due_estimated: due.estimated,
    }).execute()
    await attachUploads(trx, { subjectId: input.reporterSubjectId, uploadIds: input.attachmentIds, caseKind: CASE_KIND, caseId: id })
    const onDuty = await officerOnDuty(trx)
    if (onDuty) await setDeadline(trx, { caseKind: CASE_KIND, caseId: id, step: 'accept', title: '失信举报受理', dueDate: due.date, remind: { userId: onDuty }, link: officerLink(id) })
    await notify(trx, {
      to: { subjectId: input.reporterSubjectId }, kind: 'dishonesty_report_filed', title: '举报已提交',
      body: `您对统一社会信用代码为 ${input.uscc} 的企业的举报（${DISHONESTY_CATEGORIES[input.category]}）已提交，将在 ${due.date} 前决定是否受理。我们对举报人信息严格保密。`,
      link: reportLink(id), fields: { dueDate: due.date, status: '已提交' },
    }, templates)
  })
  return getReport(db, input.reporterSubjectId, id, now)
}

/** The reporter's own report; any other subject's is 404. */
export async function getReport(db: Db, reporterSubjectId: string, id: string, now = new Date()) {
  const r = await db.selectFrom('dishonesty_reports').selectAll().where('id', '=', id).where('reporter_subject_id', '=', reporterSubjectId).executeTakeFirst()
  if (!r) throw notFound('举报')
  return toApi(db, r, chinaDate(now))
}

export async function getForOfficer(db: Db, officerUserId: string, id: string, now = new Date()) {
  requireAuthority(await officerOf(db, officerUserId), '举报')
  const r = await db.selectFrom('dishonesty_reports').selectAll().where('id', '=', id).executeTakeFirst()
  if (!r) throw notFound('举报')
  return toOfficerApi(db, r, officerUserId, chinaDate(now))
}

export interface Officer {
  id: string
  name: string
}

/**
 * Moves a report by one action, conditional on its state (and, after acceptance, on being the
 * handling officer's: another officer's attempt is 404, as the report is not theirs to move).
 */
async function move(trx: Transaction<Database>, id: string, action: DishonestyAction, officer: Officer, set: Record<string, unknown>): Promise<ReportRow> {
  requireAuthority(await officerOf(trx, officer.id), '举报')
  let q = trx.updateTable('dishonesty_reports').set(set).where('id', '=', id).where('status', '=', DISHONESTY_TRANSITIONS[action].from)
  if (action !== 'accept') q = q.where('officer_user_id', '=', officer.id)
  const moved = await q.returningAll().executeTakeFirst()
  if (moved) return moved
  const now = await trx.selectFrom('dishonesty_reports').select(['status', 'officer_user_id']).where('id', '=', id).executeTakeFirst()
  if (!now) throw notFound('举报')
  if (now.officer_user_id && now.officer_user_id !== officer.id) throw new AppError(409, 'HANDLED_BY_ANOTHER', '该举报已由其他工作人员受理办理')
  throw new AppError(409, 'REPORT_STATE', refuseDishonestyAction(now.status as DishonestyStatus, action))
}

export async function acceptReport(db: Db, templates: MessageTemplates, id: string, officer: Officer, now = new Date()) {
  const today = chinaDate(now)
  const due = (await workingCalendar(db)).addWorkingDays(today, DISHONESTY_REPORT_CONCLUDE_WORKING_DAYS)
  await inTransaction(db, async (trx) => {
    const r = await move(trx, id, 'accept', officer, {
      status: '已受理', accepted_at: now, officer_user_id: officer.id, officer_name: officer.name, conclude_due: due.date, conclude_due_estimated: due.estimated,
    })
    await completeDeadline(trx, CASE_KIND, id, 'accept')
    await setDeadline(trx, { caseKind: CASE_KIND, caseId: id, step: 'conclude', title: '失信举报办结', dueDate: due.date, remind: { userId: officer.id }, link: officerLink(id) })
    await notify(trx, {
      to: { subjectId: r.reporter_subject_id }, kind: 'dishonesty_report_accepted', title: '举报已受理',
      body: `${officer.name}已受理您的举报，将在 ${due.date} 前办结并答复。`, link: reportLink(id), fields: { dueDate: due.date, status: '已受理' },
    }, templates)
  })
  return getForOfficer(db, officer.id, id, now)
}

export async function verifyReport(db: Db, templates: MessageTemplates, id: string, officer: Officer, note: string | undefined, now = new Date()) {
  await inTransaction(db, async (trx) => {
    const r = await move(trx, id, 'verify', officer, { status: '核查中', verifying_at: now, verify_note: note ?? null })
    await notify(trx, {
      to: { subjectId: r.reporter_subject_id }, kind: 'dishonesty_report_verifying', title: '举报核查中',
      body: `您的举报已进入核查，将在 ${r.conclude_due} 前办结并答复。`, link: reportLink(id), fields: { dueDate: r.conclude_due ?? '', status: '核查中' },
    }, templates)
  })
  return getForOfficer(db, officer.id, id, now)
}

export async function concludeReport(db: Db, templates: MessageTemplates, id: string, officer: Officer, input: { outcome: DishonestyOutcome; reply: string }, now = new Date()) {
  await inTransaction(db, async (trx) => {
    const r = await move(trx, id, 'conclude', officer, { status: '已办结', concluded_at: now, outcome: input.outcome, reply: input.reply })
    await completeDeadline(trx, CASE_KIND, id, 'conclude')
    await notify(trx, {
      to: { subjectId: r.reporter_subject_id }, kind: 'dishonesty_report_concluded', title: `举报已办结：${DISHONESTY_OUTCOMES[input.outcome]}`,
      body: `您的举报已办结（${DISHONESTY_OUTCOMES[input.outcome]}）。答复：${input.reply}`, link: reportLink(id), fields: { status: '已办结', outcome: DISHONESTY_OUTCOMES[input.outcome] },
    }, templates)
  })
  return getForOfficer(db, officer.id, id, now)
}
