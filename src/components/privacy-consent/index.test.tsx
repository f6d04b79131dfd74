import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import HomePage from '../../pages/index'
import { PRIVACY_POLICY_VERSION } from '../../domain/policy'
import { fetchMe } from '../../services/auth-api'
import { useAuthStore } from '../../stores/auth'
import { useConsentStore } from '../../stores/consent'
import * as authApi from '../../services/auth-api'
import { resetModuleMocks, loginResponse, profile, settle } from '../../../test/jest/fixtures'
import PrivacyConsent from '.'

jest.mock('../../services/auth-api')
beforeEach(() => resetModuleMocks(authApi))
const fetchMeMock = fetchMe as jest.MockedFunction<typeof fetchMe>

describe('privacy consent', () => {
  it('when the app opens for the first time, then the notice explains what is collected and offers 同意 / 不同意', () => {
    render(<PrivacyConsent />)
    expect(screen.getByText('个人信息保护提示')).toBeTruthy()
    expect(screen.getByText('姓名、身份证号码')).toBeTruthy()
    expect(screen.getByText('《信用通隐私政策》')).toBeTruthy()
    expect(screen.getByText('同意')).toBeTruthy()
    expect(screen.getByText('不同意')).toBeTruthy()
  })

  it('when a logged-in user has not consented, then nothing personal is fetched until 同意', async () => {
    useAuthStore.getState().setSession(loginResponse())
    fetchMeMock.mockResolvedValue(profile({ name: '陈**' }))
    render(<HomePage />)
    await act(settle)
    expect(fetchMeMock).not.toHaveBeenCalled()
    expect(Taro.request).not.toHaveBeenCalled()

    fireEvent.click(screen.getByText('同意'))
    await act(settle)
    expect(fetchMeMock).toHaveBeenCalledTimes(1)
    expect(screen.queryByText('个人信息保护提示')).toBeNull()
  })

  it('when the user agrees, then the current policy version is stored and the notice is not shown again', async () => {
    const { unmount } = render(<PrivacyConsent />)
    fireEvent.click(screen.getByText('同意'))
    expect(useConsentStore.getState().acceptedVersion).toBe(PRIVACY_POLICY_VERSION)
    expect(String(Taro.getStorageSync('creditpass-consent'))).toContain(PRIVACY_POLICY_VERSION)
    unmount()

    render(<PrivacyConsent />)
    expect(screen.queryByText('个人信息保护提示')).toBeNull()
  })

  it('when the user declines, then the app explains what is unavailable and the notice can be reopened', () => {
    render(<HomePage />)
    fireEvent.click(screen.getByText('不同意'))
    expect(screen.getByText(/您尚未同意隐私政策/)).toBeTruthy()
    expect(screen.getByText('同意隐私政策后才能登录')).toBeTruthy()
    expect(useConsentStore.getState().acceptedVersion).toBeNull()

    fireEvent.click(screen.getByText('查看并同意'))
    expect(screen.getByText('个人信息保护提示')).toBeTruthy()
  })

  it('when an older policy version was accepted, then the notice asks again', () => {
    useConsentStore.setState({ acceptedVersion: '2000-01-01' })
    render(<PrivacyConsent />)
    expect(screen.getByText('个人信息保护提示')).toBeTruthy()
  })

  it('when the text is longer than its box, then a hint says there is more until its end is reached, and 同意 works before that', async () => {
    render(<PrivacyConsent />)
    await act(settle)
    expect(screen.getByText('向下滑动阅读全文')).toBeTruthy()
    act(() => void document.getElementById('consent-body')!.dispatchEvent(new CustomEvent('scrolltolower')))
    expect(screen.queryByText('向下滑动阅读全文')).toBeNull()
    fireEvent.click(screen.getByText('同意'))
    expect(useConsentStore.getState().acceptedVersion).toBe(PRIVACY_POLICY_VERSION)
  })

  it('when the text fits its box, then no scroll hint is shown', async () => {
    jest.useFakeTimers()
    try {
      const heights = [{ height: 400 }, { height: 380 }]
      ;(Taro.createSelectorQuery as jest.Mock).mockReturnValueOnce({
        select: () => ({ boundingClientRect: () => undefined }),
        exec: (cb: (r: unknown[]) => void) => cb(heights),
      })
      render(<PrivacyConsent />)
      expect(screen.getByText('向下滑动阅读全文')).toBeTruthy()
      await act(async () => {
        jest.advanceTimersByTime(400)
        await Promise.resolve()
      })
      expect(screen.queryByText('向下滑动阅读全文')).toBeNull()
    } finally {
      jest.useRealTimers()
    }
  })

  it('when 同意 is tapped without scrolling, then consent is stored all the same', () => {
    render(<PrivacyConsent />)
    expect(screen.getByText('向下滑动阅读全文')).toBeTruthy()
    fireEvent.click(screen.getByText('同意'))
    expect(useConsentStore.getState().acceptedVersion).toBe(PRIVACY_POLICY_VERSION)
    expect(screen.queryByText('个人信息保护提示')).toBeNull()
  })
})
