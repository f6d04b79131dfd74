import { act, fireEvent, render, screen } from '@testing-library/react'
import * as api from '../../../../services/incentives-api'
import { ApiError } from '../../../../services/api-error'
import { useAuthStore } from '../../../../stores/auth'
import { useConsentStore } from '../../../../stores/consent'
import { verified } from '../../../../features/incentives/testing/fixtures'
import { loginResponse, profile, resetModuleMocks, settle } from '../../../../../test/jest/fixtures'
import VerifyPage from '.'

jest.mock('../../../../services/incentives-api')
const verifyVoucher = api.verifyVoucher as jest.MockedFunction<typeof api.verifyVoucher>

const verifier = profile({ id: 'user-staff-verifier', name: '冯*', roles: ['citizen', 'verifier'], orgName: '西湖风景名胜区灵隐景区' })

async function verify(code: string) {
  fireEvent.input(await screen.findByLabelText('卡券码'), { target: { value: code } })
  fireEvent.click(screen.getByText('核销'))
  await act(settle)
}

beforeEach(() => {
  resetModuleMocks(api)
  useConsentStore.getState().accept()
  useAuthStore.getState().setSession(loginResponse(verifier))
})

describe('扫码核销', () => {
  it('when the code is good, then 核销成功 with the benefit, the masked holder and the time', async () => {
    // a holder name that slipped through unmasked: the counter still sees only the family name
    verifyVoucher.mockResolvedValueOnce(verified({ holder: '陈明远' }))
    render(<VerifyPage />)
    expect(screen.getByText('西湖风景名胜区灵隐景区')).toBeTruthy()
    await verify(' k7qm-2xrd-9pta ')
    expect(verifyVoucher).toHaveBeenCalledWith('K7QM-2XRD-9PTA', expect.any(String))
    const result = screen.getByRole('status')
    expect(result.textContent).toContain('核销成功')
    expect(result.textContent).toContain('门票优惠：飞来峰景区门票 5 折（原价 45 元）')
    // what staff compare with the visitor's ID card: surname and last character, the ID's last 4
    expect(result.textContent).toContain('持券人陈*远')
    expect(result.textContent).toContain('身份证后四位001X')
    expect(result.textContent).toContain('2026-11-23 09:20')
    expect(result.textContent).not.toContain('陈明远')
    // the field is cleared for the next visitor
    expect((screen.getByLabelText('卡券码') as HTMLInputElement).value).toBe('')
  })

  it.each([
    ['VOUCHER_USED', 409, '卡券已被使用', '该卡券已于 2026-11-23 09:20 在 西湖风景名胜区灵隐景区 核销，不能重复使用'],
    ['VOUCHER_FORGED', 400, '无效卡券', '无效的卡券码：可能输入有误或系伪造，请核对后重试'],
    ['VOUCHER_WRONG_SPOT', 422, '非本景区卡券', '该卡券不适用于本景区（适用于：西溪国家湿地公园）'],
    ['VOUCHER_WRONG_DATE', 422, '未到使用日期', '该卡券仅限 2026-12-01 使用，今天不能核销'],
    ['VOUCHER_EXPIRED', 409, '卡券已过期', '该卡券仅限 2026-11-01 使用，已过期'],
    ['VOUCHER_REVOKED', 409, '卡券已作废', '该卡券已作废'],
    ['NETWORK_ERROR', 0, '核销未完成', '网络连接失败，请检查网络后重试'],
  ])('when the server answers %s, then it shows “%s” and its message in red', async (code, status, title, message) => {
    verifyVoucher.mockRejectedValueOnce(new ApiError(code, message, status))
    render(<VerifyPage />)
    await verify('K7QM-2XRD-9PTA')
    const alert = screen.getByRole('alert')
    expect(alert.className).toContain('result-fail')
    expect(alert.textContent).toContain(title)
    expect(alert.textContent).toContain(message)
    expect(alert.textContent).toContain('K7QM-2XRD-9PTA')
    expect(screen.queryByText('核销成功')).toBeNull()
  })

  it('each scan is its own attempt: a second scan of the same code sends a new key and shows the used-at message', async () => {
    verifyVoucher.mockResolvedValueOnce(verified())
    verifyVoucher.mockRejectedValueOnce(new ApiError('VOUCHER_USED', '该卡券已于 2026-11-23 09:20 在 西湖风景名胜区灵隐景区 核销，不能重复使用', 409))
    render(<VerifyPage />)
    await verify('K7QM-2XRD-9PTA')
    await verify('K7QM-2XRD-9PTA')
    expect(verifyVoucher.mock.calls[0][1]).not.toBe(verifyVoucher.mock.calls[1][1])
    expect(screen.getByRole('alert').textContent).toContain('该卡券已于 2026-11-23 09:20 在 西湖风景名胜区灵隐景区 核销，不能重复使用')
    expect(screen.queryByText('核销成功')).toBeNull()
  })

  it('when the user is not a verifier, then 无权限 and no way to verify', async () => {
    useAuthStore.getState().setSession(loginResponse(profile()))
    render(<VerifyPage />)
    expect(screen.getByText('无权限')).toBeTruthy()
    expect(screen.queryByLabelText('卡券码')).toBeNull()
  })

  it('when nobody is logged in, then it asks for the work account', async () => {
    useAuthStore.getState().clear()
    render(<VerifyPage />)
    expect(screen.getByText('请先登录')).toBeTruthy()
  })

  it('when the QR is an old screenshot, then 二维码已过期 and the server\'s words', async () => {
    verifyVoucher.mockRejectedValueOnce(new ApiError('PASS_EXPIRED', '二维码已过期，请让游客刷新（截图无效，请出示手机上实时显示的二维码）', 409))
    render(<VerifyPage />)
    await verify('K7QM-2XRD-9PTA-123456')
    expect(verifyVoucher).toHaveBeenCalledWith('K7QM-2XRD-9PTA-123456', expect.any(String))
    const alert = screen.getByRole('alert')
    expect(alert.textContent).toContain('二维码已过期')
    expect(alert.textContent).toContain('请让游客刷新')
  })
})
