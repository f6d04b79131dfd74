// 信用信息自愿注册 use cases: a subject files positive information with evidence under its own signed
// commitment to the truth; an officer verifies it — only then it becomes a positive record through
// the lifecycle module, and counts in the score — or refuses it with reasons. Each decision is an
// UPDATE conditional on 已提交: of concurrent decisions exactly one applies. Department scope:
// registrations go to the credit authority; to an officer of any other department they do not exist.
import crypto from 'node:crypto'
import type { Kysely, Transaction } from 'kysely'
import type { OfficerRegistrationPage, VoluntaryRegistrationPage } from '../../src/contract/voluntary-registrations'
import { VOLUNTARY_CATEGORIES, VOLUNTARY_COMMITMENT_TEMPLATE, VOLUNTARY_MIN_FILES, type VoluntaryCategory } from '../../src/domain/cases'
import { chinaDate } from '../../src/domain/dates'
import { VOLUNTARY_REGISTRATION_VERIFY_WORKING_DAYS } from '../../src/domain/policy'
import { VOLUNTARY_KIND } from '../../src/domain/score'
import { workingCalendar } from '../calendar/calendar'
import type { Database } from '../db/schema'
import { inTransaction } from '../db/transaction'
import { completeDeadline, setDeadline } from '../deadlines/deadlines'
import { AppError, badRequest, notFound } from '../http/errors'
import { notify } from '../messages/messages'
import { officerOf, officerOnDuty, requireAuthority } from '../officers/scope'
import type { MessageTemplates } from '../messages/templates'
import { createRecord } from '../records/lifecycle'
import { attachUploads, registerCaseOfficer } from '../uploads/attachments'
import { afterFiled, filedPage } from '../http/cursor'
import { CASE_KIND, toApi, toOfficerApi, type RegistrationRow } from './view'

type Db = Kysely<Database>
export const registrationLink = (id: string) => `/packages/cases/pages/registration/index?id=${id}`
const officerLink = (id: string) => `/packages/officer/pages/registration/index?id=${id}`

// The credit authority's officers verify what the evidence shows: any of them while it is open, the deciding one after.
registerCaseOfficer(CASE_KIND, async (db, reader, caseId) => {
  if (!reader.roles.includes('officer') || !(await officerOf(db, reader.userId)).authority) return false
  const r = await db.selectFrom('voluntary_registrations').select('officer_user_id').where('id', '=', caseId).executeTakeFirst()
  return Boolean(r && (r.officer_user_id === null || r.officer_user_id === reader.userId))
})

export interface Filing {
  subjectId: string
  userId: string
  category: VoluntaryCategory
  title: string
  description: string
  attachmentIds: string[]
  commitmentId: string
}

export async function fileRegistration(db: Db, templates: MessageTemplates, input: Filing, now = new Date()) {
  if (input.attachmentIds.length < VOLUNTARY_MIN_FILES) throw badRequest('请上传证明材料（证书、合同、捐赠票据等），核验以材料为准')
  const today = chinaDate(now)
  const due = (await workingCalendar(db)).addWorkingDays(today, VOLUNTARY_REGISTRATION_VERIFY_WORKING_DAYS)
  const id = crypto.randomUUID()
  await inTransaction(db, async (trx) => {
    // The subject's own, current commitment to the truth; locked so two filings cannot share it.
    const c = await trx.selectFrom('commitments').select(['id', 'template_id', 'status']).where('id', '=', input.commitmentId).where('subject_id', '=', input.subjectId).forUpdate().executeTakeFirst()
    if (!c) throw notFound('承诺')
    if (c.template_id !== VOLUNTARY_COMMITMENT_TEMPLATE) throw badRequest('请签署《信用信息自愿注册真实性承诺书》后再提交', 'WRONG_COMMITMENT')
    if (c.status !== '履约中') throw badRequest(`该承诺已认定为“${c.status}”，请重新签署真实性承诺书`, 'WRONG_COMMITMENT')
    const used = await trx.selectFrom('voluntary_registrations').select('id').where('commitment_id', '=', c.id).executeTakeFirst()
    if (used) throw new AppError(409, 'COMMITMENT_USED', '该承诺书已用于另一项注册，每项注册请单独签署一份真实性承诺书')
    await trx.insertInto('voluntary_registrations').values({
      id, subject_id: input.subjectId, filed_by_user_id: input.userId, category: input.category, title: input.title, description: input.description,
      commitment_id: c.id, filed_at: now, filed_on: today, verify_due: due.date, verify_due_estimated: due.estimated,
    }).execute()
    await attachUploads(trx, { subjectId: input.subjectId, uploadIds: input.attachmentIds, caseKind: CASE_KIND, caseId: id })
    const onDuty = await officerOnDuty(trx)
    const remind = onDuty ? { userId: onDuty } : { subjectId: input.subjectId }
    await setDeadline(trx, { caseKind: CASE_KIND, caseId: id, step: 'verify', title: '信用信息自愿注册核验', dueDate: due.date, remind, link: officerLink(id) })
    await notify(trx, {
      to: { subjectId: input.subjectId }, kind: 'registration_filed', title: '自愿注册已提交',
      body: `您注册的“${input.title}”（${VOLUNTARY_CATEGORIES[input.category]}）已提交，将在 ${due.date} 前完成核验；核验通过后计入信用记录。`,
      link: registrationLink(id), fields: { dueDate: due.date, status: '已提交' },
    }, templates)
  })
  return getRegistration(db, input.subjectId, id, now)
}

