import { act, fireEvent, render, screen } from '@testing-library/react'
import { ApiError } from '../../../../services/api-error'
import * as repairsApi from '../../../../services/repairs-api'
import type { OfficerRepairCase } from '../../../../services/repairs-api'
import { useAuthStore } from '../../../../stores/auth'
import { useConsentStore } from '../../../../stores/consent'
import { loginResponse, profile, resetModuleMocks, settle } from '../../../../../test/jest/fixtures'
import { __setRouterParams } from '../../../../../test/jest/taro-mock'
import RepairCasePage from '.'

jest.mock('../../../../services/repairs-api')
const api = jest.mocked(repairsApi)

const officer = profile({ id: 'user-staff-officer', name: '马*', roles: ['citizen', 'officer'], orgName: '杭州市发展和改革委员会（市信用办）' })
const step = (status: string, extra = {}) => ({ status, title: status, done: false, at: null, actor: null, dueDate: null, dueDateEstimated: false, overdue: false, note: null, ...extra })
const repairCase = (extra: Partial<OfficerRepairCase> = {}): OfficerRepairCase => ({
  id: 'r-1', status: '审核中', recordId: 'rec-li-fire-penalty', filedAt: '2026-11-30T02:00:00.000Z', dueDate: '2026-12-17', dueDateEstimated: false, dueDateNote: null, overdue: false,
  scoreExpected: 620, outcome: null, outcomeLabel: null, decisionReasons: null, decidedAt: null,
  commitment: { id: 'c-1', receiptNo: 'CP20261130ABCDEFGH', title: '信用修复承诺书', signedAt: '2026-11-30T01:50:00.000Z' },
  steps: [step('已提交', { done: true }), step('平台审核', { dueDate: '2026-12-14' }), step('作出决定', { dueDate: '2026-12-17' })],
  attachments: [{ id: 'u-1', type: 'application/pdf', size: 52_000, url: '/api/uploads/u-1' }],
  subject: { kind: 'person', name: '李建国' },
  record: {
    id: 'rec-li-fire-penalty', kind: '行政处罚', polarity: 'negative', legalBasis: null, publicityStart: '2026-07-03', list: null,
    title: '经营场所未保持疏散通道畅通', status: '公示中', severity: '一般', department: '杭州市上城区消防救援大队', documentNo: '杭上消行罚决字〔2026〕0128号',
    decisionDate: '2026-07-03', publicityEnd: '2027-07-03', content: '罚款。', obligation: { duty: '缴纳罚款 5,000 元', metOn: null, source: null }, history: [{ at: '2026-07-03T01:00:00.000Z', actor: '杭州市上城区消防救援大队', status: '公示中', reason: '依法作出决定并向社会公示' }],
  },
  hours: { required: 10, confirmed: 10 },
  score: { now: 570, after: 620 },
  ...extra,
})

beforeEach(() => {
  resetModuleMocks(repairsApi)
  useConsentStore.getState().accept()
  useAuthStore.getState().setSession(loginResponse(officer))
  __setRouterParams({ id: 'r-1' })
})

describe('修复申请审核', () => {
  it('shows the materials, the hours record and the score change; a decision needs reasons', async () => {
    api.fetchRepairCase.mockResolvedValue(repairCase())
    render(<RepairCasePage />)
    await act(settle)
    expect(screen.getByText('申请人：李建国（个人）')).toBeTruthy()
    expect(screen.getByText('公益服务时长：已确认 10 小时 / 需 10 小时（已满足）')).toBeTruthy()
    expect(screen.getByText('信用分：现 570 分，准予修复后 620 分')).toBeTruthy()
    expect(screen.getByText('履行证明（1 个文件）')).toBeTruthy()
    expect(screen.getByText('应履行义务：缴纳罚款 5,000 元 · 尚未查到履行记录（请核对申请人上传的履行证明，准予修复即记为已履行）')).toBeTruthy()
    expect(screen.getByText(/《信用修复承诺书》回执 CP20261130ABCDEFGH/)).toBeTruthy()
    expect(screen.getByText('答复期限 2026-12-14 · 决定期限 2026-12-17')).toBeTruthy()
    fireEvent.click(screen.getByText('不予修复'))
    expect(screen.getByRole('alert').textContent).toBe('请填写不予修复的理由，市民据此补正')
    expect(api.decideRepair).not.toHaveBeenCalled()
  })

  it('approving sends the decision once per tap (the same key for a retry) and shows the outcome', async () => {
    api.fetchRepairCase.mockResolvedValueOnce(repairCase())
    api.decideRepair.mockRejectedValueOnce(new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试'))
    render(<RepairCasePage />)
    await act(settle)
    // The platform's textarea reports what was typed in the event's detail.
    act(() => void screen.getByLabelText('决定理由').dispatchEvent(new CustomEvent('input', { detail: { value: '已缴清罚款并完成公益服务，准予修复。' } })))
    await act(async () => void fireEvent.click(screen.getByText('准予修复')))
    await act(settle)
    expect(screen.getByRole('alert').textContent).toBe('网络连接失败，请检查网络后重试')
    api.decideRepair.mockResolvedValueOnce(repairCase({ status: '已通过' }))
    api.fetchRepairCase.mockResolvedValueOnce(repairCase({ status: '已通过', outcomeLabel: '准予修复', decisionReasons: '已缴清罚款并完成公益服务，准予修复。', decidedAt: '2026-11-30T03:00:00.000Z' }))
    await act(async () => void fireEvent.click(screen.getByText('准予修复')))
    await act(settle)
    const calls = api.decideRepair.mock.calls
    expect(calls.map((c) => c[1])).toEqual([{ outcome: 'approve', reasons: '已缴清罚款并完成公益服务，准予修复。' }, { outcome: 'approve', reasons: '已缴清罚款并完成公益服务，准予修复。' }])
    expect(calls[0][2]).toBe(calls[1][2])
    expect(screen.getByText(/^准予修复：已缴清罚款并完成公益服务，准予修复。/)).toBeTruthy()
    expect(screen.queryByLabelText('决定理由')).toBeNull()
  })

  it('a citizen account sees 无权限 and nothing is loaded', async () => {
    useAuthStore.getState().setSession(loginResponse())
    render(<RepairCasePage />)
    await act(settle)
    expect(screen.getByText('无权限')).toBeTruthy()
    expect(api.fetchRepairCase).not.toHaveBeenCalled()
  })
})
