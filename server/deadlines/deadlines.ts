// Deadlines of cases, for objections, repairs and whatever comes next: a case sets its deadline in
// its own transaction and marks it done when the step is taken; the reminder job reminds on the
// working day before the due date and marks it overdue once the due date has passed, each once.
// An optional step (an objection's transfer) only lapses when its day passes; a completed case
// closes every deadline it still has open.
import crypto from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import { chinaDate } from '../../src/domain/dates'
import { workingCalendar } from '../calendar/calendar'
import type { Database } from '../db/schema'
import { notify } from '../messages/messages'
import type { MessageTemplates } from '../messages/templates'

type Db = Kysely<Database>

export interface Deadline {
  caseKind: string
  caseId: string
  step: string
  /** what is due, e.g. 异议核查决定 */
  title: string
  /** last day (China date) on which the step is on time */
  dueDate: string
  /** who is reminded: an officer (user) or a subject */
  remind: { userId: string } | { subjectId: string }
  link?: string | null
  /** the last day an optional step may be taken (not a duty): it lapses, never overdue */
  optional?: boolean
}

/** Sets (or moves) a step's deadline; a moved deadline is reminded again. */
export async function setDeadline(db: Db, d: Deadline) {
  const row = {
    title: d.title, due_date: d.dueDate, link: d.link ?? null, optional: d.optional ?? false,
    remind_user_id: 'userId' in d.remind ? d.remind.userId : null, remind_subject_id: 'subjectId' in d.remind ? d.remind.subjectId : null,
  }
  await db
    .insertInto('deadlines')
    .values({ id: crypto.randomUUID(), case_kind: d.caseKind, case_id: d.caseId, step: d.step, ...row })
    .onConflict((oc) => oc.columns(['case_kind', 'case_id', 'step']).doUpdateSet({ ...row, reminded_at: null, overdue_at: null, done_at: null }))
    .execute()
}

export async function completeDeadline(db: Db, caseKind: string, caseId: string, step: string) {
  await db.updateTable('deadlines').set({ done_at: new Date() }).where('case_kind', '=', caseKind).where('case_id', '=', caseId).where('step', '=', step).where('done_at', 'is', null).execute()
}

/** Closes every deadline the case still has open: a completed case has nothing left due. */
export async function closeCaseDeadlines(db: Db, caseKind: string, caseId: string) {
  await db.updateTable('deadlines').set({ done_at: new Date() }).where('case_kind', '=', caseKind).where('case_id', '=', caseId).where('done_at', 'is', null).execute()
}

const target = (r: { remind_user_id: string | null; remind_subject_id: string | null }) =>
  r.remind_user_id ? { userId: r.remind_user_id } : { subjectId: r.remind_subject_id! }

/**
 * Reminds open deadlines whose reminder day (the working day before the due date) has come —
 * a run missed on that day still reminds before the due date passes — and marks overdue those whose
 * due date is over. Each mark is conditional and made with its message in one transaction.
 */
export async function remindDeadlines(db: Db, templates: MessageTemplates, today = chinaDate()) {
  let reminded = 0
  let overdue = 0
  const open = await db
    .selectFrom('deadlines')
    .select(['id', 'due_date', 'optional'])
    .where('done_at', 'is', null)
    .where((eb) => eb.or([eb.and([eb('reminded_at', 'is', null), eb('due_date', '>=', today)]), eb.and([eb('overdue_at', 'is', null), eb('due_date', '<', today)])]))
    // the reminder day is at most a few holiday weeks before the due date
    .where('due_date', '<=', sql<string>`${today}::date + 31`)
    .execute()
  // The calendar officers keep current (a year loaded when published), not only the package's.
  const calendar = await workingCalendar(db)
  for (const d of open) {
    const isOverdue = d.due_date < today
    if (isOverdue && d.optional) {
      // The option lapsed (e.g. no transfer within 2 working days): nobody is late, nothing to say.
      await db.updateTable('deadlines').set({ done_at: new Date() }).where('id', '=', d.id).where('done_at', 'is', null).execute()
      continue
    }
    if (!isOverdue && calendar.previousWorkingDay(d.due_date) > today) continue
    await db.transaction().execute(async (trx) => {
      const q = trx.updateTable('deadlines').where('id', '=', d.id).where('done_at', 'is', null)
      const marked = await (isOverdue ? q.set({ overdue_at: new Date() }).where('overdue_at', 'is', null) : q.set({ reminded_at: new Date() }).where('reminded_at', 'is', null))
        .returning(['case_kind', 'case_id', 'step', 'title', 'due_date', 'remind_user_id', 'remind_subject_id', 'link'])
        .executeTakeFirst()
      if (!marked) return
      await notify(
        trx,
        {
          to: target(marked),
          kind: isOverdue ? 'deadline_overdue' : 'deadline_reminder',
          title: isOverdue ? `已逾期：${marked.title}` : `即将到期：${marked.title}`,
          body: isOverdue
            ? `“${marked.title}”的办理期限 ${marked.due_date} 已过，请尽快办理。`
            : d.optional
              ? `“${marked.title}”至 ${marked.due_date}（含当日）。如需办理，请在此之前完成；过期后不能再办理，不计逾期。`
              : `“${marked.title}”须在 ${marked.due_date} 前办结（含当日），请及时处理。`,
          link: marked.link,
          fields: { dueDate: marked.due_date, caseTitle: marked.title },
          dedupeKey: `${isOverdue ? 'deadline_overdue' : 'deadline_reminder'}:${d.id}:${marked.due_date}`,
        },
        templates,
      )
      if (isOverdue) overdue++
      else reminded++
    })
  }
  return { reminded, overdue }
}
