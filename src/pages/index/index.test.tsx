import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import * as authApi from '../../services/auth-api'
import { ApiError } from '../../services/api-error'
import { useAuthStore } from '../../stores/auth'
import { useConsentStore } from '../../stores/consent'
import { loginResponse, profile, resetModuleMocks, settle } from '../../../test/jest/fixtures'
import HomePage from '.'

jest.mock('../../services/auth-api')
const fetchMe = authApi.fetchMe as jest.MockedFunction<typeof authApi.fetchMe>

beforeEach(() => {
  resetModuleMocks(authApi)
  useConsentStore.getState().accept()
})

describe('首页', () => {
  it('when nobody is logged in, then it invites to log in and fetches nothing personal', async () => {
    render(<HomePage />)
    await act(settle)
    expect(screen.getByText('您好，欢迎使用信用通')).toBeTruthy()
    fireEvent.click(screen.getByText('登录 / 注册'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/account/pages/login/index' })
    expect(fetchMe).not.toHaveBeenCalled()
  })

  it('when logged in, then it greets the user by masked name, never the full name, with the real-name status', async () => {
    useAuthStore.getState().setSession(loginResponse(profile({ name: '陈**' })))
    fetchMe.mockResolvedValue(profile({ name: '陈**' }))
    const { container } = render(<HomePage />)
    await act(settle)
    expect(screen.getByText('陈**')).toBeTruthy()
    expect(screen.getByText('已实名认证')).toBeTruthy()
    expect(container.textContent).not.toContain('陈明远')
    expect(screen.queryByText('登录 / 注册')).toBeNull()
    expect(fetchMe).toHaveBeenCalledTimes(1)
  })

  it('when the page shows, then the profile from /api/me replaces the stored one', async () => {
    useAuthStore.getState().setSession(loginResponse(profile({ name: null, idNumber: null, realNameVerified: false })))
    fetchMe.mockResolvedValue(profile({ name: '陈**' }))
    render(<HomePage />)
    await act(settle)
    expect(screen.getByText('陈**')).toBeTruthy()
    expect(screen.queryByText('未实名认证')).toBeNull()
  })

  it('when the user is not real-name verified, then the page says so and offers 去认证', async () => {
    const unverified = profile({ name: null, idNumber: null, realNameVerified: false })
    useAuthStore.getState().setSession(loginResponse(unverified))
    fetchMe.mockResolvedValue(unverified)
    render(<HomePage />)
    await act(settle)
    expect(screen.getByText('未实名认证')).toBeTruthy()
    expect(screen.getByText('138****0001')).toBeTruthy()
    fireEvent.click(screen.getByText('去认证'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/account/pages/real-name/index' })
  })

  it('when the profile cannot be refreshed, then the last one stays and the problem is said', async () => {
    useAuthStore.getState().setSession(loginResponse())
    fetchMe.mockRejectedValue(new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试'))
    render(<HomePage />)
    await act(settle)
    expect(screen.getByText('陈**')).toBeTruthy()
    expect(screen.getByText('资料未能刷新：网络连接失败，请检查网络后重试')).toBeTruthy()
  })

  it('shows features that do not exist yet as 即将开放, with no score or records', async () => {
    render(<HomePage />)
    expect(screen.getByLabelText('信用记录，即将开放')).toBeTruthy()
    expect(screen.getByLabelText('信易游，即将开放')).toBeTruthy()
    expect(screen.getAllByText('即将开放')).toHaveLength(12)
    fireEvent.click(screen.getByLabelText('信用修复，即将开放'))
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '信用修复即将开放，敬请期待' }))
    expect(Taro.navigateTo).not.toHaveBeenCalled()
  })
})
