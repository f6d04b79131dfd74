import { act, fireEvent, render, screen } from '@testing-library/react'
import { ApiError } from '../../../../services/api-error'
import * as api from '../../../../services/commitments-api'
import { resetModuleMocks, settle } from '../../../../../test/jest/fixtures'
import { __setRouterParams } from '../../../../../test/jest/taro-mock'
import VerifyPage from '.'

jest.mock('../../../../services/commitments-api')
const verify = api.verifyReceipt as jest.MockedFunction<typeof api.verifyReceipt>

const receipt: api.ReceiptVerification = {
  valid: true,
  receiptNo: 'CP20261122K7QM2XRD',
  template: { id: 'tpl-public-integrity', version: 2, kind: '主动公示型', title: '企业诚信经营承诺书' },
  subject: { kind: 'enterprise', name: '杭州云栖数字科技有限公司', uscc: '91330106MA2H3K5Q7N' },
  signerRelation: '法定代表人',
  textSha256: '6f75d69aea44f046a6254f17912262cc286b2bd3b4b4eb39cf50874549190ce6',
  status: '履约中',
  statusReason: null,
  signedAt: '2026-11-22T02:30:00.000Z',
}

beforeEach(() => resetModuleMocks(api))

describe('回执核验', () => {
  it('when opened from a QR code with ?no=, then the receipt is verified at once and its facts shown', async () => {
    __setRouterParams({ no: 'cp20261122k7qm2xrd' })
    verify.mockResolvedValue(receipt)
    render(<VerifyPage />)
    await act(settle)
    expect(verify).toHaveBeenCalledWith('CP20261122K7QM2XRD')
    expect(screen.getByText('回执有效')).toBeTruthy()
    expect(screen.getByText('杭州云栖数字科技有限公司')).toBeTruthy()
    expect(screen.getByText('91330106MA2H3K5Q7N')).toBeTruthy()
    expect(screen.getByText('法定代表人')).toBeTruthy()
    expect(screen.getByText('2026-11-22 10:30')).toBeTruthy()
    expect(screen.queryByText('6f75d69a…49190ce6')).toBeNull() // behind 详情
    fireEvent.click(screen.getByText('详情'))
    expect(screen.getByText('6f75d69a…49190ce6')).toBeTruthy()
    expect(screen.getByText('履约中')).toBeTruthy()
  })

  it('when an unknown number is typed, then the plain not-found message is shown', async () => {
    const message = '未找到编号为 CP20260101AAAAAAAA 的承诺回执，请核对编号；该编号不是信用通出具的有效回执'
    verify.mockRejectedValue(new ApiError('RECEIPT_NOT_FOUND', message, 404))
    render(<VerifyPage />)
    fireEvent.input(await screen.findByLabelText('回执编号'), { target: { value: ' cp20260101aaaaaaaa ' } })
    fireEvent.click(screen.getByText('核验'))
    await act(settle)
    expect(verify).toHaveBeenCalledWith('CP20260101AAAAAAAA')
    expect(screen.getByText('未找到该回执')).toBeTruthy()
    expect(screen.getByText(message)).toBeTruthy()
    expect(screen.queryByText('回执有效')).toBeNull()
  })

  it('when nothing is typed, then it asks for a number and calls nobody', async () => {
    render(<VerifyPage />)
    await act(settle)
    fireEvent.click(screen.getByText('核验'))
    expect(screen.getByText('请输入回执编号')).toBeTruthy()
    expect(verify).not.toHaveBeenCalled()
  })
})
