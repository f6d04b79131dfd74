import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import * as commitmentsApi from '../../../../services/commitments-api'
import { resetOutboxRunner, setOutboxTransport } from '../../../../services/outbox/runner'
import { useOutboxStore } from '../../../../services/outbox/store'
import { fakeTransport, httpError, type FakeTransport } from '../../../../services/outbox/testing'
import * as repairsApi from '../../../../services/repairs-api'
import type { RepairEligibilityItem } from '../../../../services/repairs-api'
import { useAuthStore } from '../../../../stores/auth'
import { useConsentStore } from '../../../../stores/consent'
import { loginResponse, resetModuleMocks, settle } from '../../../../../test/jest/fixtures'
import { __setRouterParams } from '../../../../../test/jest/taro-mock'
import ApplyPage from '.'

jest.mock('../../../../services/repairs-api')
jest.mock('../../../../services/commitments-api')
// The picker cannot pick in jsdom: this stand-in hands the form one uploaded (or uploading) file.
jest.mock('../../../../components/uploader', () => {
  const React = require('react')
  return {
    __esModule: true,
    default: (props: { onChange(items: unknown[]): void }) =>
      React.createElement('div', null, [
        React.createElement('button', { key: 'u', onClick: () => props.onChange([{ key: 'f1', name: 'proof.pdf', status: 'uploading', uploadId: null }]) }, '选择文件'),
        React.createElement('button', { key: 'd', onClick: () => props.onChange([{ key: 'f1', name: 'proof.pdf', status: 'done', uploadId: 'upload-9' }]) }, '上传完成'),
      ]),
  }
})

const repairs = jest.mocked(repairsApi)
const commitments = jest.mocked(commitmentsApi)
let transport: FakeTransport

const item = (extra: Partial<RepairEligibilityItem> = {}): RepairEligibilityItem => ({
  recordId: 'rec-li-fire-penalty', state: 'eligible', eligibleFrom: '2026-09-26', missing: ['尚未查到履行记录：请先履行“缴纳罚款 5,000 元”，申请时上传缴款凭证等履行证明'], obligationMet: false, hoursRequired: 10, hoursConfirmed: 10, scoreNow: 570, scoreAfter: 620,
  title: '经营场所未保持疏散通道畅通', severity: '一般', status: '公示中', repairAfterMonths: 3, lastRejection: null, ...extra,
})
const repairTemplate = { id: 'tpl-repair', version: 1, kind: '修复型' as const, title: '信用修复承诺书', audience: 'both' as const, textSha256: 'a'.repeat(64) }
const signedRepair = (id: string) => ({
  id, receiptNo: `CP20261130${id.toUpperCase()}`, template: { id: 'tpl-repair', version: 1, kind: '修复型' as const, title: '信用修复承诺书' },
  subject: { kind: 'person' as const, name: '李**', uscc: null }, signerRelation: '本人', textSha256: 'a', signatureSha256: 'b', status: '履约中' as const, statusReason: null, signedAt: '2026-11-30T02:00:00.000Z', recordId: null,
})

function answer(opts: { items?: RepairEligibilityItem[]; signed?: string[]; usedBy?: string[] } = {}) {
  repairs.fetchEligibility.mockResolvedValue({ items: opts.items ?? [item(), item({ recordId: 'rec-other', state: 'later', title: '未满期的记录' })] })
  commitments.fetchMyCommitments.mockResolvedValue({ items: (opts.signed ?? []).map(signedRepair), nextCursor: null })
  commitments.fetchTemplates.mockResolvedValue({ items: [repairTemplate], nextCursor: null })
  repairs.fetchMyRepairs.mockResolvedValue({ items: (opts.usedBy ?? []).map((c) => ({ commitment: { id: c } }) as repairsApi.RepairApplication), nextCursor: null })
}

const submitButton = () => screen.getByText(/^(提交修复申请|正在提交…)$/)
const reason = () => document.getElementById('apply-reason')!.textContent

beforeEach(() => {
  resetModuleMocks(repairsApi)
  resetModuleMocks(commitmentsApi)
  resetOutboxRunner()
  transport = fakeTransport()
  setOutboxTransport(transport)
  useOutboxStore.setState({ items: [], drafts: {} })
  useConsentStore.getState().accept()
  useAuthStore.getState().setSession(loginResponse())
  __setRouterParams({ recordId: 'rec-li-fire-penalty' })
})

