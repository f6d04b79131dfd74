import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import * as casesApi from '../../../../services/cases-api'
import * as commitmentsApi from '../../../../services/commitments-api'
import { resetOutboxRunner, setOutboxTransport } from '../../../../services/outbox/runner'
import { useOutboxStore } from '../../../../services/outbox/store'
import { fakeTransport, httpError, type FakeTransport } from '../../../../services/outbox/testing'
import { useAuthStore } from '../../../../stores/auth'
import { useConsentStore } from '../../../../stores/consent'
import { agentProfile, loginResponse, resetModuleMocks, YUNQI_USCC } from '../../../../../test/jest/fixtures'
import RegistrationFormPage from '.'

jest.mock('../../../../services/cases-api')
jest.mock('../../../../services/commitments-api')
jest.mock('../../../../components/uploader', () => {
  const React = require('react')
  return {
    __esModule: true,
    default: (props: { subject?: string | null; onChange(items: unknown[]): void }) =>
      React.createElement('button', { 'data-subject': String(props.subject), onClick: () => props.onChange([{ key: 'f1', status: 'done', uploadId: 'up-7', localPath: 'blob:1', name: 'a.pdf', size: 10, type: 'application/pdf', pages: 1, progress: 100, error: null }]) }, '添加材料'),
  }
})

const mocked = <T extends (...args: never[]) => unknown>(fn: T) => fn as unknown as jest.MockedFunction<T>
const advance = (ms = 0) => act(() => new Promise<void>((resolve) => setTimeout(resolve, ms)))
const type = async (label: string, value: string) => void fireEvent.input(await screen.findByLabelText(label), { target: { value } })
const submitButton = () => screen.getByText(/^(提交核验|重新提交|提交中…)$/)
const truth = (id: string, status: commitmentsApi.CommitmentStatus = '履约中') =>
  ({ id, receiptNo: `CP20261130${id.toUpperCase()}`, status, template: { id: 'tpl-voluntary-registration', version: 1, kind: '主动公示型', title: '信用信息自愿注册真实性承诺书' } }) as commitmentsApi.Commitment
const page = <T,>(items: T[]) => ({ items, nextCursor: null })
let transport: FakeTransport

async function fill() {
  fireEvent.click(await screen.findByText('合同履约'))
  await type('信息名称', '西湖区智慧城管项目合同履约')
  await type('具体说明', '2025 年承接的智慧城管项目已按合同约定全部交付并通过验收。')
  fireEvent.click(screen.getByText('添加材料'))
  await advance()
}

beforeEach(() => {
  resetModuleMocks(casesApi)
  resetModuleMocks(commitmentsApi)
  transport = fakeTransport()
  setOutboxTransport(transport)
  useConsentStore.getState().accept()
  useAuthStore.getState().setSession(loginResponse(agentProfile()))
  useAuthStore.getState().setActingFor(YUNQI_USCC)
})
afterEach(() => {
  resetOutboxRunner()
  useOutboxStore.setState({ items: [], drafts: {} })
})

describe('信用信息自愿注册', () => {
  it('when no unused truth commitment is signed, then it offers the signing page and refuses to send', async () => {
    // one signed but already used, one of another template, one breached: none will do
    mocked(commitmentsApi.fetchMyCommitments).mockResolvedValue(page([truth('c-used'), { ...truth('c-other'), template: { ...truth('x').template, id: 'tpl-public-integrity' } }, truth('c-breach', '违诺')]))
    mocked(casesApi.fetchMyRegistrations).mockResolvedValue(page([{ commitment: { id: 'c-used' } } as casesApi.VoluntaryRegistration]))
    render(<RegistrationFormPage />)
    await fill()
    expect(await screen.findByText('签署真实性承诺书')).toBeTruthy()
    fireEvent.click(submitButton())
    await advance()
    expect(screen.getByText('请先签署《信用信息自愿注册真实性承诺书》')).toBeTruthy()
    expect(transport.send).not.toHaveBeenCalled()
    fireEvent.click(screen.getByText('签署真实性承诺书'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/commitments/pages/sign/index?id=tpl-voluntary-registration' })
  })

  it('when evidence is missing, then it asks for it', async () => {
    mocked(commitmentsApi.fetchMyCommitments).mockResolvedValue(page([truth('c-1')]))
    mocked(casesApi.fetchMyRegistrations).mockResolvedValue(page([]))
    render(<RegistrationFormPage />)
    fireEvent.click(await screen.findByText('公益慈善'))
    await type('信息名称', '年度慈善捐赠')
    await type('具体说明', '向杭州市慈善总会捐赠助学款五万元。')
    await advance()
    fireEvent.click(submitButton())
    await advance()
    expect(screen.getByText('请上传证明材料（证书、合同、捐赠票据等），核验以材料为准')).toBeTruthy()
    expect(transport.send).not.toHaveBeenCalled()
  })

  it('when an agent acting for its enterprise submits, then the outbox posts it as the enterprise with the commitment and evidence, and opens it', async () => {
    mocked(commitmentsApi.fetchMyCommitments).mockResolvedValue(page([truth('c-new'), truth('c-old')]))
    mocked(casesApi.fetchMyRegistrations).mockResolvedValue(page([]))
    render(<RegistrationFormPage />)
    await fill()
    expect(await screen.findByText('CP20261130C-NEW')).toBeTruthy()
    expect(screen.getByText('添加材料').getAttribute('data-subject')).toBe(YUNQI_USCC)
    transport.send.mockResolvedValueOnce({ id: 'reg-3' })
    fireEvent.click(submitButton())
    await advance()
    expect(transport.send).toHaveBeenCalledTimes(1)
    expect(transport.send.mock.calls[0][0]).toMatchObject({
      url: '/voluntary-registrations',
      subject: YUNQI_USCC,
      body: { category: 'contract', title: '西湖区智慧城管项目合同履约', description: '2025 年承接的智慧城管项目已按合同约定全部交付并通过验收。', attachmentIds: ['up-7'], commitmentId: 'c-new' },
    })
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/cases/pages/registration/index?id=reg-3' })
  })

  it('when the server refuses (the commitment was used meanwhile), then its message shows and the next try is a new submission', async () => {
    mocked(commitmentsApi.fetchMyCommitments).mockResolvedValue(page([truth('c-1')]))
    mocked(casesApi.fetchMyRegistrations).mockResolvedValue(page([]))
    render(<RegistrationFormPage />)
    await fill()
    await screen.findByText('CP20261130C-1')
    transport.send.mockRejectedValueOnce(httpError(409, 'COMMITMENT_USED', '该承诺书已用于另一项注册，每项注册请单独签署一份真实性承诺书'))
    fireEvent.click(submitButton())
    await advance()
    expect(screen.getByText('该承诺书已用于另一项注册，每项注册请单独签署一份真实性承诺书')).toBeTruthy()
    expect(submitButton().textContent).toBe('提交核验')
    expect(useOutboxStore.getState().items).toEqual([])
  })
})
