// The repair planner for a subject: the same cases the eligibility list and a submission use, the
// tasks the citizen could still book, and the working calendar the deadlines are counted on.
import type { Kysely } from 'kysely'
import { chinaDate } from '../../src/domain/dates'
import { planRepairs } from '../../src/domain/repair-planner'
import { workingCalendar } from '../calendar/calendar'
import type { Database } from '../db/schema'
import { eligibilityItems, loadCases } from './cases'
import { plannableTasks } from './tasks'

export async function repairPlan(db: Kysely<Database>, subjectId: string, now = new Date()) {
  const today = chinaDate(now)
  const [cases, calendar, tasks] = await Promise.all([loadCases(db, subjectId), workingCalendar(db), plannableTasks(db, today, now)])
  const plan = planRepairs({ cases: cases.cases, records: cases.records, tasks, today, calendar, serviceHours: cases.hoursConfirmed })
  return { today, ...plan, eligibility: eligibilityItems(cases, today) }
}
