import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { planRepairs } from '../../../../domain/repair-planner'
import { repairEligibility, type RepairCase } from '../../../../domain/repair-eligibility'
import { computeScore, type ScoredRecord } from '../../../../domain/score'
import { packageYears, WorkingCalendar } from '../../../../domain/working-days'
import { ApiError } from '../../../../services/api-error'
import * as repairsApi from '../../../../services/repairs-api'
import type { RepairPlanResponse } from '../../../../services/repairs-api'
import { clearQueries } from '../../../../services/query/cache'
import { useAuthStore } from '../../../../stores/auth'
import { useConsentStore } from '../../../../stores/consent'
import { loginResponse, pending, resetModuleMocks, settle } from '../../../../../test/jest/fixtures'
import PlannerPage from '.'

jest.mock('../../../../services/repairs-api')
const api = jest.mocked(repairsApi)

const today = '2026-11-30'
const calendar = new WorkingCalendar(packageYears(2004, 2026))
const record = (id: string, extra: Partial<ScoredRecord & { decisionDate: string }>): ScoredRecord & { decisionDate: string } => ({
  id, kind: '行政处罚', polarity: 'negative', severity: '一般', status: '公示中', title: `记录${id}`, documentNo: null,
  publicityStart: '2026-07-03', publicityEnd: '2027-07-03', listKind: null, decisionDate: '2026-07-03', ...extra,
})
const fine = record('fine', { title: '经营场所未保持疏散通道畅通' })
const serious = record('serious', { title: '经营超过保质期的食品', severity: '严重', decisionDate: '2026-08-01', publicityStart: '2026-08-01', publicityEnd: '2029-08-01' })
const volunteer = record('v', { kind: '志愿服务', polarity: 'positive', severity: null, title: '社区志愿服务', publicityEnd: '2029-07-03' })
const records = [fine, serious, volunteer]
const caseOf = (r: RepairCase['record'], extra: Partial<RepairCase> = {}): RepairCase => ({
  record: r, repairable: true, obligationMet: true, hoursRequired: r.severity === '严重' ? 20 : 10, hoursConfirmed: 6, openObjection: false, openApplication: false, lastRejection: null, ...extra,
})
const tasks = [
  { id: 't1', title: '西湖环湖清洁', date: '2026-12-05', hours: 3 },
  { id: 't2', title: '敬老院陪伴', date: '2026-12-12', hours: 4 },
  { id: 't3', title: '社区图书整理', date: '2027-01-09', hours: 12 },
]

/** What the server answers: the same pure functions over the same cases. */
function serverPlan(cases: RepairCase[]): RepairPlanResponse {
  const plan = planRepairs({ cases, records, tasks, today, calendar })
  const eligibility = cases.map((c) => ({
    ...repairEligibility(c, records, today), title: c.record.title, severity: c.record.severity, status: c.record.status, repairAfterMonths: 3, lastRejection: null,
  }))
  return { today, ...plan, eligibility }
}

beforeEach(() => {
  resetModuleMocks(repairsApi)
  useConsentStore.getState().accept()
  useAuthStore.getState().setSession(loginResponse())
})

