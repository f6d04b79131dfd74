// How a report of dishonesty reads: to the reporter and to every officer the same (no reporter in
// it); to the officer handling it, with the reporter masked. Nothing else ever joins the reporter.
import type { Kysely, Selectable } from 'kysely'
import type { DishonestyReport, DishonestyStep, OfficerDishonestyReport } from '../../src/contract/dishonesty-reports'
import { DISHONESTY_CATEGORIES, DISHONESTY_OUTCOMES, type DishonestyCategory, type DishonestyStatus } from '../../src/domain/cases'
import { chinaDate } from '../../src/domain/dates'
import { maskName, maskPhone } from '../../src/domain/mask'
import type { Database, DishonestyReportsTable } from '../db/schema'

export type ReportRow = Selectable<DishonestyReportsTable>
export const CASE_KIND = 'dishonesty_report'

/** A step done after its due date was late; a step still open is late once its due date has passed. */
const late = (due: string | null, doneAt: Date | null, today: string) => Boolean(due && (doneAt ? chinaDate(doneAt) : today) > due)

export function steps(r: ReportRow, today: string): DishonestyStep[] {
  return [
    { status: '已提交', done: true, at: r.filed_at.toISOString(), dueDate: null, overdue: false, note: null },
    { status: '已受理', done: r.accepted_at !== null, at: r.accepted_at?.toISOString() ?? null, dueDate: r.accept_due, overdue: late(r.accept_due, r.accepted_at, today), note: null },
    { status: '核查中', done: r.verifying_at !== null, at: r.verifying_at?.toISOString() ?? null, dueDate: null, overdue: false, note: r.verify_note },
    {
      status: '已办结', done: r.concluded_at !== null, at: r.concluded_at?.toISOString() ?? null, dueDate: r.conclude_due,
      overdue: late(r.conclude_due, r.concluded_at, today), note: r.outcome ? DISHONESTY_OUTCOMES[r.outcome] : null,
    },
  ]
}

/** The due date that matters now: acceptance until accepted, then the conclusion. */
function current(r: ReportRow) {
  if (r.status === '已办结') return null
  if (r.status === '已提交') return { date: r.accept_due, estimated: r.accept_due_estimated }
  return r.conclude_due ? { date: r.conclude_due, estimated: Boolean(r.conclude_due_estimated) } : null
}

export async function toApi(db: Kysely<Database>, r: ReportRow, today: string): Promise<DishonestyReport> {
  const attachments = await db.selectFrom('upload_attachments as a').innerJoin('uploads as u', 'u.id', 'a.upload_id')
    .select(['u.id', 'u.content_type', 'u.size']).where('a.case_kind', '=', CASE_KIND).where('a.case_id', '=', r.id).orderBy('a.attached_at').orderBy('u.id').execute()
  const enterprise = r.reported_subject_id ? await db.selectFrom('subjects').select('name').where('id', '=', r.reported_subject_id).executeTakeFirst() : undefined
  const due = current(r)
  return {
    id: r.id,
    status: r.status as DishonestyStatus,
    uscc: r.uscc,
    enterpriseName: enterprise?.name ?? null,
    category: r.category as DishonestyCategory,
    categoryLabel: DISHONESTY_CATEGORIES[r.category as DishonestyCategory],
    description: r.description,
    filedAt: r.filed_at.toISOString(),
    dueDate: due?.date ?? null,
    dueDateEstimated: due?.estimated ?? false,
    overdue: Boolean(due && today > due.date),
    outcome: r.outcome,
    outcomeLabel: r.outcome ? DISHONESTY_OUTCOMES[r.outcome] : null,
    reply: r.reply,
    steps: steps(r, today),
    attachments: attachments.map((a) => ({ id: a.id, type: a.content_type, size: a.size, url: `/api/uploads/${a.id}` })),
  }
}

/**
 * The officer's view. The reporter is read only for the officer who accepted the report, and then
 * masked: enough to recognise the reporter on a call-back (the reply itself goes through the
 * message centre), never enough to identify them to anyone the officer shows the screen to.
 */
export async function toOfficerApi(db: Kysely<Database>, r: ReportRow, officerUserId: string, today: string): Promise<OfficerDishonestyReport> {
  const handledByMe = r.officer_user_id === officerUserId
  let reporter: OfficerDishonestyReport['reporter'] = null
  if (handledByMe) {
    const who = await db.selectFrom('subjects as s').innerJoin('users as u', (j) => j.on('u.id', '=', r.reporter_user_id))
      .select(['s.kind', 's.name', 'u.phone']).where('s.id', '=', r.reporter_subject_id).executeTakeFirstOrThrow()
    reporter = { kind: who.kind, name: who.kind === 'person' ? maskName(who.name) : who.name, phone: who.phone ? maskPhone(who.phone) : null }
  }
  return { ...(await toApi(db, r, today)), handledByMe, reporter }
}
