import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { officerObjection } from '../../../../features/objections/testing'
import * as objectionsApi from '../../../../services/objections-api'
import { ApiError } from '../../../../services/api-error'
import { useAuthStore } from '../../../../stores/auth'
import { useConsentStore } from '../../../../stores/consent'
import { loginResponse, profile, resetModuleMocks, settle } from '../../../../../test/jest/fixtures'
import { __setRouterParams } from '../../../../../test/jest/taro-mock'
import OfficerObjectionPage from '.'

jest.mock('../../../../services/objections-api')
const api = objectionsApi as jest.Mocked<typeof objectionsApi>
const officer = profile({ id: 'user-staff-officer', roles: ['officer'], orgName: '杭州市信用办' })
const type = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value }, detail: { value } })

beforeEach(() => {
  resetModuleMocks(objectionsApi)
  useConsentStore.getState().accept()
  __setRouterParams({ id: 'obj-1' })
  ;(Taro.showModal as jest.Mock).mockResolvedValue({ confirm: true })
})

describe('异议办理', () => {
  it('a citizen sees no case: the page says it is for officers and loads nothing', async () => {
    useAuthStore.getState().setSession(loginResponse())
    render(<OfficerObjectionPage />)
    await act(settle)
    expect(screen.getByText('无权限')).toBeTruthy()
    expect(api.fetchOfficerObjection).not.toHaveBeenCalled()
  })

  it('a case transferred to another department is shown without actions the credit authority may no longer take', async () => {
    useAuthStore.getState().setSession(loginResponse(officer))
    const steps = officerObjection().steps.map((st) => (st.status === '核查中' ? { ...st, done: true } : st))
    steps.splice(2, 0, { status: '已转办', done: true, at: '2026-12-01T02:00:00.000Z', actor: '杭州市信用办', department: '杭州市住房保障和房产管理局', transferNote: '请核查', dueDate: '2026-12-04', dueDateEstimated: false, overdue: false, note: null } as never)
    api.fetchOfficerObjection.mockResolvedValue(officerObjection({ status: '已转办', actions: [], steps }))
    render(<OfficerObjectionPage />)
    await act(settle)
    expect(screen.getByText('该异议已转办至杭州市住房保障和房产管理局，由该部门核查并作出决定。')).toBeTruthy()
    expect(screen.queryByText('作出决定')).toBeNull()
    expect(screen.queryByText(/的决定$/)).toBeNull()
    expect(screen.queryByText('受理')).toBeNull()
  })

  it('a new case is accepted; an accepted one is decided after confirming, and a refusal shows in Chinese', async () => {
    useAuthStore.getState().setSession(loginResponse(officer))
    api.fetchOfficerObjection.mockResolvedValueOnce(officerObjection())
    api.acceptObjection.mockResolvedValue(officerObjection({ status: '核查中' }))
    render(<OfficerObjectionPage />)
    await act(settle)
    expect(screen.getByText('办理期限 2026-12-07')).toBeTruthy()
    expect(screen.getByText('未提交证明材料')).toBeTruthy()
    api.fetchOfficerObjection.mockResolvedValue(officerObjection({ status: '核查中' }))
    await act(async () => void fireEvent.click(screen.getByText('受理')))
    await act(settle)
    expect(api.acceptObjection).toHaveBeenCalledWith('obj-1')
    expect(screen.getByText('作出决定')).toBeTruthy()

    api.decideObjection.mockRejectedValue(new ApiError('OBJECTION_STATE', '该异议已办结，不能再次处理', 409))
    fireEvent.click(screen.getByRole('radio', { name: /维持/ }))
    type('决定理由', '法院未出具结案文书。')
    await act(async () => void fireEvent.click(screen.getByText('提交决定')))
    await act(settle)
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '确定作出“维持”决定？' }))
    expect(api.decideObjection).toHaveBeenCalledWith('obj-1', { outcome: 'uphold', reasons: '法院未出具结案文书。' })
    expect(screen.getByRole('alert').textContent).toBe('该异议已办结，不能再次处理')
  })
})
