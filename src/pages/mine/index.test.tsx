import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import * as authApi from '../../services/auth-api'
import { ApiError } from '../../services/api-error'
import { useAuthStore } from '../../stores/auth'
import { useConsentStore } from '../../stores/consent'
import { usePreferencesStore } from '../../stores/preferences'
import { YUNQI_USCC, agentProfile, loginResponse, profile, resetModuleMocks, settle } from '../../../test/jest/fixtures'
import MinePage from '.'

jest.mock('../../services/auth-api')
const api = authApi as jest.Mocked<typeof authApi>

const agent = agentProfile()

beforeEach(() => {
  resetModuleMocks(authApi)
  useConsentStore.getState().accept()
})

describe('我的', () => {
  it('when logged in, then masked name, phone, ID, real-name status and the identities to switch to are listed', async () => {
    useAuthStore.getState().setSession(loginResponse(agent))
    api.fetchMe.mockResolvedValue(agent)
    render(<MinePage />)
    await act(settle)
    expect(screen.getByText('吴*')).toBeTruthy()
    expect(screen.getByText('138****0001')).toBeTruthy()
    expect(screen.getByText('330106********0012')).toBeTruthy()
    expect(screen.getByText('已认证')).toBeTruthy()
    expect(screen.getByText('切换身份')).toBeTruthy()
    expect(screen.getByText('本人 吴*')).toBeTruthy()
    expect(screen.getByText('杭州云栖数字科技有限公司')).toBeTruthy()
    expect(screen.getByText(`统一社会信用代码 ${YUNQI_USCC}`)).toBeTruthy()
    expect(screen.getByText('法定代表人')).toBeTruthy()
  })

  it('when an enterprise is chosen, then the app acts for it (its USCC) until 本人 is chosen again', async () => {
    useAuthStore.getState().setSession(loginResponse(agent))
    api.fetchMe.mockResolvedValue(agent)
    render(<MinePage />)
    await act(settle)
    expect(screen.getByRole('radio', { name: '本人（吴*）' }).getAttribute('aria-checked')).toBe('true')

    fireEvent.click(screen.getByRole('radio', { name: '杭州云栖数字科技有限公司' }))
    expect(useAuthStore.getState().actingFor).toBe(YUNQI_USCC)
    expect(screen.getByRole('radio', { name: '杭州云栖数字科技有限公司' }).getAttribute('aria-checked')).toBe('true')
    expect(screen.getByText('谁查看过企业的信用')).toBeTruthy()

    fireEvent.click(screen.getByRole('radio', { name: '本人（吴*）' }))
    expect(useAuthStore.getState().actingFor).toBeNull()
  })

  it('when the profile no longer lists the enterprise acted for, then the app goes back to oneself', async () => {
    useAuthStore.getState().setSession(loginResponse(agent))
    useAuthStore.getState().setActingFor(YUNQI_USCC)
    api.fetchMe.mockResolvedValue(profile())
    render(<MinePage />)
    await act(settle)
    expect(useAuthStore.getState().actingFor).toBeNull()
    expect(screen.queryByText('切换身份')).toBeNull()
  })

  it('a citizen without enterprises sees no identity switch, and 查询记录 opens the access log', async () => {
    useAuthStore.getState().setSession(loginResponse())
    api.fetchMe.mockResolvedValue(profile())
    render(<MinePage />)
    await act(settle)
    expect(screen.queryByText('切换身份')).toBeNull()
    fireEvent.click(screen.getByText('查询记录'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/account/pages/access-log/index' })
    fireEvent.click(screen.getByText('授权管理'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/incentives/pages/authorizations/index' })
  })

  it('when 长辈模式 is switched on, then the page grows and the choice is kept on the device', async () => {
    const { container } = render(<MinePage />)
    const toggle = screen.getByRole('switch', { name: /^长辈模式/ })
    expect(toggle.getAttribute('aria-checked')).toBe('false')
    fireEvent.click(toggle)
    expect(toggle.getAttribute('aria-checked')).toBe('true')
    expect(container.firstElementChild?.className).toContain('elderly')
    expect(JSON.parse(String(Taro.getStorageSync('creditpass-preferences'))).state).toMatchObject({ elderly: true })
    expect(usePreferencesStore.getState().elderly).toBe(true)
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

  it('when 撤回隐私政策同意 is tapped, then a red confirmation asks first and only 撤回 logs out and forgets the consent', async () => {
    useAuthStore.getState().setSession(loginResponse())
    api.fetchMe.mockResolvedValue(profile())
    api.logoutSession.mockResolvedValue(undefined)
    render(<MinePage />)
    await act(settle)
    ;(Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true })
    fireEvent.click(screen.getByText('撤回隐私政策同意'))
    await act(settle)
    expect(Taro.showModal).toHaveBeenLastCalledWith(expect.objectContaining({ title: '撤回隐私政策同意', confirmText: '撤回', confirmColor: '#b8262c' }))
    expect(api.logoutSession).not.toHaveBeenCalled()
    expect(useConsentStore.getState().acceptedVersion).not.toBeNull()

    ;(Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: true, cancel: false })
    fireEvent.click(screen.getByText('撤回隐私政策同意'))
    await act(settle)
    expect(api.logoutSession).toHaveBeenCalled()
    expect(useConsentStore.getState().acceptedVersion).toBeNull()
  })
})
