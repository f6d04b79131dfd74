import { render, screen } from '@testing-library/react'
import CaseSteps, { type CaseStep } from '.'

const step = (status: string, extra: Partial<CaseStep> = {}): CaseStep => ({ status, done: false, at: null, dueDate: null, note: null, ...extra })

describe('CaseSteps', () => {
  it('shows each done step with its China time and who acted, the current one with its due date, later ones as 待办理', () => {
    render(
      <CaseSteps
        steps={[
          step('已提交', { done: true, at: '2026-11-30T02:00:00.000Z', actor: '信用主体本人' }),
          step('核查中', { dueDate: '2026-12-07' }),
          step('已办结', { dueDate: '2026-12-07' }),
        ]}
      />,
    )
    const items = screen.getAllByRole('listitem')
    expect(items[0].textContent).toContain('2026-11-30 10:00')
    expect(items[0].textContent).toContain('信用主体本人')
    expect(items[1].textContent).toContain('进行中')
    expect(items[1].textContent).toContain('应于 2026-12-07 前办理')
    // a later step's due date is the current one's: said once
    expect(items[2].textContent).toBe('已办结待办理')
  })

  it('says overdue in words, and an estimated due date carries the calendar note', () => {
    render(<CaseSteps steps={[step('已提交', { done: true, at: '2026-11-30T02:00:00.000Z' }), step('核查中', { dueDate: '2027-01-08', overdue: true, dueDateEstimated: true, note: '按法定节假日推算' })]} />)
    expect(screen.getByText('已逾期：应于 2027-01-08 前办理').className).toContain('case-step-overdue')
    expect(screen.getByText('按法定节假日推算')).toBeTruthy()
  })

  it('a done step keeps its due date (逾期办结 when late), a transfer names the department, a decision its outcome and reasons; a repair step its longer name', () => {
    render(
      <CaseSteps
        steps={[
          step('已受理', { title: '信用平台初审', done: true, at: '2026-11-30T02:00:00.000Z', dueDate: '2026-12-01', overdue: true }),
          step('已转办', { done: true, at: '2026-12-01T02:00:00.000Z', department: '市市场监管局', transferNote: '核实营业执照' }),
          step('已办结', { done: true, at: '2026-12-02T02:00:00.000Z', outcomeLabel: '撤销', reasons: '记录有误' }),
        ]}
      />,
    )
    expect(screen.getByText('办理期限 2026-12-01（逾期办结）')).toBeTruthy()
    expect(screen.getByText('· 信用平台初审', { exact: false })).toBeTruthy()
    expect(screen.getByText('转至：市市场监管局（核实营业执照）')).toBeTruthy()
    expect(screen.getByText('决定：撤销')).toBeTruthy()
    expect(screen.getByText('理由：记录有误')).toBeTruthy()
  })

  it('an officer note on a step without a due date is shown', () => {
    render(<CaseSteps steps={[step('核查中', { done: true, at: '2026-12-01T02:00:00.000Z', note: '已转市场监管部门现场核查' })]} />)
    expect(screen.getByText('已转市场监管部门现场核查')).toBeTruthy()
  })
})
