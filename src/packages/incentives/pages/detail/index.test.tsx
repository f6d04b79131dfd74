import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import * as api from '../../../../services/incentives-api'
import { ApiError } from '../../../../services/api-error'
import { useAuthStore } from '../../../../stores/auth'
import { useConsentStore } from '../../../../stores/consent'
import { outboxRetry } from '../../../../services/outbox/backoff'
import { resetOutboxRunner, setOutboxTransport } from '../../../../services/outbox/runner'
import { OUTBOX_STORAGE_KEY, useOutboxStore } from '../../../../services/outbox/store'
import { fakeTransport, httpError, type FakeTransport } from '../../../../services/outbox/testing'
import { chinaToday } from '../../../../features/incentives/dates'
import { bike, library, lingyin, notFor, voucher, grant } from '../../../../features/incentives/testing/fixtures'
import { agentProfile, loginResponse, resetModuleMocks, settle, YUNQI_USCC } from '../../../../../test/jest/fixtures'
import { __setRouterParams } from '../../../../../test/jest/taro-mock'
import DetailPage from '.'

jest.mock('../../../../services/incentives-api')
const fetchIncentive = api.fetchIncentive as jest.MockedFunction<typeof api.fetchIncentive>
// Claims leave through the outbox: its transport sees what the server would receive.
let transport: FakeTransport
const claimVoucher = () => transport.send
const claimGrant = () => transport.send

async function open(item = lingyin) {
  __setRouterParams({ id: item.id })
  fetchIncentive.mockResolvedValue(item)
  const view = render(<DetailPage />)
  await act(settle)
  return view
}

const keysSent = () => transport.send.mock.calls.map(([r]) => r.idempotencyKey)
const bodiesSent = () => transport.send.mock.calls.map(([r]) => r.body)

/** Only the date is fixed (China time), the timers run: the claim reads the clock for the last entry. */
function clockAt(iso: string) {
  jest.useFakeTimers({
    now: Date.parse(iso),
    doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'hrtime', 'performance', 'requestAnimationFrame', 'cancelAnimationFrame', 'requestIdleCallback', 'cancelIdleCallback'],
  })
}
afterEach(() => jest.useRealTimers())

beforeEach(() => {
  clockAt('2026-11-23T10:00:00+08:00')
  resetModuleMocks(api)
  transport = fakeTransport()
  setOutboxTransport(transport)
  // the outbox's own retry waits longer than any test: each resend here is the user's tap
  outboxRetry.baseDelayMs = 10 * 60_000
  useConsentStore.getState().accept()
  useAuthStore.getState().setSession(loginResponse())
})

const baseDelayMs = outboxRetry.baseDelayMs
afterAll(() => {
  outboxRetry.baseDelayMs = baseDelayMs
})

