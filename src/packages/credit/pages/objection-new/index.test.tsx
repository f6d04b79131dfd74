import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import * as creditApi from '../../../../services/credit-api'
import { resetOutboxRunner, setOutboxTransport } from '../../../../services/outbox/runner'
import { useOutboxStore } from '../../../../services/outbox/store'
import { fakeTransport, httpError, type FakeTransport } from '../../../../services/outbox/testing'
import { useAuthStore } from '../../../../stores/auth'
import { useConsentStore } from '../../../../stores/consent'
import { loginResponse, recordDetail, resetModuleMocks, settle } from '../../../../../test/jest/fixtures'
import { __setRouterParams } from '../../../../../test/jest/taro-mock'
import ObjectionNewPage from '.'

jest.mock('../../../../services/credit-api')
// The real uploader talks to Taro's file APIs; this stand-in hands the form one uploaded file.
jest.mock('../../../../components/uploader', () => {
  const React = require('react')
  return {
    __esModule: true,
    default: (props: { onChange(items: unknown[]): void }) =>
      React.createElement('button', {
        onClick: () => props.onChange([{ key: 'f1', localPath: 'blob:1', name: 'proof.jpg', size: 1000, type: 'image/jpeg', pages: null, status: 'done', progress: 100, error: null, uploadId: 'upload-9' }]),
      }, '添加一份材料'),
  }
})

const api = creditApi as jest.Mocked<typeof creditApi>
let transport: FakeTransport
const RECORD = 'rec-zhao-rent-arrears'
const record = (overrides = {}) => recordDetail({ id: RECORD, title: '拖欠公租房租金', status: '公示中', department: '杭州市住房保障和房产管理局', ...overrides })

beforeEach(() => {
  resetModuleMocks(creditApi)
  resetOutboxRunner()
  transport = fakeTransport()
  setOutboxTransport(transport)
  useConsentStore.getState().accept()
  useAuthStore.getState().setSession(loginResponse())
  __setRouterParams({ recordId: RECORD })
  api.fetchRecord.mockResolvedValue(record())
})

async function open() {
  const view = render(<ObjectionNewPage />)
  await act(settle)
  return view
}
const describeAs = (text: string) => fireEvent.input(screen.getByLabelText('情况说明'), { target: { value: text }, detail: { value: text } })
const choose = (label: string) => fireEvent.click(screen.getByRole('radio', { name: label }))
const submit = () => act(async () => void fireEvent.click(screen.getByText(/^(提交异议|重新提交|正在提交…)$/)))

describe('提出异议', () => {
  it('when nothing is filled, then submitting says what is missing and sends nothing', async () => {
    await open()
    expect(screen.getByText('拖欠公租房租金')).toBeTruthy()
    await submit()
    expect(screen.getAllByText('请选择异议理由').length).toBeGreaterThan(0)
    choose('信息错误')
    describeAs('租金已缴')
    expect(screen.getByText('4/500')).toBeTruthy()
    expect(screen.getByText('请说明异议的具体情况（至少 10 个字）')).toBeTruthy()
    expect(transport.send).not.toHaveBeenCalled()
  })

  it('when the reason is 非本人, then evidence is required before it can be sent', async () => {
    await open()
    choose('非本人')
    describeAs('该记录的当事人并非本人，身份信息被冒用。')
    expect(screen.getByText('必填')).toBeTruthy()
    await submit()
    expect(screen.getByText('以“非本人”为由提出异议，请上传证明材料')).toBeTruthy()
    expect(transport.send).not.toHaveBeenCalled()
    fireEvent.click(screen.getByText('添加一份材料'))
    await submit()
    await act(settle)
    expect(transport.send).toHaveBeenCalledTimes(1)
    expect(transport.send.mock.calls[0][0]).toMatchObject({
      url: '/objections',
      body: { recordId: RECORD, reason: 'not_me', description: '该记录的当事人并非本人，身份信息被冒用。', attachmentIds: ['upload-9'] },
    })
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/credit/pages/objection/index?id=created-1' })
  })

  it('when the page is closed before submitting, then the reason and the description are kept for next time', async () => {
    const first = await open()
    choose('已撤销或变更')
    describeAs('该处罚决定已于十月撤销，附撤销决定书。')
    first.unmount()
    await open()
    expect(screen.getByRole('radio', { name: '已撤销或变更' }).getAttribute('aria-checked')).toBe('true')
    expect((screen.getByLabelText('情况说明') as HTMLTextAreaElement).value ?? screen.getByLabelText('情况说明').getAttribute('value')).toBe('该处罚决定已于十月撤销，附撤销决定书。')
    expect(Object.keys(useOutboxStore.getState().drafts).some((k) => k.includes(RECORD))).toBe(true)
  })

  it('when the server finds an open case meanwhile, then the message shows and the page points to that case', async () => {
    await open()
    choose('信息错误')
    describeAs('该租金已按期缴清，有银行回单为证。')
    transport.send.mockRejectedValueOnce(httpError(409, 'OBJECTION_OPEN', '该记录已有正在办理的异议（编号 obj-1），请在该异议中查看进度或补充说明'))
    api.fetchRecord.mockResolvedValue({ ...record({ status: '异议中' }), objection: { id: 'obj-1', status: '已提交', outcome: null, open: true, newEvidenceRequired: false } } as never)
    await submit()
    await act(settle)
    expect(screen.getByText('该记录已有正在办理的异议')).toBeTruthy()
    fireEvent.click(screen.getByText('查看该异议'))
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/credit/pages/objection/index?id=obj-1' })
  })

  it('when the record is no longer in publicity, then no form: it says where to go instead', async () => {
    api.fetchRecord.mockResolvedValue(record({ status: '已到期' }))
    await open()
    expect(screen.getByText('该记录不能在线提出异议')).toBeTruthy()
    expect(screen.getByText(/请持相关材料向作出决定的杭州市住房保障和房产管理局提出/)).toBeTruthy()
    expect(screen.queryByLabelText('情况说明')).toBeNull()
  })

  it('after an upheld objection, then a new one needs new evidence whatever the reason', async () => {
    api.fetchRecord.mockResolvedValue({ ...record(), objection: { id: 'obj-0', status: '已办结', outcome: 'uphold', open: false, newEvidenceRequired: true } } as never)
    await open()
    choose('其他')
    describeAs('法院已出具结案通知书，请再次核查。')
    await submit()
    expect(screen.getByText('该记录的异议曾被维持，再次提出须上传新的证明材料')).toBeTruthy()
    expect(transport.send).not.toHaveBeenCalled()
  })
})
