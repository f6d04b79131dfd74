import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import * as authApi from '../../services/auth-api'
import { ApiError } from '../../services/api-error'
import { useAuthStore } from '../../stores/auth'
import { useConsentStore } from '../../stores/consent'
import { loginResponse, profile, resetModuleMocks, settle } from '../../../test/jest/fixtures'
import MinePage from '.'

jest.mock('../../services/auth-api')
const api = authApi as jest.Mocked<typeof authApi>

const agent = profile({
  name: '吴*',
  roles: ['citizen', 'agent'],
  subjects: [
    { id: 'person-wu', kind: 'person', name: '吴*', identifier: '330106********0087', relation: '本人' },
    { id: 'ent-yunqi', kind: 'enterprise', name: '杭州云栖数字科技有限公司', identifier: '91330106MA2H3K5Q7X', relation: '法定代表人' },
  ],
})

beforeEach(() => {
  resetModuleMocks(authApi)
  useConsentStore.getState().accept()
})

describe('我的', () => {
  it('when logged in, then masked name, phone, ID, real-name status and agent enterprises are listed', async () => {
    useAuthStore.getState().setSession(loginResponse(agent))
    api.fetchMe.mockResolvedValue(agent)
    render(<MinePage />)
    await act(settle)
    expect(screen.getByText('吴*')).toBeTruthy()
    expect(screen.getByText('138****0001')).toBeTruthy()
    expect(screen.getByText('330106********0012')).toBeTruthy()
    expect(screen.getByText('已认证')).toBeTruthy()
    expect(screen.getByText('我代理的企业')).toBeTruthy()
    expect(screen.getByText('杭州云栖数字科技有限公司')).toBeTruthy()
    expect(screen.getByText('法定代表人')).toBeTruthy()
  })

  it('when not real-name verified, then it links to 实名认证', async () => {
    const unverified = profile({ name: null, idNumber: null, realNameVerified: false })
    useAuthStore.getState().setSession(loginResponse(unverified))
    api.fetchMe.mockResolvedValue(unverified)
    render(<MinePage />)
    await act(settle)
    fireEvent.click(screen.getByText('未认证，去实名认证 ›'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/account/pages/real-name/index' })
  })

  it('when 退出登录 is tapped, then the server session is revoked and the local one cleared', async () => {
    useAuthStore.getState().setSession(loginResponse())
    api.fetchMe.mockResolvedValue(profile())
    api.logoutSession.mockResolvedValue(undefined)
    render(<MinePage />)
    await act(settle)
    fireEvent.click(screen.getByText('退出登录'))
    await act(settle)
    expect(api.logoutSession).toHaveBeenCalledWith('refresh-1')
    expect(useAuthStore.getState()).toMatchObject({ accessToken: null, refreshToken: null, user: null })
    expect(screen.getByText('未登录')).toBeTruthy()
  })

  it('when the logout call fails, then the device forgets the session anyway', async () => {
    useAuthStore.getState().setSession(loginResponse())
    api.fetchMe.mockResolvedValue(profile())
    api.logoutSession.mockRejectedValue(new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试'))
    render(<MinePage />)
    await act(settle)
    fireEvent.click(screen.getByText('退出登录'))
    await act(settle)
    expect(useAuthStore.getState().refreshToken).toBeNull()
    expect(String(Taro.getStorageSync('creditpass-auth'))).not.toContain('refresh-1')
  })
})
