import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import * as authApi from '../../../../services/auth-api'
import { ApiError } from '../../../../services/api-error'
import { useAuthStore } from '../../../../stores/auth'
import { useConsentStore } from '../../../../stores/consent'
import { loginResponse, profile, resetModuleMocks, settle } from '../../../../../test/jest/fixtures'
import RealNamePage from '.'

jest.mock('../../../../services/auth-api')
const submitRealName = authApi.submitRealName as jest.MockedFunction<typeof authApi.submitRealName>

const VALID_ID = '11010519491231002X'
const type = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } })

async function renderPage() {
  render(<RealNamePage />)
  await screen.findByLabelText('身份证号码')
}

beforeEach(() => {
  resetModuleMocks(authApi)
  useConsentStore.getState().accept()
  useAuthStore.getState().setSession(loginResponse(profile({ name: null, idNumber: null, realNameVerified: false })))
})

const allStorage = () =>
  ['creditpass-auth', 'creditpass-consent', 'creditpass-login-draft'].map((k) => String(Taro.getStorageSync(k))).join('\n')

describe('实名认证', () => {
  it('when all 18 characters are typed with a wrong check digit, then it says so at once', async () => {
    await renderPage()
    type('身份证号码', '110105194912310021')
    expect(screen.getByText('身份证号码校验位不正确，请核对后重新输入')).toBeTruthy()
    type('身份证号码', VALID_ID)
    expect(screen.getByText('号码格式正确')).toBeTruthy()
  })

  it('when submitted empty, then each field says what is missing and nothing is sent', async () => {
    await renderPage()
    fireEvent.click(screen.getByText('提交认证'))
    expect(screen.getByText('请填写姓名')).toBeTruthy()
    expect(screen.getByText('请填写身份证号码')).toBeTruthy()
    expect(submitRealName).not.toHaveBeenCalled()
  })

  it('when the server refuses, then its message is shown, the form is kept, and a retry reuses the idempotency key', async () => {
    submitRealName.mockRejectedValueOnce(new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试'))
    submitRealName.mockRejectedValueOnce(new ApiError('IDENTITY_MISMATCH', '姓名与身份证号码不一致，请核对后重新输入', 400))
    await renderPage()
    type('姓名', '张三')
    type('身份证号码', VALID_ID)
    fireEvent.click(screen.getByText('提交认证'))
    await act(settle)
    expect(screen.getByText('网络连接失败，请检查网络后重试')).toBeTruthy()
    expect((screen.getByLabelText('姓名') as HTMLInputElement).value).toBe('张三')

    fireEvent.click(screen.getByText('提交认证'))
    await act(settle)
    expect(screen.getByText('姓名与身份证号码不一致，请核对后重新输入')).toBeTruthy()
    const [first, second] = submitRealName.mock.calls
    expect(first).toEqual(['张三', VALID_ID, expect.any(String)])
    expect(second[2]).toBe(first[2])

    // A corrected form is a new submission: a new key.
    type('姓名', '张四')
    fireEvent.click(screen.getByText('提交认证'))
    await act(settle)
    expect(submitRealName.mock.calls[2][2]).not.toBe(first[2])
    expect(allStorage()).not.toContain(VALID_ID)
  })

  it('when verified, then the masked profile is stored, never the full ID number, and the user goes back', async () => {
    submitRealName.mockResolvedValue(profile({ name: '张*', idNumber: '110105********002X' }))
    await renderPage()
    type('姓名', '张三')
    type('身份证号码', VALID_ID.toLowerCase())
    fireEvent.click(screen.getByText('提交认证'))
    await act(settle)
    expect(submitRealName).toHaveBeenCalledWith('张三', VALID_ID, expect.any(String))
    expect(useAuthStore.getState().user).toMatchObject({ name: '张*', realNameVerified: true })
    expect(allStorage()).not.toContain(VALID_ID)
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/mine/index' })
  })
})
