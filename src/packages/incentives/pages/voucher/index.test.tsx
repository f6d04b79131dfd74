import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import * as api from '../../../../services/incentives-api'
import { useAuthStore } from '../../../../stores/auth'
import { useConsentStore } from '../../../../stores/consent'
import { voucher } from '../../../../features/incentives/testing/fixtures'
import { loginResponse, resetModuleMocks, settle } from '../../../../../test/jest/fixtures'
import { __setRouterParams } from '../../../../../test/jest/taro-mock'
import { scanRenderedQr } from '../../../../../test/jest/qr-scan'
import { fromBase64Url, rotatingDigits, windowOf } from '../../../../domain/rotating-code'
import VoucherPage from '.'

jest.mock('../../../../services/incentives-api')
const fetchVouchers = api.fetchVouchers as jest.MockedFunction<typeof api.fetchVouchers>
const cancelVoucher = api.cancelVoucher as jest.MockedFunction<typeof api.cancelVoucher>

async function open(v = voucher(), history: api.Voucher[] = []) {
  __setRouterParams({ id: v.id })
  fetchVouchers.mockImplementation(async (status) => ({ items: status === 'available' ? (v.status === 'available' ? [v] : []) : [...history, ...(v.status === 'available' ? [] : [v])], nextCursor: null }))
  const view = render(<VoucherPage />)
  await act(settle)
  return view
}

beforeEach(() => {
  resetModuleMocks(api)
  useConsentStore.getState().accept()
  useAuthStore.getState().setSession(loginResponse())
})

describe('卡券 (voucher to show at the gate)', () => {
  it('draws the QR code of the voucher code itself, with the code in letters under it', async () => {
    const { container } = await open()
    const qr = screen.getByRole('img', { name: '卡券二维码，卡券码 K7QM-2XRD-9PTA' })
    // what the gate's scanner reads is the voucher code itself
    expect(scanRenderedQr(qr)).toBe('K7QM-2XRD-9PTA')
    expect(container.querySelectorAll('.qr-row')).toHaveLength(Number(qr.getAttribute('data-modules')))
    expect(screen.getByText('K7QM-2XRD-9PTA')).toBeTruthy()
    expect(screen.getByText('可使用')).toBeTruthy()
    expect(screen.getByText('门票优惠')).toBeTruthy()
  })

  it('with its pass, the QR holds the code and the digits of this 30-s window, shown with a countdown, and changes with the window', async () => {
    jest.useFakeTimers({ now: Date.parse('2026-11-23T02:00:10Z'), doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'clearTimeout', 'queueMicrotask'] })
    try {
      const secret = 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8'
      // the phone's clock is 5 s behind the server's: the code follows the server
      await open(voucher({ pass: { secret, period: 30, serverTime: '2026-11-23T02:00:15Z' } }))
      const digitsAt = (iso: string) => rotatingDigits(fromBase64Url(secret), windowOf(Date.parse(iso)))
      const first = digitsAt('2026-11-23T02:00:15Z')
      expect(scanRenderedQr(screen.getByRole('img', { name: `卡券二维码，卡券码 K7QM-2XRD-9PTA，动态码 ${first}` }))).toBe(`K7QM-2XRD-9PTA-${first}`)
      expect(screen.getByText(`${first.slice(0, 3)} ${first.slice(3)}`)).toBeTruthy()
      expect(screen.getByText('15 秒后刷新')).toBeTruthy()
      expect(screen.getByText(/截图无效/)).toBeTruthy()
      await act(async () => {
        jest.advanceTimersByTime(16_000)
      })
      const next = digitsAt('2026-11-23T02:00:31Z')
      expect(next).not.toBe(first)
      expect(scanRenderedQr(screen.getByRole('img', { name: `卡券二维码，卡券码 K7QM-2XRD-9PTA，动态码 ${next}` }))).toBe(`K7QM-2XRD-9PTA-${next}`)
      expect(screen.getByText('29 秒后刷新')).toBeTruthy()
    } finally {
      jest.useRealTimers()
    }
  })

  it('finds a used voucher in the history and shows when and where it was used, without 作废', async () => {
    await open(voucher({ status: 'used', statusText: '已使用', usedAt: '2026-11-23T01:20:49.193Z', usedPlace: '西湖风景名胜区灵隐景区' }))
    expect(fetchVouchers).toHaveBeenCalledWith('history')
    expect(screen.getAllByText('已使用').length).toBeGreaterThan(0)
    expect(screen.getByText('2026-11-23 09:20 · 西湖风景名胜区灵隐景区')).toBeTruthy()
    expect(screen.queryByText('作废此卡券')).toBeNull()
  })

  it('作废 asks first; when confirmed, the voucher shows 已作废 at once', async () => {
    cancelVoucher.mockResolvedValueOnce(voucher({ status: 'revoked', statusText: '已作废' }))
    await open()
    ;(Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true })
    fireEvent.click(screen.getByText('作废此卡券'))
    await act(settle)
    expect(cancelVoucher).not.toHaveBeenCalled()

    fireEvent.click(screen.getByText('作废此卡券'))
    await act(settle)
    expect(Taro.showModal).toHaveBeenLastCalledWith(expect.objectContaining({ title: '作废卡券', confirmText: '作废', confirmColor: '#b8262c' }))
    expect(cancelVoucher).toHaveBeenCalledWith('v-1')
    expect(screen.getAllByText('已作废').length).toBeGreaterThan(0)
    expect(screen.queryByText('作废此卡券')).toBeNull()
  })

  it('when the voucher is not the user’s (or gone), then it says so', async () => {
    __setRouterParams({ id: 'nope' })
    fetchVouchers.mockResolvedValue({ items: [], nextCursor: null })
    render(<VoucherPage />)
    await act(settle)
    expect(screen.getByText('卡券不存在或无权查看')).toBeTruthy()
    expect(screen.queryByText('重试')).toBeNull()
    fireEvent.click(screen.getByText('查看我的卡券'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/incentives/pages/vouchers/index' })
  })
})
