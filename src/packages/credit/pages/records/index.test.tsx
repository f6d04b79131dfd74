import { act, fireEvent, render, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import * as creditApi from '../../../../services/credit-api'
import { ApiError } from '../../../../services/api-error'
import { useAuthStore } from '../../../../stores/auth'
import { useConsentStore } from '../../../../stores/consent'
import { __firePageEvent, __setRouterParams } from '../../../../../test/jest/taro-mock'
import { YUNQI_USCC, agentProfile, creditRecord, loginResponse, manyRecords, pending, resetModuleMocks, settle } from '../../../../../test/jest/fixtures'
import RecordsPage from '.'

jest.mock('../../../../services/credit-api')
const fetchRecords = creditApi.fetchRecords as jest.MockedFunction<typeof creditApi.fetchRecords>

beforeEach(() => {
  resetModuleMocks(creditApi)
  useConsentStore.getState().accept()
  useAuthStore.getState().setSession(loginResponse())
})

const positive = creditRecord({
  id: 'rec-chen-volunteer-honour', kind: '表彰奖励', polarity: 'positive', severity: null, title: '杭州市优秀志愿者',
  department: '杭州市志愿服务工作指导中心', decisionDate: '2026-05-07', list: { kind: 'red', name: '优秀志愿者' },
})

describe('信用记录', () => {
  it('while the first page loads, then skeleton cards show', async () => {
    fetchRecords.mockReturnValue(pending())
    render(<RecordsPage />)
    await act(settle)
    expect(screen.getByLabelText('正在加载信用记录')).toBeTruthy()
  })

  it('with records, then each card shows title, kind, department, decision date, status in words and severity', async () => {
    fetchRecords.mockResolvedValue({ items: [creditRecord(), positive], nextCursor: null })
    render(<RecordsPage />)
    await act(settle)
    expect(fetchRecords).toHaveBeenCalledWith({ polarity: undefined, kind: undefined, status: undefined }, null)
    const card = screen.getByRole('link', { name: /经营场所未保持疏散通道畅通/ })
    expect(within(card).getByText('负面')).toBeTruthy()
    expect(within(card).getByText('行政处罚')).toBeTruthy()
    expect(within(card).getByText('情节一般')).toBeTruthy()
    expect(within(card).getByText('杭州市上城区消防救援大队')).toBeTruthy()
    expect(within(card).getByText('决定日期 2026-06-26')).toBeTruthy()
    expect(within(card).getByLabelText('状态：公示中')).toBeTruthy()
    expect(screen.getByText('红名单 · 优秀志愿者')).toBeTruthy()
    expect(screen.getByText('已显示全部 2 条记录')).toBeTruthy()

    fireEvent.click(card)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/credit/pages/detail/index?id=rec-li-fire-penalty' })
  })

  it('with no records, then the empty state says what it means', async () => {
    fetchRecords.mockResolvedValue({ items: [], nextCursor: null })
    render(<RecordsPage />)
    await act(settle)
    expect(screen.getByText('暂无信用记录，保持良好信用！')).toBeTruthy()
  })

  it('when the list fails, then the reason is said and 重试 loads it', async () => {
    fetchRecords.mockRejectedValueOnce(new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试')).mockResolvedValue({ items: [creditRecord()], nextCursor: null })
    render(<RecordsPage />)
    await act(settle)
    expect(screen.getByText('信用记录加载失败')).toBeTruthy()
    expect(screen.getByText('网络连接失败，请检查网络后重试')).toBeTruthy()
    fireEvent.click(screen.getByText('重试'))
    await act(settle)
    expect(screen.getByText('经营场所未保持疏散通道畅通')).toBeTruthy()
  })

  it('when a filter is chosen, then the list starts over with it; an empty result offers 清除筛选', async () => {
    fetchRecords.mockResolvedValueOnce({ items: [creditRecord(), positive], nextCursor: null }).mockResolvedValueOnce({ items: [], nextCursor: null })
    render(<RecordsPage />)
    await act(settle)
    fireEvent.click(screen.getByRole('radio', { name: '状态：异议中' }))
    await act(settle)
    expect(fetchRecords).toHaveBeenLastCalledWith({ polarity: undefined, kind: undefined, status: '异议中' }, null)
    expect(screen.getByText('没有符合条件的记录')).toBeTruthy()

    fetchRecords.mockResolvedValue({ items: [positive], nextCursor: null })
    fireEvent.click(screen.getByText('清除筛选'))
    await act(settle)
    expect(fetchRecords).toHaveBeenLastCalledWith({}, null)
    fireEvent.click(screen.getByRole('radio', { name: '性质：正面' }))
    fireEvent.click(screen.getByRole('radio', { name: '类别：表彰奖励' }))
    await act(settle)
    expect(fetchRecords).toHaveBeenLastCalledWith({ polarity: 'positive', kind: '表彰奖励' }, null)
  })

  it('when opened with ?polarity=negative, then the list starts filtered', async () => {
    __setRouterParams({ polarity: 'negative', status: encodeURIComponent('公示中'), kind: 'unknown' })
    fetchRecords.mockResolvedValue({ items: [creditRecord()], nextCursor: null })
    render(<RecordsPage />)
    await act(settle)
    expect(fetchRecords).toHaveBeenCalledWith({ polarity: 'negative', kind: undefined, status: '公示中' }, null)
    expect(screen.getByRole('radio', { name: '性质：负面' }).getAttribute('aria-checked')).toBe('true')
  })

  it('when the user reaches the bottom, then the next page is appended with the cursor; a failed page offers a retry', async () => {
    fetchRecords
      .mockResolvedValueOnce({ items: manyRecords(20), nextCursor: 'c1' })
      .mockRejectedValueOnce(new ApiError('TIMEOUT', '请求超时，请稍后重试'))
      .mockResolvedValueOnce({ items: manyRecords(5, 20), nextCursor: null })
    render(<RecordsPage />)
    await act(settle)
    expect(screen.getAllByRole('link', { name: /记录 \d+/ })).toHaveLength(20)
    act(() => __firePageEvent('reachBottom'))
    await act(settle)
    expect(fetchRecords).toHaveBeenLastCalledWith(expect.anything(), 'c1')
    fireEvent.click(screen.getByText('加载失败：请求超时，请稍后重试，点击重试'))
    await act(settle)
    expect(screen.getAllByRole('link', { name: /记录 \d+/ })).toHaveLength(25)
    expect(screen.getByText('已显示全部 25 条记录')).toBeTruthy()
    act(() => __firePageEvent('reachBottom'))
    await act(settle)
    expect(fetchRecords).toHaveBeenCalledTimes(3)
    // 25 record cards rendered three times: over 30 s on a loaded 2-core machine (13 s when idle)
  }, 90_000)

  it('when pulled down, then the first page is fetched again and the spinner stops', async () => {
    fetchRecords.mockResolvedValueOnce({ items: [creditRecord()], nextCursor: null }).mockResolvedValueOnce({ items: [positive, creditRecord()], nextCursor: null })
    render(<RecordsPage />)
    await act(settle)
    act(() => __firePageEvent('pullDownRefresh'))
    await act(settle)
    expect(screen.getByText('杭州市优秀志愿者')).toBeTruthy()
    expect(Taro.stopPullDownRefresh).toHaveBeenCalled()
  })

  it('when acting for an enterprise, then the page names it', async () => {
    useAuthStore.getState().setSession(loginResponse(agentProfile()))
    useAuthStore.getState().setActingFor(YUNQI_USCC)
    fetchRecords.mockResolvedValue({ items: [], nextCursor: null })
    render(<RecordsPage />)
    await act(settle)
    expect(screen.getByText('企业：杭州云栖数字科技有限公司')).toBeTruthy()
  })

  it('when not logged in, then it asks to log in and fetches nothing', async () => {
    useAuthStore.getState().clear()
    render(<RecordsPage />)
    await act(settle)
    fireEvent.click(screen.getByText('登录 / 注册'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/account/pages/login/index' })
    expect(fetchRecords).not.toHaveBeenCalled()
  })
})
