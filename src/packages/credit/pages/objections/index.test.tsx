import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { objection } from '../../../../features/objections/testing'
import * as objectionsApi from '../../../../services/objections-api'
import { useAuthStore } from '../../../../stores/auth'
import { useConsentStore } from '../../../../stores/consent'
import { loginResponse, resetModuleMocks, settle } from '../../../../../test/jest/fixtures'
import { __firePageEvent } from '../../../../../test/jest/taro-mock'
import MyObjectionsPage from '.'

jest.mock('../../../../services/objections-api')
const fetchMine = objectionsApi.fetchMyObjections as jest.MockedFunction<typeof objectionsApi.fetchMyObjections>

beforeEach(() => {
  resetModuleMocks(objectionsApi)
  useConsentStore.getState().accept()
  useAuthStore.getState().setSession(loginResponse())
})

describe('我的异议', () => {
  it('lists each case with its state and due date, overdue in words, the decided with their outcome; scrolling loads the next page', async () => {
    const decided = objection({
      id: 'obj-2', status: '已办结', recordTitle: '欠缴物业费', outcome: 'revoke',
      steps: [{ status: '已办结', done: true, at: '2026-11-20T02:00:00.000Z', actor: '信用办', dueDate: '2026-11-25', dueDateEstimated: false, overdue: false, note: null, outcome: 'revoke', outcomeLabel: '撤销', reasons: '记录有误' }],
    })
    fetchMine.mockResolvedValueOnce({ items: [objection({ status: '核查中', overdue: true, dueDate: '2026-11-27' })], nextCursor: 'c1' })
    fetchMine.mockResolvedValueOnce({ items: [decided], nextCursor: null })
    render(<MyObjectionsPage />)
    await act(settle)
    expect(screen.getByText('拖欠公租房租金')).toBeTruthy()
    expect(screen.getByText('已逾期（办理期限 2026-11-27）')).toBeTruthy()
    await act(async () => __firePageEvent('reachBottom'))
    await act(settle)
    expect(fetchMine).toHaveBeenLastCalledWith('c1')
    expect(screen.getByText('已办结：撤销')).toBeTruthy()
    expect(screen.getByText('已显示全部 2 件异议')).toBeTruthy()
    fireEvent.click(screen.getByText('欠缴物业费'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/credit/pages/objection/index?id=obj-2' })
  })

  it('with none, then it says how to file one and leads to the records', async () => {
    fetchMine.mockResolvedValue({ items: [], nextCursor: null })
    render(<MyObjectionsPage />)
    await act(settle)
    expect(screen.getByText('还没有提出过异议')).toBeTruthy()
    fireEvent.click(screen.getByText('查看信用记录'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/credit/pages/records/index' })
  })
})
