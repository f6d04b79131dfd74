import { act, render, screen } from '@testing-library/react'
import * as api from '../../../../services/incentives-api'
import { fromBase64Url, rotatingDigits, windowOf } from '../../../../domain/rotating-code'
import { useAuthStore } from '../../../../stores/auth'
import { useConsentStore } from '../../../../stores/consent'
import { loginResponse, resetModuleMocks, settle } from '../../../../../test/jest/fixtures'
import { __setRouterParams } from '../../../../../test/jest/taro-mock'
import PassPage from '.'

jest.mock('../../../../services/incentives-api')
const fetchCounterPass = api.fetchCounterPass as jest.MockedFunction<typeof api.fetchCounterPass>

// Only Date is fixed (mid-window), so the code on screen is the one computed here; timers still run.
beforeEach(() => {
  jest.useFakeTimers({
    now: Date.parse('2026-11-23T02:00:05Z'),
    doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'hrtime', 'performance', 'requestAnimationFrame', 'cancelAnimationFrame', 'requestIdleCallback', 'cancelIdleCallback'],
  })
  resetModuleMocks(api)
  useConsentStore.getState().accept()
  useAuthStore.getState().setSession(loginResponse())
})

afterEach(() => jest.useRealTimers())

describe('核验码 to show at a counter', () => {
  it('shows the 绿色通道 code with the digits of this 30-s window in the QR, and whether the holder qualifies', async () => {
    const secret = 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8'
    const serverTime = new Date().toISOString()
    __setRouterParams({ kind: 'green-channel' })
    fetchCounterPass.mockResolvedValue({
      kind: 'green-channel', title: '绿色通道 / 容缺受理', code: 'K7QM-2XRD-9PTA', eligible: true, reasons: ['已列入守信红名单'],
      pass: { secret, period: 30, serverTime },
    })
    render(<PassPage />)
    await act(settle)
    expect(fetchCounterPass).toHaveBeenCalledWith('green-channel')
    const digits = rotatingDigits(fromBase64Url(secret), windowOf(Date.parse(serverTime)))
    expect(screen.getByRole('img', { name: `核验二维码，核验码 K7QM-2XRD-9PTA，动态码 ${digits}` })).toBeTruthy()
    expect(screen.getByText('绿色通道 / 容缺受理')).toBeTruthy()
    expect(screen.getByText(/截图无效/)).toBeTruthy()
  })

  it('an unknown kind asks the server nothing and says so', async () => {
    __setRouterParams({ kind: 'spa' })
    render(<PassPage />)
    await act(settle)
    expect(screen.getByText('没有这种核验码')).toBeTruthy()
    expect(fetchCounterPass).not.toHaveBeenCalled()
  })
})
