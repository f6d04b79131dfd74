import { act, fireEvent, render, screen } from '@testing-library/react'
import * as creditApi from '../../../../services/credit-api'
import { ApiError } from '../../../../services/api-error'
import { useAuthStore } from '../../../../stores/auth'
import { useConsentStore } from '../../../../stores/consent'
import { __firePageEvent } from '../../../../../test/jest/taro-mock'
import { YUNQI_USCC, accessEntry, agentProfile, loginResponse, pending, resetModuleMocks, settle } from '../../../../../test/jest/fixtures'
import AccessLogPage from '.'

jest.mock('../../../../services/credit-api')
const fetchAccessLog = creditApi.fetchAccessLog as jest.MockedFunction<typeof creditApi.fetchAccessLog>

beforeEach(() => {
  resetModuleMocks(creditApi)
  useConsentStore.getState().accept()
  useAuthStore.getState().setSession(loginResponse())
})

describe('查询记录', () => {
  it('while loading, then a skeleton shows', async () => {
    fetchAccessLog.mockReturnValue(pending())
    render(<AccessLogPage />)
    await act(settle)
    expect(screen.getByLabelText('正在加载查询记录')).toBeTruthy()
  })

  it('shows who read the record, what kind of reader, why and when (China time)', async () => {
    fetchAccessLog.mockResolvedValue({
      items: [accessEntry(), accessEntry({ id: 'a2', at: '2026-09-01T12:00:00.000Z', reader: '张*', readerKind: '核验方', purpose: '信易租免押金资格核验' })],
      nextCursor: null,
    })
    render(<AccessLogPage />)
    await act(settle)
    expect(screen.getByText('杭州市文明办')).toBeTruthy()
    expect(screen.getByText('政府部门')).toBeTruthy()
    expect(screen.getByText('用途：“最美杭州人”评选信用审查')).toBeTruthy()
    expect(screen.getByText('2026-10-23 10:30')).toBeTruthy()
    expect(screen.getByText('张*')).toBeTruthy()
    expect(screen.getByText('共 2 条查询记录')).toBeTruthy()
  })

  it('with nobody having looked, then the empty state says so', async () => {
    fetchAccessLog.mockResolvedValue({ items: [], nextCursor: null })
    render(<AccessLogPage />)
    await act(settle)
    expect(screen.getByText('暂无他人查询您的信用记录')).toBeTruthy()
  })

  it('when loading fails, then the reason is said and 重试 loads it', async () => {
    fetchAccessLog.mockRejectedValueOnce(new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试')).mockResolvedValue({ items: [accessEntry()], nextCursor: null })
    render(<AccessLogPage />)
    await act(settle)
    expect(screen.getByText('查询记录加载失败')).toBeTruthy()
    fireEvent.click(screen.getByText('重试'))
    await act(settle)
    expect(screen.getByText('杭州市文明办')).toBeTruthy()
  })

  it('pages with the cursor as the user scrolls', async () => {
    fetchAccessLog.mockResolvedValueOnce({ items: [accessEntry()], nextCursor: 'next-1' }).mockResolvedValueOnce({ items: [accessEntry({ id: 'a2', reader: '杭州市税务局' })], nextCursor: null })
    render(<AccessLogPage />)
    await act(settle)
    expect(screen.getByText('加载更多')).toBeTruthy()
    act(() => __firePageEvent('reachBottom'))
    await act(settle)
    expect(fetchAccessLog).toHaveBeenLastCalledWith('next-1')
    expect(screen.getByText('杭州市税务局')).toBeTruthy()
    expect(screen.getByText('共 2 条查询记录')).toBeTruthy()
  })

  it('when acting for an enterprise, then it is the enterprise’s log', async () => {
    useAuthStore.getState().setSession(loginResponse(agentProfile()))
    useAuthStore.getState().setActingFor(YUNQI_USCC)
    fetchAccessLog.mockResolvedValue({ items: [], nextCursor: null })
    render(<AccessLogPage />)
    await act(settle)
    expect(screen.getByText('企业：杭州云栖数字科技有限公司')).toBeTruthy()
    expect(screen.getByText('暂无他人查询该企业的信用记录')).toBeTruthy()
  })
})
