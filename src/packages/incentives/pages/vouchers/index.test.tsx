import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import * as api from '../../../../services/incentives-api'
import { ApiError } from '../../../../services/api-error'
import { useAuthStore } from '../../../../stores/auth'
import { useConsentStore } from '../../../../stores/consent'
import { catalog, voucher } from '../../../../features/incentives/testing/fixtures'
import { loginResponse, resetModuleMocks, settle } from '../../../../../test/jest/fixtures'
import VouchersPage from '.'

jest.mock('../../../../services/incentives-api')
const fetchVouchers = api.fetchVouchers as jest.MockedFunction<typeof api.fetchVouchers>
const fetchCatalog = api.fetchCatalog as jest.MockedFunction<typeof api.fetchCatalog>

const standing = (blackList: string[]) => {
  const c = catalog()
  return catalog({ standing: { ...c.standing, redList: [], blackList } })
}

beforeEach(() => {
  resetModuleMocks(api)
  useConsentStore.getState().accept()
  useAuthStore.getState().setSession(loginResponse())
  fetchVouchers.mockResolvedValue({ items: [], nextCursor: null })
})

describe('我的卡券, nothing to use yet', () => {
  it('when the user is on a 严重失信 list, then it says why nothing can be claimed and what to do, with no 去领取', async () => {
    fetchCatalog.mockResolvedValue(standing(['失信被执行人名单']))
    render(<VouchersPage />)
    await act(settle)
    expect(screen.getByText('暂不能领取卡券')).toBeTruthy()
    expect(screen.getByText(/^您已被列入严重失信主体名单（失信被执行人名单），依法不能享受守信激励。履行义务后可申请移出名单；对记录有异议的/)).toBeTruthy()
    expect(screen.queryByText('去领取')).toBeNull()
    fireEvent.click(screen.getByText('查看信用记录'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/credit/pages/records/index' })
  })

  it('when the user is not listed, then it invites a claim in 守信激励', async () => {
    fetchCatalog.mockResolvedValue(standing([]))
    render(<VouchersPage />)
    await act(settle)
    expect(screen.getByText('还没有可使用的卡券')).toBeTruthy()
    expect(screen.queryByText(/严重失信/)).toBeNull()
    fireEvent.click(screen.getByText('去领取'))
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/incentives/index' })
  })

  it('when the standing cannot be checked, then the ordinary empty state shows (the server still refuses a barred claim)', async () => {
    fetchCatalog.mockRejectedValue(new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试'))
    render(<VouchersPage />)
    await act(settle)
    expect(screen.getByText('还没有可使用的卡券')).toBeTruthy()
  })

  it('when vouchers exist, then the standing is not asked for', async () => {
    fetchVouchers.mockResolvedValue({ items: [voucher()], nextCursor: null })
    render(<VouchersPage />)
    await act(settle)
    expect(fetchCatalog).not.toHaveBeenCalled()
  })
})
