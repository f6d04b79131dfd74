import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import * as api from '../../../../services/commitments-api'
import { useAuthStore } from '../../../../stores/auth'
import { useConsentStore } from '../../../../stores/consent'
import { loginResponse, resetModuleMocks, settle } from '../../../../../test/jest/fixtures'
import MyCommitmentsPage from '.'

jest.mock('../../../../services/commitments-api')
const fetchMine = api.fetchMyCommitments as jest.MockedFunction<typeof api.fetchMyCommitments>

const item = (id: string, status: api.CommitmentStatus): api.Commitment => ({
  id,
  receiptNo: `CP20261122${id.toUpperCase().padEnd(8, 'K')}`,
  template: { id: 'tpl-person-integrity', version: 1, kind: '主动公示型', title: '个人诚信承诺书' },
  subject: { kind: 'person', name: '陈**', uscc: null },
  signerRelation: '本人',
  textSha256: 'a'.repeat(64),
  signatureSha256: 'b'.repeat(64),
  status,
  statusReason: null,
  recordId: null,
  signedAt: '2026-11-22T02:30:00.000Z',
})

beforeEach(() => {
  resetModuleMocks(api)
  // a session comes only after the privacy consent
  useConsentStore.getState().accept()
  useAuthStore.getState().setSession(loginResponse())
})

describe('我的承诺', () => {
  it('lists the commitments with status in colour and words, pages on, and opens a receipt', async () => {
    fetchMine.mockResolvedValueOnce({ items: [item('a', '履约中'), item('b', '已履约')], nextCursor: 'p2' }).mockResolvedValueOnce({ items: [item('c', '违诺')], nextCursor: null })
    render(<MyCommitmentsPage />)
    await act(settle)
    expect(screen.getByText('履约中').className).toContain('tag-accent')
    expect(screen.getByText('已履约').className).toContain('tag-ok')
    fireEvent.click(screen.getByText('加载更多'))
    await act(settle)
    expect(fetchMine).toHaveBeenLastCalledWith('p2')
    expect(screen.getByText('违诺').className).toContain('cm-tag-danger')
    fireEvent.click(screen.getAllByRole('link')[2])
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/commitments/pages/receipt/index?id=c' })
  })

  it('when nothing is signed yet, then it says how to sign', async () => {
    fetchMine.mockResolvedValue({ items: [], nextCursor: null })
    render(<MyCommitmentsPage />)
    await act(settle)
    expect(screen.getByText('还没有签署过信用承诺')).toBeTruthy()
    fireEvent.click(screen.getByText('去签署承诺'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/commitments/pages/index/index' })
  })
})
