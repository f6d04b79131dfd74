// The repair planner: for every negative record, when it can be repaired (or leaves publicity by
// itself), the public-service tasks that would supply the missing hours, and the score after each
// step — ordered by what gains most soonest. Every prediction uses the same rules as the real
// outcome (repairEligibility, computeScore), so what it promises is what happens.
import { levelAtLeast, levelOf } from './level'
import type { LevelName } from './policy'
import { REPAIR_DEPARTMENT_DECISION_WORKING_DAYS, REPAIR_PLATFORM_REPLY_WORKING_DAYS } from './policy'
import { addCalendarDays } from './dates'
import { repairEligibility, type RepairCase, type RepairEligibility } from './repair-eligibility'
import { computeScore, type ScoredRecord } from './score'
import type { WorkingCalendar } from './working-days'

export interface PlannableTask {
  id: string
  title: string
  /** the day it takes place (China date) */
  date: string
  hours: number
}

export interface PlanStep {
  recordId: string
  title: string
  kind: 'repair' | 'expiry'
  /** the day the application can go in (repair) or the record leaves publicity (expiry) */
  from: string
  /** by when the decision comes at the latest (repair), or the same day (expiry) */
  effectiveBy: string
  /** tasks to book so the hours are there by `from` */
  tasks: PlannableTask[]
  /** what the citizen still has to do themself (e.g. meet the obligation) — not a date we can know */
  todo: string[]
  gain: number
  scoreAfter: number
  levelAfter: LevelName
}

export interface RepairPlan {
  scoreNow: number
  levelNow: LevelName
  steps: PlanStep[]
  /** the first day the plan brings the score back to the target level, if it does */
  targetLevel: LevelName
  reachesTargetOn: string | null
  summary: string
}

export interface PlannerInput {
  cases: RepairCase[]
  records: ScoredRecord[]
  /** open tasks the citizen could still book, any order */
  tasks: PlannableTask[]
  today: string
  calendar: WorkingCalendar
  targetLevel?: LevelName
  /** the subject's confirmed 公益服务 hours: they count in the score, and the planned tasks add to them
   *  (default: the hours the cases carry, which are the subject's own) */
  serviceHours?: number
}

/** '3 月 5 日', with the year when it is not this year's. */
const dayLabel = (ymd: string, today: string) =>
  `${ymd.slice(0, 4) === today.slice(0, 4) ? '' : `${ymd.slice(0, 4)} 年 `}${Number(ymd.slice(5, 7))} 月 ${Number(ymd.slice(8, 10))} 日`

/** The tasks (soonest first) that bring the hours to what is required, and the day the last one ends. */
function tasksForHours(e: RepairEligibility, tasks: PlannableTask[], today: string): { tasks: PlannableTask[]; doneOn: string } | null {
  let hours = e.hoursConfirmed
  const chosen: PlannableTask[] = []
  for (const t of [...tasks].sort((a, b) => a.date.localeCompare(b.date))) {
    if (hours >= e.hoursRequired) break
    if (t.date < today) continue
    chosen.push(t)
    hours += t.hours
  }
  if (hours < e.hoursRequired) return null
  return { tasks: chosen, doneOn: chosen.length ? chosen[chosen.length - 1].date : today }
}

export function planRepairs(input: PlannerInput): RepairPlan {
  const { records, today, calendar } = input
  const targetLevel = input.targetLevel ?? '良好'
  const hoursNow = input.serviceHours ?? Math.max(0, ...input.cases.map((c) => c.hoursConfirmed))
  const now = computeScore(records, today, hoursNow)
  const candidates: Omit<PlanStep, 'gain' | 'scoreAfter' | 'levelAfter'>[] = []

  for (const c of input.cases) {
    const e = repairEligibility(c, records, today)
    const r = c.record
    if (e.state === 'never') {
      // Out of reach of repair, but it still ends: the day after its publicity ends it stops counting.
      if (r.publicityEnd && r.status === '公示中' && r.publicityEnd >= today) {
        const off = addCalendarDays(r.publicityEnd, 1)
        candidates.push({ recordId: r.id, title: r.title, kind: 'expiry', from: off, effectiveBy: off, tasks: [], todo: [] })
      }
      continue
    }
    const hours = tasksForHours(e, input.tasks, today)
    const todo: string[] = []
    // No record of fulfilment: the application may go in with the proof, but only the citizen knows
    // when the obligation will be met — no date is promised past this step.
    if (!c.obligationMet) todo.push(`履行${c.obligation ? `“${c.obligation}”` : '法定义务'}，申请时上传履行证明`)
    if (c.openObjection) todo.push('等待异议办结')
    if (c.lastRejection && !c.lastRejection.fixed) todo.push('补正上次申请未通过的原因')
    if (!hours) todo.push(`再参加公益服务 ${e.hoursRequired - e.hoursConfirmed} 小时（暂无足够的可报名活动）`)
    const from = [e.eligibleFrom ?? today, hours?.doneOn ?? today, today].sort().at(-1)!
    const effectiveBy = calendar.addWorkingDays(from, REPAIR_PLATFORM_REPLY_WORKING_DAYS + REPAIR_DEPARTMENT_DECISION_WORKING_DAYS).date
    candidates.push({ recordId: r.id, title: r.title, kind: 'repair', from, effectiveBy, tasks: hours?.tasks ?? [], todo })
  }

  // Soonest first; on the same day the larger gain first.
  const alone = (id: string, on: string) => computeScore(records.map((x) => (x.id === id ? { ...x, status: '已修复' } : x)), on, hoursNow).score - computeScore(records, on, hoursNow).score
  candidates.sort((a, b) => a.effectiveBy.localeCompare(b.effectiveBy) || alone(b.recordId, b.effectiveBy) - alone(a.recordId, a.effectiveBy))

  const repaired = new Set<string>()
  // Hours of the suggested tasks done by a step count from then on (a task serves every record).
  const plannedTasks = new Map<string, number>()
  let before = now.score
  // Once a step waits on something only the citizen can do, no later date can be promised.
  let datesKnown = true
  let reachesTargetOn: string | null = levelAtLeast(now.level, targetLevel) ? today : null
  const steps: PlanStep[] = candidates.map((s) => {
    if (s.kind === 'repair') repaired.add(s.recordId)
    for (const t of s.tasks) plannedTasks.set(t.id, t.hours)
    const hours = hoursNow + [...plannedTasks.values()].reduce((sum, h) => sum + h, 0)
    // The score on that day: repaired records stop counting, and so does whatever has expired by then.
    const score = computeScore(records.map((x) => (repaired.has(x.id) ? { ...x, status: '已修复' } : x)), s.effectiveBy, hours).score
    const step: PlanStep = { ...s, gain: score - before, scoreAfter: score, levelAfter: levelOf(score) }
    before = score
    datesKnown &&= s.todo.length === 0
    if (!reachesTargetOn && datesKnown && levelAtLeast(step.levelAfter, targetLevel)) reachesTargetOn = s.effectiveBy
    return step
  })

  const summary = levelAtLeast(now.level, targetLevel)
    ? `您的信用等级目前为“${now.level}”`
    : reachesTargetOn
      ? `按这个顺序，您的信用分预计在 ${dayLabel(reachesTargetOn, today)}回到“${targetLevel}”`
      : steps.length
        ? `完成以上步骤后，您的信用分预计为 ${steps[steps.length - 1].scoreAfter} 分`
        : '目前没有可以修复的失信记录'
  return { scoreNow: now.score, levelNow: now.level, steps, targetLevel, reachesTargetOn, summary }
}
