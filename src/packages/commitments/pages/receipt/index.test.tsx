import { act, fireEvent, render, screen } from '@testing-library/react'
import * as api from '../../../../services/commitments-api'
import { useAuthStore } from '../../../../stores/auth'
import { useConsentStore } from '../../../../stores/consent'
import { loginResponse, resetModuleMocks, settle } from '../../../../../test/jest/fixtures'
import { __setRouterParams } from '../../../../../test/jest/taro-mock'
import { scanRenderedQr } from '../../../../../test/jest/qr-scan'
import ReceiptPage from '.'

jest.mock('../../../../services/commitments-api')
const fetchCommitment = api.fetchCommitment as jest.MockedFunction<typeof api.fetchCommitment>

beforeEach(() => resetModuleMocks(api))

describe('承诺回执', () => {
  it('when a commitment was just signed, then its receipt number, facts, status and a verify QR code show', async () => {
    useConsentStore.getState().accept()
    useAuthStore.getState().setSession(loginResponse())
    __setRouterParams({ id: 'c-1', new: '1' })
    fetchCommitment.mockResolvedValue({
      id: 'c-1',
      receiptNo: 'CP20261122K7QM2XRD',
      template: { id: 'tpl-public-integrity', version: 2, kind: '主动公示型', title: '企业诚信经营承诺书' },
      subject: { kind: 'enterprise', name: '杭州云栖数字科技有限公司', uscc: '91330106MA2H3K5Q7N' },
      signerRelation: '法定代表人',
      textSha256: '6f75d69aea44f046a6254f17912262cc286b2bd3b4b4eb39cf50874549190ce6',
      signatureSha256: 'b'.repeat(64),
      status: '履约中',
      statusReason: null,
      recordId: null,
      signedAt: '2026-11-22T02:30:00.000Z',
      text: '本单位郑重承诺：\n一、……',
    })
    render(<ReceiptPage />)
    await act(settle)
    expect(fetchCommitment).toHaveBeenCalledWith('c-1')
    expect(screen.getByText('签署成功')).toBeTruthy()
    expect(screen.getByText('CP20261122K7QM2XRD')).toBeTruthy()
    expect(screen.getByText('第 2 版 · 主动公示型')).toBeTruthy()
    expect(screen.queryByText('6f75d69a…49190ce6')).toBeNull() // behind 详情
    fireEvent.click(screen.getByText('详情'))
    expect(screen.getByText('6f75d69a…49190ce6')).toBeTruthy()
    expect(screen.getByText('已在“承诺公示”中向社会公开')).toBeTruthy()
    const qr = screen.getByRole('img', { name: '回执 CP20261122K7QM2XRD 的核验二维码' })
    // a phone's camera reads the verify page of this receipt (the mini-program path)
    expect(scanRenderedQr(qr)).toBe('packages/commitments/pages/verify/index?no=CP20261122K7QM2XRD')
  })
})
