import { earliestPeriodStart, periodProblem } from './report-request'

describe('专项信用报告 period', () => {
  const today = '2026-11-30'
  it('accepts exactly five years, ending today', () => {
    expect(earliestPeriodStart(today)).toBe('2021-11-30')
    expect(periodProblem('2021-11-30', today, today)).toBeNull()
    expect(periodProblem('2026-11-30', today, today)).toBeNull()
  })
  it('refuses one day more than five years, a reversed period, a future end and a missing date', () => {
    expect(periodProblem('2021-11-29', today, today)).toBe('专项信用报告的期间最长 5 年')
    expect(periodProblem('2026-01-02', '2026-01-01', today)).toBe('开始日期不能晚于结束日期')
    expect(periodProblem('2026-01-01', '2026-12-01', today)).toBe('结束日期不能晚于今天')
    expect(periodProblem(undefined, today, today)).toBe('请选择专项信用报告的起止日期')
  })
})