describe('申请信用修复', () => {
  it('offers only records repairable now, says repair is free, and asks step by step for what is missing', async () => {
    answer()
    render(<ApplyPage />)
    await act(settle)
    expect(screen.getByText('经营场所未保持疏散通道畅通')).toBeTruthy()
    expect(screen.queryByText('未满期的记录')).toBeNull()
    expect(screen.getByRole('radio').getAttribute('aria-checked')).toBe('true')
    expect(screen.getByText('修复后信用分预计由 570 分变为 620 分')).toBeTruthy()
    expect(screen.getByText('信用修复免费办理')).toBeTruthy()
    expect(reason()).toBe('请上传已履行法定义务的证明材料')
    expect(submitButton().hasAttribute('disabled')).toBe(true)
    fireEvent.click(screen.getByText('选择文件'))
    expect(reason()).toBe('请等待文件上传完成')
    fireEvent.click(screen.getByText('上传完成'))
    expect(reason()).toBe('请签署《信用修复承诺书》')
    // Signing is the commitments' own flow, for the 修复型 template.
    fireEvent.click(screen.getByText('阅读并签署《信用修复承诺书》'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/commitments/pages/sign/index?id=tpl-repair' })
    fireEvent.click(submitButton())
    expect(transport.send).not.toHaveBeenCalled()
  })

  it('a commitment already used by an application is not offered again; an unused one is', async () => {
    answer({ signed: ['c-old'], usedBy: ['c-old'] })
    const view = render(<ApplyPage />)
    await act(settle)
    expect(screen.getByText('阅读并签署《信用修复承诺书》')).toBeTruthy()
    view.unmount()
    answer({ signed: ['c-new', 'c-old'], usedBy: ['c-old'] })
    render(<ApplyPage />)
    await act(settle)
    expect(screen.getByText('《信用修复承诺书》回执 CP20261130C-NEW')).toBeTruthy()
    expect(screen.queryByText('阅读并签署《信用修复承诺书》')).toBeNull()
  })

  it('submits through the outbox with the record, the commitment and the proof, and opens the application', async () => {
    answer({ signed: ['c-new'] })
    transport.send.mockResolvedValueOnce({ id: 'repair-1' })
    render(<ApplyPage />)
    await act(settle)
    expect(screen.getByText('《信用修复承诺书》回执 CP20261130C-NEW')).toBeTruthy()
    fireEvent.click(screen.getByText('上传完成'))
    expect(reason()).toBe('提交后信用平台 10 个工作日内答复，认定部门 3 个工作日内作出决定')
    await act(async () => void fireEvent.click(submitButton()))
    await act(settle)
    expect(transport.send).toHaveBeenCalledTimes(1)
    const [request] = transport.send.mock.calls[0]
    expect(request.url).toBe('/repairs')
    expect(request.body).toEqual({ recordId: 'rec-li-fire-penalty', commitmentId: 'c-new', attachmentIds: ['upload-9'] })
    expect(request.idempotencyKey).toBeTruthy()
    expect(Taro.redirectTo).toHaveBeenLastCalledWith({ url: '/packages/repair/pages/application/index?id=repair-1' })
  })

  it('when the department has recorded the obligation as met, it asks for no proof and submits without files', async () => {
    answer({ items: [item({ obligationMet: true, missing: [] })], signed: ['c-new'] })
    transport.send.mockResolvedValueOnce({ id: 'repair-2' })
    render(<ApplyPage />)
    await act(settle)
    expect(screen.getByText('2. 上传履行证明（可不上传）')).toBeTruthy()
    expect(reason()).toBe('提交后信用平台 10 个工作日内答复，认定部门 3 个工作日内作出决定')
    await act(async () => void fireEvent.click(submitButton()))
    await act(settle)
    expect(transport.send).toHaveBeenCalledTimes(1)
    expect(transport.send.mock.calls[0][0].body).toEqual({ recordId: 'rec-li-fire-penalty', commitmentId: 'c-new', attachmentIds: [] })
  })

  it('a refusal is shown in the server’s words and the form stays', async () => {
    answer({ signed: ['c-new'] })
    transport.send.mockRejectedValueOnce(httpError(409, 'REPAIR_OPEN', '该记录已有正在办理的修复申请（编号 r-1），请在该申请中查看进度'))
    render(<ApplyPage />)
    await act(settle)
    fireEvent.click(screen.getByText('上传完成'))
    await act(async () => void fireEvent.click(submitButton()))
    await act(settle)
    expect(screen.getByRole('alert').textContent).toBe('该记录已有正在办理的修复申请（编号 r-1），请在该申请中查看进度')
    expect(Taro.redirectTo).not.toHaveBeenCalled()
  })

  it('with no record repairable now, it says so and leads to the planner', async () => {
    answer({ items: [item({ state: 'later', missing: ['还需参加公益服务 4 小时（已确认 6 / 需 10 小时）'] })] })
    render(<ApplyPage />)
    await act(settle)
    expect(screen.getByText('目前没有可以申请修复的记录')).toBeTruthy()
    fireEvent.click(screen.getByText('查看修复规划'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/repair/pages/planner/index' })
  })
})
