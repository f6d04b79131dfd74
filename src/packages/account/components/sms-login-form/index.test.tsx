import { act, fireEvent, render, screen } from '@testing-library/react'
import { ApiError } from '../../../../services/api-error'
import * as authApi from '../../../../services/auth-api'
import { sendSmsCode, verifySmsCode } from '../../../../services/auth-api'
import { useLoginDraftStore } from '../../../../stores/login-draft'
import { resetModuleMocks, settle } from '../../../../../test/jest/fixtures'
import SmsLoginForm from '.'

jest.mock('../../../../services/auth-api')
const mocked = <T extends (...args: never[]) => unknown>(fn: T) => fn as unknown as jest.MockedFunction<T>

beforeEach(() => {
  resetModuleMocks(authApi)
  useLoginDraftStore.getState().clear()
  mocked(sendSmsCode).mockResolvedValue({ sent: true, expiresIn: 300, sandbox: false })
})

async function renderForm() {
  render(<SmsLoginForm />)
  await screen.findByLabelText('手机号')
  await act(settle)
}
const type = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } })
/** The send button as the user sees it: its text and whether it can be pressed. */
function sendButton() {
  const el = document.querySelector('.sms-send') as HTMLElement
  return { text: el.textContent, enabled: !el.hasAttribute('disabled') }
}
async function sendTo(phone: string) {
  type('手机号', phone)
  fireEvent.click(document.querySelector('.sms-send')!)
  await act(settle)
}

describe('SMS login form: resend', () => {
  it('when the phone number is corrected after sending, then the new number can get a code at once', async () => {
    await renderForm()
    await sendTo('13800000001')
    expect(sendButton()).toEqual({ text: '60 秒后重发', enabled: false })

    type('手机号', '13900000001')
    expect(sendButton()).toEqual({ text: '获取验证码', enabled: true })
    expect(screen.queryByText(/验证码已发送至 138/)).toBeNull()
    await sendTo('13900000001')
    expect(sendSmsCode).toHaveBeenLastCalledWith('13900000001')
    expect(sendButton()).toEqual({ text: '60 秒后重发', enabled: false })
  })

  it('when the number is changed back within the wait, then the first number still counts down', async () => {
    await renderForm()
    await sendTo('13800000001')
    type('手机号', '13900000001')
    type('手机号', '13800000001')
    expect(sendButton().enabled).toBe(false)
    expect(sendButton().text).toMatch(/^\d+ 秒后重发$/)
  })

  it('when the code is burnt by wrong tries, then the message says get a new one and the button offers 重新获取', async () => {
    mocked(verifySmsCode).mockRejectedValue(new ApiError('SMS_CODE_BURNT', '验证码错误次数过多，已失效，请重新获取', 400))
    await renderForm()
    await sendTo('13800000001')
    type('验证码', '000000')
    fireEvent.click(screen.getByText('登录'))
    await act(settle)
    expect(screen.getByRole('alert').textContent).toBe('验证码错误次数过多，已失效，请重新获取')
    expect(sendButton()).toEqual({ text: '重新获取', enabled: true })
    expect((screen.getByLabelText('验证码') as HTMLInputElement).value).toBe('')

    await sendTo('13800000001')
    expect(sendSmsCode).toHaveBeenCalledTimes(2)
    expect(sendButton()).toEqual({ text: '60 秒后重发', enabled: false })
  })

  it('when a code is only wrong (tries left), then the countdown goes on', async () => {
    mocked(verifySmsCode).mockRejectedValue(new ApiError('SMS_CODE_WRONG', '验证码不正确，还可尝试 4 次', 400))
    await renderForm()
    await sendTo('13800000001')
    type('验证码', '000000')
    fireEvent.click(screen.getByText('登录'))
    await act(settle)
    expect(sendButton().enabled).toBe(false)
  })
})
