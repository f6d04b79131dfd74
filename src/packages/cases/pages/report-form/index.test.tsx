import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { resetOutboxRunner, setOutboxTransport } from '../../../../services/outbox/runner'
import { OUTBOX_STORAGE_KEY, useOutboxStore } from '../../../../services/outbox/store'
import { fakeTransport, httpError, type FakeTransport } from '../../../../services/outbox/testing'
import { useAuthStore } from '../../../../stores/auth'
import { useConsentStore } from '../../../../stores/consent'
import { agentProfile, loginResponse, YUNQI_USCC } from '../../../../../test/jest/fixtures'
import { __setRouterParams } from '../../../../../test/jest/taro-mock'
import ReportFormPage from '.'

// The uploader's own behaviour has its tests; here a tap on this stand-in is one uploaded file.
jest.mock('../../../../components/uploader', () => {
  const React = require('react')
  return {
    __esModule: true,
    default: (props: { subject?: string | null; onChange(items: unknown[]): void }) =>
      React.createElement('button', { 'data-subject': String(props.subject), onClick: () => props.onChange([{ key: 'f1', status: 'done', uploadId: 'up-1', localPath: 'blob:1', name: 'a.pdf', size: 10, type: 'application/pdf', pages: 1, progress: 100, error: null }]) }, '添加证据'),
  }
})

let transport: FakeTransport
// Real timers: the Taro inputs finish rendering on the browser's own schedule.
const advance = (ms = 0) => act(() => new Promise<void>((resolve) => setTimeout(resolve, ms)))
const type = async (label: string, value: string) => void fireEvent.input(await screen.findByLabelText(label), { target: { value } })
const submitButton = () => screen.getByText(/^(提交举报|重新提交|提交中…)$/)
const DESCRIPTION = '该公司在官网宣称产品获得国家级认证，经查询并无此认证，属于虚假宣传。'

async function fill(uscc = YUNQI_USCC) {
  await type('被举报企业的统一社会信用代码', uscc)
  fireEvent.click(screen.getByText('虚假宣传、价格欺诈'))
  await type('失信行为的具体情况', DESCRIPTION)
  await advance()
}

beforeEach(() => {
  transport = fakeTransport()
  setOutboxTransport(transport)
  __setRouterParams({})
  useConsentStore.getState().accept()
  useAuthStore.getState().setSession(loginResponse(agentProfile()))
  // the agent acts for its enterprise elsewhere in the app: the report still goes as the person
  useAuthStore.getState().setActingFor(YUNQI_USCC)
})
afterEach(() => {
  resetOutboxRunner()
  useOutboxStore.setState({ items: [], drafts: {} })
})

describe('举报失信', () => {
  it('when the USCC has a wrong check digit, then it says so in Chinese and nothing is sent', async () => {
    render(<ReportFormPage />)
    await fill('91330106MA2H3K5Q7M')
    expect(screen.getAllByText('统一社会信用代码校验位不正确，请核对后重新输入').length).toBeGreaterThan(0)
    fireEvent.click(submitButton())
    await advance()
    expect(transport.send).not.toHaveBeenCalled()
  })

  it('when the description is too short, then it asks for more and sends nothing', async () => {
    render(<ReportFormPage />)
    await type('被举报企业的统一社会信用代码', YUNQI_USCC)
    fireEvent.click(screen.getByText('拖欠工资'))
    await type('失信行为的具体情况', '拖欠工资')
    fireEvent.click(submitButton())
    await advance()
    expect(screen.getByText('请描述失信行为的具体情况（至少 20 个字，已写 4 个字）')).toBeTruthy()
    expect(transport.send).not.toHaveBeenCalled()
  })

  it('when filled and sent, then the outbox posts it as the person (no X-Subject) with the evidence, and the page opens the report', async () => {
    render(<ReportFormPage />)
    await fill()
    expect(screen.getByText('添加证据').getAttribute('data-subject')).toBe('null')
    fireEvent.click(screen.getByText('添加证据'))
    transport.send.mockResolvedValueOnce({ id: 'rep-9' })
    fireEvent.click(submitButton())
    await advance()
    expect(transport.send).toHaveBeenCalledTimes(1)
    expect(transport.send.mock.calls[0][0]).toMatchObject({
      url: '/dishonesty-reports',
      subject: null,
      body: { uscc: YUNQI_USCC, category: 'false_advertising', description: DESCRIPTION, attachmentIds: ['up-1'] },
    })
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/cases/pages/report/index?id=rep-9' })
    expect(useOutboxStore.getState().drafts).toEqual({})
  })

  it('when the network fails, then the draft and the item survive and 重新提交 reuses the Idempotency-Key', async () => {
    render(<ReportFormPage />)
    await fill()
    transport.send.mockRejectedValueOnce(httpError(503, 'UNAVAILABLE', '服务繁忙，请稍后重试'))
    fireEvent.click(submitButton())
    await advance()
    expect(screen.getByText(/举报已保存，网络恢复后会自动提交/)).toBeTruthy()
    expect(submitButton().textContent).toBe('重新提交')
    expect(String(Taro.getStorageSync(OUTBOX_STORAGE_KEY))).toContain(DESCRIPTION)
    transport.send.mockResolvedValueOnce({ id: 'rep-10' })
    fireEvent.click(submitButton())
    await advance()
    expect(transport.send).toHaveBeenCalledTimes(2)
    expect(transport.send.mock.calls[1][0].idempotencyKey).toBe(transport.send.mock.calls[0][0].idempotencyKey)
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/cases/pages/report/index?id=rep-10' })
  })

  it('when a full mobile number is typed, then it is refused and never stored on the device', async () => {
    render(<ReportFormPage />)
    await type('失信行为的具体情况', '请联系我 13912345678，我有该公司的欠薪证据和工资条复印件。')
    await advance()
    expect(screen.getByText('手机号码不能保存在本机，请勿在提交内容中填写完整号码')).toBeTruthy()
    expect(String(Taro.getStorageSync(OUTBOX_STORAGE_KEY))).not.toContain('13912345678')
    expect(String(Taro.getStorageSync(OUTBOX_STORAGE_KEY))).not.toBe('')
  })

  it('when opened from a list entry with a USCC, then the code is filled in', async () => {
    __setRouterParams({ uscc: YUNQI_USCC })
    render(<ReportFormPage />)
    await advance()
    expect((await screen.findByLabelText('被举报企业的统一社会信用代码') as HTMLInputElement).value).toBe(YUNQI_USCC)
  })
})
