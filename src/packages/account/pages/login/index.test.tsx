import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { ApiError } from '../../../../services/api-error'
import { fetchHealth, fetchPersonas, sandboxLogin, sendSmsCode, verifySmsCode } from '../../../../services/auth-api'
import { useAuthStore } from '../../../../stores/auth'
import { useConsentStore } from '../../../../stores/consent'
import * as authApi from '../../../../services/auth-api'
import { resetModuleMocks, loginResponse, personas, profile, settle } from '../../../../../test/jest/fixtures'
import type { Health } from '../../../../services/types'
import LoginPage from '.'

jest.mock('../../../../services/auth-api')
beforeEach(() => resetModuleMocks(authApi))
const mocked = <T extends (...args: never[]) => unknown>(fn: T) => fn as unknown as jest.MockedFunction<T>

const health = (sandbox: boolean): Health => ({ status: 'ok', database: 'embedded', databaseVersion: '17.10', migration: 2, sandbox })

async function renderLogin({ sandbox }: { sandbox: boolean }) {
  mocked(fetchHealth).mockResolvedValue(health(sandbox))
  mocked(fetchPersonas).mockResolvedValue(personas)
  const view = render(<LoginPage />)
  await screen.findByLabelText('手机号') // Taro's input renders its inner <input> a tick later
  await act(settle)
  return view
}

const type = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } })

beforeEach(() => {
  useConsentStore.getState().accept()
})

describe('login screen: sandbox personas', () => {
  it('when the server is not in sandbox mode, then no demo personas are offered', async () => {
    await renderLogin({ sandbox: false })
    expect(screen.queryByText('演示账号')).toBeNull()
    expect(fetchPersonas).not.toHaveBeenCalled()
    expect(screen.getByLabelText('手机号')).toBeTruthy()
  })

  it('when the server is in sandbox mode, then personas show masked names, Chinese roles and summaries, labelled 沙箱', async () => {
    await renderLogin({ sandbox: true })
    expect(screen.getByText('演示账号')).toBeTruthy()
    expect(screen.getByText('沙箱环境')).toBeTruthy()
    expect(screen.getByText('陈**')).toBeTruthy()
    expect(screen.getByText(/红名单市民/)).toBeTruthy()
    expect(screen.getByText('信用办工作人员')).toBeTruthy()
    expect(screen.getAllByText('企业经办')).toHaveLength(1)
  })

  it('when a persona is picked, then the session is stored and the user goes back to where they were', async () => {
    mocked(sandboxLogin).mockResolvedValue(loginResponse(profile()))
    await renderLogin({ sandbox: true })
    fireEvent.click(screen.getByLabelText(/以演示身份 陈\*\* 登录/))
    await act(settle)
    expect(sandboxLogin).toHaveBeenCalledWith('citizen-red')
    expect(useAuthStore.getState()).toMatchObject({ accessToken: 'access-1', refreshToken: 'refresh-1', user: { name: '陈**' } })
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' })
  })

  it('when the persona has not done real-name verification, then the real-name page comes next', async () => {
    mocked(sandboxLogin).mockResolvedValue(loginResponse(profile({ name: null, idNumber: null, realNameVerified: false })))
    await renderLogin({ sandbox: true })
    fireEvent.click(screen.getByLabelText(/以演示身份 陈\*\* 登录/))
    await act(settle)
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/account/pages/real-name/index' })
  })

  it('when the persona login fails, then the server message is shown and no session is kept', async () => {
    mocked(sandboxLogin).mockRejectedValue(new ApiError('NOT_FOUND', '演示身份不存在', 404))
    await renderLogin({ sandbox: true })
    fireEvent.click(screen.getByLabelText(/以演示身份 陈\*\* 登录/))
    await act(settle)
    expect(screen.getByText('演示身份不存在')).toBeTruthy()
    expect(useAuthStore.getState().accessToken).toBeNull()
  })
})

