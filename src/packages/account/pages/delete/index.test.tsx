import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import * as accountApi from '../../../../services/account-api'
import { ApiError } from '../../../../services/api-error'
import { useAuthStore } from '../../../../stores/auth'
import { useConsentStore } from '../../../../stores/consent'
import { loginResponse, resetModuleMocks, settle } from '../../../../../test/jest/fixtures'
import DeletePage from '.'

jest.mock('../../../../services/account-api')
const account = accountApi as jest.Mocked<typeof accountApi>

beforeEach(() => {
  resetModuleMocks(accountApi)
  // a session comes only after the privacy consent
  useConsentStore.getState().accept()
  useAuthStore.getState().setSession(loginResponse())
})

describe('注销账号', () => {
  it('says what is removed and what the law keeps (public credit records stay with the department)', () => {
    render(<DeletePage />)
    expect(screen.getByText('对合作机构的全部授权')).toBeTruthy()
    expect(screen.getByText('未使用的卡券、免押资格和核验码')).toBeTruthy()
    expect(screen.getByText(/公共信用信息.*由作出决定的部门依法保存和公示，不因注销而删除/)).toBeTruthy()
  })

  it('when the user cancels the confirmation, then nothing is sent', async () => {
    ;(Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true })
    render(<DeletePage />)
    fireEvent.click(screen.getByText('注销账号'))
    await act(settle)
    expect(account.deleteAccount).not.toHaveBeenCalled()
    expect(useAuthStore.getState().refreshToken).toBeTruthy()
  })

  it('when confirmed, then the server deletes it, the device forgets everything and the user is logged out', async () => {
    ;(Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: true, cancel: false })
    account.deleteAccount.mockResolvedValueOnce({ deletedAt: '2026-11-23T02:00:00Z', removed: { vouchers: 1, authorizations: 0, grants: 0, counterPasses: 0, enterprises: 0, bookings: 0 } })
    render(<DeletePage />)
    fireEvent.click(screen.getByText('注销账号'))
    await act(settle)
    expect(account.deleteAccount).toHaveBeenCalledTimes(1)
    expect(useAuthStore.getState().refreshToken).toBeFalsy()
    expect(Taro.clearStorageSync).toHaveBeenCalled()
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/mine/index' })
  })

  it('when the server refuses, then its Chinese message shows and the session stays', async () => {
    ;(Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: true, cancel: false })
    account.deleteAccount.mockRejectedValueOnce(new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试'))
    render(<DeletePage />)
    fireEvent.click(screen.getByText('注销账号'))
    await act(settle)
    expect(screen.getByRole('alert').textContent).toBe('网络连接失败，请检查网络后重试')
    expect(useAuthStore.getState().refreshToken).toBeTruthy()
  })
})