export async function getRegistration(db: Db, subjectId: string | null, id: string, now = new Date()) {
  let q = db.selectFrom('voluntary_registrations').selectAll().where('id', '=', id)
  if (subjectId !== null) q = q.where('subject_id', '=', subjectId)
  const r = await q.executeTakeFirst()
  if (!r) throw notFound('注册信息')
  return toApi(db, r, chinaDate(now))
}

export async function getForOfficer(db: Db, officerUserId: string, id: string, now = new Date()) {
  requireAuthority(await officerOf(db, officerUserId), '注册信息')
  const r = await db.selectFrom('voluntary_registrations').selectAll().where('id', '=', id).executeTakeFirst()
  if (!r) throw notFound('注册信息')
  return toOfficerApi(db, r, chinaDate(now))
}

export const REGISTRATION_PAGE_SIZE = 20

/** The subject's registrations, newest first; the officers' queue, oldest first. */
type Scope = { subjectId: string } | { officerUserId: string; status?: string }
export function listRegistrations(db: Db, scope: { subjectId: string }, cursor?: string, now?: Date, limit?: number): Promise<VoluntaryRegistrationPage>
export function listRegistrations(db: Db, scope: { officerUserId: string; status?: string }, cursor?: string, now?: Date, limit?: number): Promise<OfficerRegistrationPage>
export async function listRegistrations(db: Db, scope: Scope, cursor?: string, now = new Date(), limit = REGISTRATION_PAGE_SIZE): Promise<VoluntaryRegistrationPage | OfficerRegistrationPage> {
  const mine = 'subjectId' in scope
  if (!mine && !(await officerOf(db, scope.officerUserId)).authority) return { items: [], nextCursor: null }
  let q = db.selectFrom('voluntary_registrations').selectAll()
  q = mine ? q.where('subject_id', '=', scope.subjectId) : q.where('status', '=', (scope.status ?? '已提交') as never)
  const dir = mine ? 'desc' : 'asc'
  if (cursor) q = q.where(afterFiled(cursor, dir))
  const rows = await q.orderBy('filed_at', dir).orderBy('id', dir).limit(limit + 1).execute()
  const today = chinaDate(now)
  return filedPage(rows, limit, (r) => (mine ? toApi(db, r, today) : toOfficerApi(db, r, today)))
}

export interface Officer {
  id: string
  name: string
}

async function decide(trx: Transaction<Database>, id: string, officer: Officer, set: Record<string, unknown>): Promise<RegistrationRow> {
  requireAuthority(await officerOf(trx, officer.id), '注册信息')
  const moved = await trx.updateTable('voluntary_registrations').set(set).where('id', '=', id).where('status', '=', '已提交').returningAll().executeTakeFirst()
  if (moved) return moved
  const now = await trx.selectFrom('voluntary_registrations').select('status').where('id', '=', id).executeTakeFirst()
  if (!now) throw notFound('注册信息')
  throw new AppError(409, 'REGISTRATION_STATE', `该注册信息已${now.status === '已核验' ? '核验通过' : '核验未通过'}，不能再次处理`)
}

/** 核验通过: the registration becomes a positive record (publicity per the policy for positives). */
export async function verifyRegistration(db: Db, templates: MessageTemplates, id: string, officer: Officer, note: string | undefined, now = new Date()) {
  const today = chinaDate(now)
  await inTransaction(db, async (trx) => {
    const r = await decide(trx, id, officer, { status: '已核验', decided_at: now, officer_user_id: officer.id, officer_name: officer.name, reasons: note ?? null })
    const c = await trx.selectFrom('commitments').select('receipt_no').where('id', '=', r.commitment_id).executeTakeFirstOrThrow()
    const label = VOLUNTARY_CATEGORIES[r.category as VoluntaryCategory]
    const { id: recordId } = await createRecord(trx, {
      subjectId: r.subject_id, kind: VOLUNTARY_KIND, polarity: 'positive', severity: null, title: `${label}：${r.title}`, content: r.description,
      department: officer.name, documentNo: c.receipt_no, legalBasis: '信用信息自愿注册（经核验）', decisionDate: today,
    }, { kind: 'officer', id: officer.id, name: officer.name }, '自愿注册信息经核验，计入信用记录')
    await trx.updateTable('voluntary_registrations').set({ record_id: recordId }).where('id', '=', id).execute()
    await completeDeadline(trx, CASE_KIND, id, 'verify')
    await notify(trx, {
      to: { subjectId: r.subject_id }, kind: 'registration_verified', title: '自愿注册已核验通过',
      body: `您注册的“${r.title}”已由${officer.name}核验通过，已计入信用记录。`, link: registrationLink(id), fields: { status: '已核验' },
    }, templates)
  })
  return getForOfficer(db, officer.id, id, now)
}

export async function rejectRegistration(db: Db, templates: MessageTemplates, id: string, officer: Officer, reasons: string, now = new Date()) {
  await inTransaction(db, async (trx) => {
    const r = await decide(trx, id, officer, { status: '未通过', decided_at: now, officer_user_id: officer.id, officer_name: officer.name, reasons })
    await completeDeadline(trx, CASE_KIND, id, 'verify')
    await notify(trx, {
      to: { subjectId: r.subject_id }, kind: 'registration_rejected', title: '自愿注册未通过核验',
      body: `您注册的“${r.title}”未通过核验。理由：${reasons}`, link: registrationLink(id), fields: { status: '未通过' },
    }, templates)
  })
  return getForOfficer(db, officer.id, id, now)
}