describe('login screen: SMS', () => {
  it('when 获取验证码 is tapped without a valid number, then it says what is wrong and sends nothing', async () => {
    await renderLogin({ sandbox: false })
    fireEvent.click(screen.getByText('获取验证码'))
    expect(screen.getByText('请填写手机号')).toBeTruthy()
    type('手机号', '1380000')
    fireEvent.click(screen.getByText('获取验证码'))
    expect(screen.getByText('请输入正确的 11 位手机号')).toBeTruthy()
    expect(sendSmsCode).not.toHaveBeenCalled()
  })

  it('when the code is sent, then the button counts down before a resend is allowed', async () => {
    mocked(sendSmsCode).mockResolvedValue({ sent: true, expiresIn: 300, sandbox: false })
    await renderLogin({ sandbox: false })
    type('手机号', '13800000001')
    fireEvent.click(screen.getByText('获取验证码'))
    await act(settle)
    expect(sendSmsCode).toHaveBeenCalledWith('13800000001')
    expect(screen.getByText('60 秒后重发')).toBeTruthy()
    expect(screen.getByText(/验证码已发送至 138\*\*\*\*0001/)).toBeTruthy()
  })

  it('when the code is not 6 digits, then login is refused on the spot', async () => {
    await renderLogin({ sandbox: false })
    type('手机号', '13800000001')
    type('验证码', '12')
    fireEvent.click(screen.getByText('登录'))
    expect(screen.getByText('请输入 6 位数字验证码')).toBeTruthy()
    expect(verifySmsCode).not.toHaveBeenCalled()
  })

  it('when the server rejects the code, then its Chinese message is shown', async () => {
    mocked(verifySmsCode).mockRejectedValue(new ApiError('SMS_CODE_INVALID', '验证码错误或已过期，请重新获取', 400))
    await renderLogin({ sandbox: false })
    type('手机号', '13800000001')
    type('验证码', '123456')
    fireEvent.click(screen.getByText('登录'))
    await act(settle)
    expect(verifySmsCode).toHaveBeenCalledWith('13800000001', '123456')
    expect(screen.getByText('验证码错误或已过期，请重新获取')).toBeTruthy()
    expect(useAuthStore.getState().accessToken).toBeNull()
  })

  it('when the login screen is left and reopened, then the phone number is still there but the code is not, and neither is in storage', async () => {
    const first = await renderLogin({ sandbox: false })
    type('手机号', '13800000001')
    type('验证码', '654321')
    first.unmount()
    const stored = ['creditpass-login-draft', 'creditpass-auth', 'creditpass-consent'].map((k) => String(Taro.getStorageSync(k))).join('\n')
    expect(stored).not.toContain('13800000001')
    expect(stored).not.toContain('654321')

    await renderLogin({ sandbox: false })
    expect((screen.getByLabelText('手机号') as HTMLInputElement).value).toBe('13800000001')
    expect((screen.getByLabelText('验证码') as HTMLInputElement).value).toBe('')
  })

  it('when SMS login succeeds, then the draft is forgotten and the session kept', async () => {
    mocked(verifySmsCode).mockResolvedValue(loginResponse())
    await renderLogin({ sandbox: false })
    type('手机号', '13800000001')
    type('验证码', '123456')
    fireEvent.click(screen.getByText('登录'))
    await act(settle)
    expect(useAuthStore.getState().refreshToken).toBe('refresh-1')
    expect(String(Taro.getStorageSync('creditpass-login-draft'))).not.toContain('13800000001')
  })
})

describe('login screen before consent', () => {
  it('when privacy consent is missing, then the notice covers the screen and login cannot start', async () => {
    useConsentStore.getState().withdraw()
    mocked(sandboxLogin).mockResolvedValue(loginResponse())
    await renderLogin({ sandbox: true })
    expect(screen.getByText('个人信息保护提示')).toBeTruthy()
    fireEvent.click(screen.getByLabelText(/以演示身份 陈\*\* 登录/))
    await act(settle)
    expect(sandboxLogin).not.toHaveBeenCalled()
  })
})