describe('激励详情 and the 信易游 claim', () => {
  it('shows the spot: benefits, address, hours, rule and why the user may use it', async () => {
    await open()
    expect(fetchIncentive).toHaveBeenCalledWith('travel-lingyin')
    expect(screen.getAllByText('飞来峰景区门票 5 折（原价 45 元）').length).toBeGreaterThan(0)
    expect(screen.getByText('杭州市西湖区灵隐路法云弄 1 号')).toBeTruthy()
    expect(screen.getByText('07:00–18:15（17:30 停止入园）')).toBeTruthy()
    expect(screen.getByText('已列入守信红名单')).toBeTruthy()
    expect(screen.getByLabelText(`游览日期：${chinaToday().slice(0, 4)}`, { exact: false })).toBeTruthy()
  })

  it('when the claim fails on the network, then the message shows and 重新领取 sends the same Idempotency-Key; success opens the voucher', async () => {
    claimVoucher().mockRejectedValueOnce(new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试'))
    claimVoucher().mockResolvedValueOnce({ kind: 'voucher', voucher: voucher({ id: 'v-42' }) })
    await open()
    fireEvent.click(screen.getByText('领取卡券'))
    await act(settle)
    expect(screen.getByRole('alert').textContent).toBe('网络连接失败，请检查网络后重试')
    expect(screen.getByText('待发送：网络恢复后会自动提交，不会重复领取')).toBeTruthy()
    expect(transport.send).toHaveBeenCalledWith({
      url: '/incentives/travel-lingyin/claims',
      body: { visitDate: chinaToday(), benefit: 'ticket_discount' },
      idempotencyKey: expect.any(String),
      subject: null,
    })

    fireEvent.click(screen.getByText('重新领取'))
    await act(settle)
    expect(keysSent()).toHaveLength(2)
    expect(keysSent()[1]).toBe(keysSent()[0])
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/incentives/pages/voucher/index?id=v-42' })
    expect(useOutboxStore.getState().drafts).toEqual({})
    expect(useOutboxStore.getState().items.map((i) => i.status)).toEqual(['done'])
  })

  it('when the user picks another benefit after a failure, then it is a new attempt with a new key', async () => {
    claimVoucher().mockRejectedValue(new ApiError('TIMEOUT', '请求超时，请稍后重试'))
    await open()
    fireEvent.click(screen.getByText('领取卡券'))
    await act(settle)
    fireEvent.click(screen.getByRole('radio', { name: /快捷通道入园/ }))
    fireEvent.click(screen.getByText('领取卡券'))
    await act(settle)
    expect(bodiesSent()[1]).toEqual({ visitDate: chinaToday(), benefit: 'fast_lane' })
    expect(keysSent()[1]).not.toBe(keysSent()[0])
    // the first choice's claim is gone from the outbox: it will never be sent again
    expect(useOutboxStore.getState().items.map((i) => i.body)).toEqual([{ visitDate: chinaToday(), benefit: 'fast_lane' }])
  })

  it('when the server refuses, then its Chinese message is shown as it is', async () => {
    claimVoucher().mockRejectedValueOnce(httpError(409, 'DAILY_LIMIT', '同一景区每人每天最多领取 2 张卡券'))
    await open()
    fireEvent.click(screen.getByText('领取卡券'))
    await act(settle)
    expect(screen.getByRole('alert').textContent).toBe('同一景区每人每天最多领取 2 张卡券')
    expect(Taro.navigateTo).not.toHaveBeenCalled()
    // a final answer is not retried
    await act(() => new Promise((r) => setTimeout(r, 50)))
    expect(transport.send).toHaveBeenCalledTimes(1)
  })

  it('keeps the chosen benefit and the pending key across a restart (storage), with nothing personal in it', async () => {
    claimVoucher().mockRejectedValueOnce(new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试'))
    const first = await open()
    fireEvent.click(screen.getByRole('radio', { name: /快捷通道入园/ }))
    fireEvent.click(screen.getByText('领取卡券'))
    await act(settle)
    first.unmount()
    const stored = String(Taro.getStorageSync(OUTBOX_STORAGE_KEY))
    expect(stored).toContain('fast_lane')
    expect(stored).not.toMatch(/陈|138|330106/)

    // a new launch: memory and timers are gone, the store reads what the device kept
    resetOutboxRunner()
    setOutboxTransport(transport)
    useOutboxStore.setState({ items: [], drafts: {} })
    Taro.setStorageSync(OUTBOX_STORAGE_KEY, stored)
    await useOutboxStore.persist.rehydrate()
    claimVoucher().mockResolvedValueOnce({ kind: 'voucher', voucher: voucher() })
    await open()
    expect(screen.getByRole('radio', { checked: true }).textContent).toContain('快捷通道入园')
    expect(screen.getByText('待发送：网络恢复后会自动提交，不会重复领取')).toBeTruthy()
    fireEvent.click(screen.getByText('重新领取'))
    await act(settle)
    expect(keysSent()[1]).toBe(keysSent()[0])
  })

  it('when the user is not eligible, then the reasons show and the claim button is disabled', async () => {
    await open(notFor(lingyin, ['需信用等级达到“优秀”，当前“良好”，或需列入守信红名单']))
    expect(screen.getByText('需信用等级达到“优秀”，当前“良好”，或需列入守信红名单')).toBeTruthy()
    expect(screen.getByText('暂不符合领取条件，原因见上方')).toBeTruthy()
    fireEvent.click(screen.getByText('领取卡券'))
    await act(settle)
    expect(claimVoucher()).not.toHaveBeenCalled()
  })

  it('信易租: 申请免押 shows the grant code and the way to authorise the partner', async () => {
    claimGrant().mockResolvedValueOnce({ kind: 'grant', grant: grant() })
    await open(bike)
    expect(screen.getByText('200 元')).toBeTruthy()
    fireEvent.click(screen.getByText('申请免押'))
    await act(settle)
    expect(transport.send).toHaveBeenCalledWith(expect.objectContaining({ url: '/incentives/rental-bike/claims', body: {} }))
    expect(screen.getByText('DFZD-CCS4-YK9K')).toBeTruthy()
    fireEvent.click(screen.getByText('授权合作方查验'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/incentives/pages/authorizations/index?incentiveId=rental-bike' })
  })

  it('an incentive used in person says how, with nothing to claim', async () => {
    await open(library)
    expect(screen.getByText('到馆出示“信用通”首页信用等级，现场办理免押读者证')).toBeTruthy()
    expect(screen.queryByText('领取卡券')).toBeNull()
    expect(screen.queryByText('申请免押')).toBeNull()
  })

  it('when acting for an enterprise, then a personal item says 面向个人 and offers 切换为本人身份 instead of a claim form', async () => {
    useAuthStore.getState().setSession(loginResponse(agentProfile()))
    useAuthStore.getState().setActingFor(YUNQI_USCC)
    await open(notFor(lingyin, ['该激励面向个人，企业身份不能领取，请切换为本人身份']))
    expect(screen.getByText('面向个人').className).toContain('tag-warn')
    expect(screen.getByText('该激励面向个人')).toBeTruthy()
    expect(screen.queryByText('领取卡券')).toBeNull()
    expect(screen.queryByText('选择优惠')).toBeNull()
    fetchIncentive.mockResolvedValue(lingyin)
    fireEvent.click(screen.getByText('切换为本人身份'))
    await act(settle)
    expect(useAuthStore.getState().actingFor).toBeNull()
    expect(screen.getByText('面向个人').className).toContain('tag-accent')
    expect(screen.getByText('领取卡券')).toBeTruthy()
  })

  it('at 17:29 at 灵隐 (last entry 17:30), then today is still offered', async () => {
    clockAt('2026-11-23T17:29:00+08:00')
    await open()
    expect(screen.getByLabelText('游览日期：2026年11月23日 周一，点击修改')).toBeTruthy()
    expect(screen.queryByText(/今天已过最晚入园时间/)).toBeNull()
  })

  it('from 17:30 (China time, whatever the phone zone), then today is not offered: tomorrow is the first date, and it says why', async () => {
    clockAt('2026-11-23T17:30:00+08:00')
    await open()
    expect(screen.getByLabelText('游览日期：2026年11月24日 周二，点击修改')).toBeTruthy()
    expect(screen.getByText('今天已过最晚入园时间（17:30），不能再领取今天的卡券，最早可预约明天。')).toBeTruthy()
    claimVoucher().mockResolvedValueOnce({ kind: 'voucher', voucher: voucher({ id: 'v-7', visitDate: '2026-11-24' }) })
    fireEvent.click(screen.getByText('领取卡券'))
    await act(settle)
    expect(bodiesSent()).toEqual([{ visitDate: '2026-11-24', benefit: 'ticket_discount' }])
  })
})
