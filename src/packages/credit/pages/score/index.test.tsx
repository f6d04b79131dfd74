import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { LEVELS } from '../../../../domain/policy'
import * as creditApi from '../../../../services/credit-api'
import { ApiError } from '../../../../services/api-error'
import { useAuthStore } from '../../../../stores/auth'
import { useConsentStore } from '../../../../stores/consent'
import { emptyOverview, loginResponse, overview, pending, resetModuleMocks, scoreMonths, settle } from '../../../../../test/jest/fixtures'
import ScorePage from '.'

jest.mock('../../../../services/credit-api')
const api = creditApi as jest.Mocked<typeof creditApi>

beforeEach(() => {
  resetModuleMocks(creditApi)
  useConsentStore.getState().accept()
  useAuthStore.getState().setSession(loginResponse())
})

describe('评分说明', () => {
  it('while loading, then a skeleton shows', async () => {
    api.fetchOverview.mockReturnValue(pending())
    api.fetchScoreHistory.mockReturnValue(pending())
    render(<ScorePage />)
    await act(settle)
    expect(screen.getByLabelText('正在加载评分说明')).toBeTruthy()
  })

  it('explains the score: base + factors = score, each factor traceable to its record', async () => {
    api.fetchOverview.mockResolvedValue(overview())
    api.fetchScoreHistory.mockResolvedValue({ items: scoreMonths([700, 700, 720, 720, 740]) })
    render(<ScorePage />)
    await act(settle)
    expect(screen.getByLabelText('基础分 600，加分 140，减分 0，信用分 740')).toBeTruthy()
    expect(screen.getByText('杭州市优秀志愿者')).toBeTruthy()
    const reason = '因“杭州市优秀志愿者”（杭志指〔2026〕3号）加 60 分，公示期到 2029 年 5 月 7 日，期满后不再加分'
    expect(screen.getByText((_, el) => Boolean(el?.classList.contains('factor-reason') && el.textContent === reason))).toBeTruthy()
    expect(screen.getAllByText('+60')).toHaveLength(2)
    expect(screen.getByText('+20')).toBeTruthy()
    fireEvent.click(screen.getByText('见义勇为先进个人'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/credit/pages/detail/index?id=rec-chen-bravery' })
  })

  it('lists the records that do not count separately, with the reason', async () => {
    api.fetchOverview.mockResolvedValue(overview({ suspended: [{ recordId: 'rec-zhao-rent-arrears', reason: '异议核查中，暂不计分', title: '公共租赁住房租金逾期未缴' }] }))
    api.fetchScoreHistory.mockResolvedValue({ items: [] })
    render(<ScorePage />)
    await act(settle)
    expect(screen.getByText('未计入评分的记录')).toBeTruthy()
    expect(screen.getByText('异议核查中，暂不计分')).toBeTruthy()
    fireEvent.click(screen.getByText('公共租赁住房租金逾期未缴'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/credit/pages/detail/index?id=rec-zhao-rent-arrears' })
  })

  it('shows every level of the policy scale and where the subject is on it', async () => {
    api.fetchOverview.mockResolvedValue(overview())
    api.fetchScoreHistory.mockResolvedValue({ items: [] })
    render(<ScorePage />)
    await act(settle)
    for (const level of LEVELS) expect(screen.getAllByText(level.name).length).toBeGreaterThan(0)
    expect(screen.getByLabelText(/您的 740 分为优秀$/)).toBeTruthy()
  })

  it('draws the 12-month history with the months and the scores where they changed', async () => {
    api.fetchOverview.mockResolvedValue(overview())
    api.fetchScoreHistory.mockResolvedValue({ items: scoreMonths([600, 600, 600, 600, 600, 550, 550, 550, 550, 550, 570, 570]) })
    render(<ScorePage />)
    await act(settle)
    const chart = screen.getByLabelText(/^近 12 个月信用分/)
    expect(chart.getAttribute('aria-label')).toContain('2026年6月 550 分')
    // labelled: first, each change, last — but the change next to the last month gives way to it
    const labels = Array.from(chart.querySelectorAll('.history-value')).map((el) => el.textContent)
    expect(labels).toEqual(['600', '550', '570'])
    // the axis says where it starts, and a legend names the colours
    expect(screen.getByText(/纵轴从 500 分起/)).toBeTruthy()
    expect(document.querySelector('.history-legend')!.textContent).toBe('良好一般')
  })

  it('with no factors and no history, then it says the score is the base', async () => {
    api.fetchOverview.mockResolvedValue(emptyOverview())
    api.fetchScoreHistory.mockResolvedValue({ items: [] })
    render(<ScorePage />)
    await act(settle)
    expect(screen.getByText('暂无加减分记录，信用分即基础分 600 分。')).toBeTruthy()
    expect(screen.getByText('暂无历史评分，每月会保存一次信用分。')).toBeTruthy()
    expect(screen.queryByText('未计入评分的记录')).toBeNull()
  })

  it('when the overview fails, then 重试 loads it again', async () => {
    api.fetchOverview.mockRejectedValueOnce(new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试')).mockResolvedValue(overview())
    api.fetchScoreHistory.mockResolvedValue({ items: [] })
    render(<ScorePage />)
    await act(settle)
    expect(screen.getByText('评分说明加载失败')).toBeTruthy()
    fireEvent.click(screen.getByText('重试'))
    await act(settle)
    expect(screen.getByText('计分明细')).toBeTruthy()
  })

  it('when only the history fails, then the rest shows and the chart offers 重试', async () => {
    api.fetchOverview.mockResolvedValue(overview())
    api.fetchScoreHistory.mockRejectedValueOnce(new ApiError('TIMEOUT', '请求超时，请稍后重试')).mockResolvedValue({ items: scoreMonths([740]) })
    render(<ScorePage />)
    await act(settle)
    expect(screen.getByText('走势加载失败：请求超时，请稍后重试')).toBeTruthy()
    fireEvent.click(screen.getByText('重试'))
    await act(settle)
    expect(screen.getByLabelText(/^近 1 个月信用分/)).toBeTruthy()
  })
})
