import { planRepairs, type PlannableTask } from './repair-planner'
import { repairEligibility, type RepairCase } from './repair-eligibility'
import { computeScore, type ScoredRecord } from './score'
import { packageYears, WorkingCalendar } from './working-days'

const calendar = new WorkingCalendar(packageYears(2004, 2026))
const today = '2026-11-30'

const record = (id: string, extra: Partial<ScoredRecord & { decisionDate: string }>): ScoredRecord & { decisionDate: string } => ({
  id, kind: '行政处罚', polarity: 'negative', severity: '一般', status: '公示中', title: `记录${id}`, documentNo: null,
  publicityStart: '2026-07-15', publicityEnd: '2027-07-15', listKind: null, decisionDate: '2026-07-15', ...extra,
})
const volunteer = record('v', { kind: '志愿服务', polarity: 'positive', severity: null, publicityEnd: '2029-07-15' })
const caseOf = (r: RepairCase['record'], extra: Partial<RepairCase> = {}): RepairCase => ({
  record: r, repairable: true, obligationMet: true, hoursRequired: 10, hoursConfirmed: 4, openObjection: false, openApplication: false, lastRejection: null, ...extra,
})
const tasks: PlannableTask[] = [
  { id: 't3', title: '社区图书整理', date: '2026-12-20', hours: 2 },
  { id: 't1', title: '西湖环湖清洁', date: '2026-12-05', hours: 3 },
  { id: 't2', title: '敬老院陪伴', date: '2026-12-12', hours: 4 },
  { id: 't0', title: '已结束的活动', date: '2026-11-20', hours: 8 },
]

describe('the repair planner', () => {
  it('books the soonest tasks that supply the missing hours and says when the score is back to 良好', () => {
    const fine = record('f', {})
    const plan = planRepairs({ cases: [caseOf(fine)], records: [fine, volunteer], tasks, today, calendar })
    expect(plan.scoreNow).toBe(574) // 570 from the records, +4 for the 4 confirmed hours
    expect(plan.levelNow).toBe('一般')
    expect(plan.steps).toHaveLength(1)
    const [step] = plan.steps
    expect(step.tasks.map((t) => t.id)).toEqual(['t1', 't2']) // 4 + 3 + 4 ≥ 10; the past one is not offered
    expect(step.from).toBe('2026-12-12')
    expect(step.effectiveBy).toBe('2026-12-30') // 10 + 3 working days
    // the repair's 50 points, and 7 more hours of service (4 + 7 = 11 h → 11 points)
    expect(step).toMatchObject({ kind: 'repair', todo: [], gain: 57, scoreAfter: 631, levelAfter: '良好' })
    expect(plan.reachesTargetOn).toBe('2026-12-30')
    expect(plan.summary).toBe('按这个顺序，您的信用分预计在 12 月 30 日回到“良好”')
  })

  it('predicts exactly what the real outcome computes: the same score as approving the repair', () => {
    const fine = record('f', {})
    const plan = planRepairs({ cases: [caseOf(fine, { hoursConfirmed: 10 })], records: [fine, volunteer], tasks, today, calendar })
    const on = plan.steps[0].effectiveBy
    const approved = computeScore([{ ...fine, status: '已修复' }, volunteer], on, 10).score
    expect(plan.steps[0].scoreAfter).toBe(approved)
    expect(plan.steps[0].scoreAfter).toBe(repairEligibility(caseOf(fine, { hoursConfirmed: 10 }), [fine, volunteer], today).scoreAfter)
  })

  it('orders steps by when they take effect, then by gain; an unrepairable record shows the day it expires', () => {
    const serious = record('s', { severity: '严重', decisionDate: '2026-03-01', publicityStart: '2026-03-01', publicityEnd: '2029-03-01' })
    const minor = record('m', { severity: '轻微', decisionDate: '2026-11-01', publicityStart: '2026-11-01', publicityEnd: '2027-02-01' })
    const barred = record('b', { decisionDate: '2026-06-01', publicityStart: '2026-06-01', publicityEnd: '2027-06-01' })
    const plan = planRepairs({
      cases: [caseOf(serious, { hoursRequired: 20, hoursConfirmed: 20 }), caseOf(minor, { hoursRequired: 0 }), caseOf(barred, { repairable: false })],
      records: [serious, minor, barred],
      tasks: [],
      today,
      calendar,
    })
    expect(plan.steps.map((s) => [s.recordId, s.kind, s.from, s.effectiveBy])).toEqual([
      ['m', 'repair', '2026-11-30', '2026-12-17'], // 轻微: at once, decided within 10 + 3 working days
      ['s', 'repair', '2027-03-01', '2027-03-18'], // 严重: one year after the decision
      ['b', 'expiry', '2027-06-02', '2027-06-02'], // not repairable: leaves publicity the day after it ends
    ])
    // +20 throughout: the subject's 20 confirmed hours of service
    expect(plan.steps.map((s) => s.scoreAfter)).toEqual([620 - 50 - 150, 620 - 50, 620])
    expect(plan.steps.at(-1)!.scoreAfter).toBe(620)
  })

  it('does not promise a date while the citizen still has to meet the obligation', () => {
    const fine = record('f', {})
    const plan = planRepairs({ cases: [caseOf(fine, { obligationMet: false })], records: [fine, volunteer], tasks, today, calendar })
    expect(plan.steps[0].todo).toEqual(['履行法定义务，申请时上传履行证明'])
    expect(plan.reachesTargetOn).toBeNull()
    expect(plan.summary).toBe('完成以上步骤后，您的信用分预计为 631 分')
  })

  it('names the obligation when it is known, and predicts the same score as approving on the proof', () => {
    const fine = record('f', {})
    const c = caseOf(fine, { obligationMet: false, obligation: '缴纳罚款 5,000 元', hoursConfirmed: 10 })
    const plan = planRepairs({ cases: [c], records: [fine, volunteer], tasks, today, calendar })
    expect(plan.steps[0]).toMatchObject({ kind: 'repair', from: today, tasks: [], todo: ['履行“缴纳罚款 5,000 元”，申请时上传履行证明'] })
    const approved = computeScore([{ ...fine, status: '已修复' }, volunteer], plan.steps[0].effectiveBy, 10).score
    expect(plan.steps[0].scoreAfter).toBe(approved)
    expect(plan.steps[0].scoreAfter).toBe(repairEligibility(c, [fine, volunteer], today).scoreAfter)
  })

  it('says plainly when there are not enough tasks to book', () => {
    const fine = record('f', {})
    const plan = planRepairs({ cases: [caseOf(fine, { hoursRequired: 30 })], records: [fine, volunteer], tasks, today, calendar })
    expect(plan.steps[0].todo).toEqual(['再参加公益服务 26 小时（暂无足够的可报名活动）'])
  })

  it('a person already at 良好 is told so', () => {
    expect(planRepairs({ cases: [], records: [volunteer], tasks, today, calendar }).summary).toBe('您的信用等级目前为“良好”')
  })
})