describe('信用修复规划', () => {
  it('while loading, then a skeleton shows; a failure offers 重试', async () => {
    api.fetchPlan.mockReturnValueOnce(pending())
    const view = render(<PlannerPage />)
    await act(settle)
    expect(screen.getByLabelText('正在加载修复规划')).toBeTruthy()
    view.unmount()
    clearQueries() // the page remembers a load under way: start as a fresh app would
    api.fetchPlan.mockRejectedValueOnce(new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试'))
    render(<PlannerPage />)
    await act(settle)
    expect(screen.getByText('网络连接失败，请检查网络后重试')).toBeTruthy()
    api.fetchPlan.mockResolvedValueOnce(serverPlan([caseOf(fine)]))
    fireEvent.click(screen.getByText('重试'))
    await act(settle)
    expect(screen.getByLabelText('第 1 步：经营场所未保持疏散通道畅通')).toBeTruthy()
  })

  it('lists each step with its date, hours still needed, tasks that fit and the score after it, and what it all brings', async () => {
    api.fetchPlan.mockResolvedValue(serverPlan([caseOf(fine), caseOf(serious, { hoursConfirmed: 6 })]))
    render(<PlannerPage />)
    await act(settle)
    expect(screen.getByText('426')).toBeTruthy() // 600 − 50 − 150 + 20 (volunteer) + 6 (6 hours of service): the current score
    const steps = screen.getAllByRole('listitem')
    expect(steps).toHaveLength(2)
    expect(steps[0].getAttribute('aria-label')).toBe('第 1 步：经营场所未保持疏散通道畅通')
    expect(steps[0].textContent).toContain('还需公益服务 4 小时（已确认 6 / 需 10 小时）')
    expect(steps[0].textContent).toContain('12 月 5 日 · 西湖环湖清洁 · 3 小时')
    expect(steps[0].textContent).toContain('12 月 12 日 · 敬老院陪伴 · 4 小时')
    expect(steps[0].textContent).toContain('12 月 12 日起可申请修复')
    expect(steps[0].textContent).toContain('+57 分') // the repair's 50, and 7 more hours of service
    expect(steps[1].textContent).toContain('2027 年 8 月 1 日起可申请修复')
    expect(steps[1].textContent).toContain('+159 分') // 150, and 12 more hours (25 h: 20 at 1 point each, 5 at 1 per 2 h)
    expect(screen.getByText(/^按这个顺序，您的信用分预计在 2027 年 8 月 \d+ 日回到“良好”$/)).toBeTruthy()
    expect(screen.getByText('信用修复免费办理')).toBeTruthy()
    expect(screen.getByText(/凡自称可以“付费修复”/)).toBeTruthy()
    // Not eligible yet (hours short): no 申请修复 button.
    expect(screen.queryByText('申请修复')).toBeNull()
  })

  it('predicts exactly the score the approval computes, on the day the plan says', async () => {
    const cases = [caseOf(fine, { hoursConfirmed: 10 })]
    const plan = serverPlan(cases)
    api.fetchPlan.mockResolvedValue(plan)
    render(<PlannerPage />)
    await act(settle)
    const step = plan.steps[0]
    const approved = computeScore(records.map((r) => (r.id === fine.id ? { ...r, status: '已修复' } : r)), step.effectiveBy, 10).score
    expect(step.scoreAfter).toBe(approved)
    expect(screen.getAllByRole('listitem')[0].textContent).toContain(`预计 ${approved} 分`)
    expect(approved).toBe(600 - 150 + 20 + 10) // + 10 for the 10 confirmed hours
    expect(screen.getByText(`完成以上步骤后，您的信用分预计为 ${approved} 分`)).toBeTruthy()
  })

  it('a record that can be repaired now leads to the application with that record', async () => {
    api.fetchPlan.mockResolvedValue(serverPlan([caseOf(fine, { hoursConfirmed: 10 })]))
    render(<PlannerPage />)
    await act(settle)
    fireEvent.click(screen.getByText('申请修复'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/repair/pages/apply/index?recordId=fine' })
    fireEvent.click(screen.getByText('我的修复申请'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/repair/pages/applications/index' })
  })

  it('records that cannot be repaired say why; with nothing to repair it says so', async () => {
    const barred = record('barred', { kind: '失信被执行人', title: '失信被执行人', publicityEnd: null })
    api.fetchPlan.mockResolvedValueOnce({ ...serverPlan([]), eligibility: [{ ...repairEligibility(caseOf(barred, { repairable: false }), [barred], today), title: '失信被执行人', severity: '一般', status: '公示中', repairAfterMonths: 3, lastRejection: null }] })
    const view = render(<PlannerPage />)
    await act(settle)
    expect(screen.getByText('依照法律、法规规定，该类失信信息不予修复')).toBeTruthy()
    view.unmount()
    api.fetchPlan.mockResolvedValueOnce({ ...serverPlan([]), eligibility: [] })
    render(<PlannerPage />)
    await act(settle)
    expect(screen.getByText('没有需要修复的失信记录')).toBeTruthy()
  })
})
