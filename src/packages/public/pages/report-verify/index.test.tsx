import { act, fireEvent, render, screen } from '@testing-library/react'
import { ApiError } from '../../../../services/api-error'
import * as api from '../../../../services/reports-api'
import * as upload from '../../../../services/report-verify'
import * as pick from '../../../../components/uploader/pick'
import { __setRouterParams } from '../../../../../test/jest/taro-mock'
import { settle } from '../../../../../test/jest/fixtures'
import ReportVerifyPage, { lookupProblem } from '.'

jest.mock('../../../../services/reports-api', () => ({ ...jest.requireActual('../../../../services/reports-api'), fetchPublicReport: jest.fn() }))
jest.mock('../../../../services/report-verify', () => ({ verifyReportFile: jest.fn() }))
jest.mock('../../../../components/uploader/pick', () => ({ pickPdfs: jest.fn(), pickImages: jest.fn() }))
const fetchPublicReport = api.fetchPublicReport as jest.MockedFunction<typeof api.fetchPublicReport>
const verifyReportFile = upload.verifyReportFile as jest.MockedFunction<typeof upload.verifyReportFile>
const pickPdfs = pick.pickPdfs as jest.MockedFunction<typeof pick.pickPdfs>

const NUMBER = 'BG20261130K7P2QXMN'
const SHA = 'c0ffee00'.repeat(8)
const summary: api.PublicReportSummary = {
  number: NUMBER, kind: 'full', title: '公共信用信息报告', subject: { kind: 'person', name: '李**', identifier: '330102********003X' },
  generatedAt: '2026-11-30T02:00:03.000Z', validUntil: '2099-12-30', sha256: SHA,
}
const picked = (name = `${NUMBER}.pdf`, size = 80_000) => [{ localPath: 'wxfile://tmp/r.pdf', name, size, type: 'application/pdf' as const, pages: 2 }]

beforeEach(() => {
  fetchPublicReport.mockReset()
  verifyReportFile.mockReset()
  pickPdfs.mockReset()
})

async function lookup(code: string) {
  fireEvent.input(await screen.findByLabelText('核验码'), { target: { value: code } })
  fireEvent.click(screen.getByText('查询'))
  await act(settle)
}

describe('信用报告核验 (no login)', () => {
  it('when opened from the QR, then the number is filled in; a wrong-looking code is refused here, a right one shows the summary and SHA-256', async () => {
    __setRouterParams({ number: NUMBER })
    fetchPublicReport.mockResolvedValue(summary)
    render(<ReportVerifyPage />)
    expect(((await screen.findByLabelText('报告编号')) as HTMLInputElement).value).toBe(NUMBER)
    await lookup('K7P')
    expect(screen.getByRole('alert').textContent).toBe('核验码为 6 位字母或数字，请对照报告首页填写')
    expect(fetchPublicReport).not.toHaveBeenCalled()
    await lookup('k7p2qx')
    expect(fetchPublicReport).toHaveBeenCalledWith(NUMBER, 'K7P2QX')
    expect(screen.getByText('报告真实有效')).toBeTruthy()
    expect(screen.getByText('李**')).toBeTruthy()
    expect(screen.getByText('2099年12月30日')).toBeTruthy()
    expect(screen.getAllByText('c0ffee00c0ffee00')).toHaveLength(4)
  })

  it('when the server refuses (wrong code, too many checks), then its Chinese message is shown', async () => {
    __setRouterParams({ number: NUMBER })
    fetchPublicReport
      .mockRejectedValueOnce(new ApiError('REPORT_NOT_FOUND', '报告编号或核验码不正确，请核对后重新输入', 404))
      .mockRejectedValueOnce(new ApiError('RATE_LIMITED', '请求过于频繁，请 42 秒后再试', 429))
    render(<ReportVerifyPage />)
    await lookup('AAAAAA')
    expect(screen.getByRole('alert').textContent).toBe('报告编号或核验码不正确，请核对后重新输入')
    await lookup('AAAAAB')
    expect(screen.getByRole('alert').textContent).toBe('请求过于频繁，请 42 秒后再试')
    expect(screen.queryByText('报告真实有效')).toBeNull()
  })

  it('when a PDF is chosen, then it is checked against the report of the number: 与原件一致, or 已被修改 for a changed file', async () => {
    __setRouterParams({ number: NUMBER })
    pickPdfs.mockResolvedValue(picked())
    verifyReportFile.mockResolvedValueOnce({ genuine: true, verdict: '与原件一致', sha256: SHA, number: NUMBER }).mockResolvedValueOnce({ genuine: false, verdict: '已被修改', sha256: 'e'.repeat(64) })
    render(<ReportVerifyPage />)
    fireEvent.click(screen.getByText('选择 PDF 文件（从聊天中选择）'))
    await act(settle)
    expect(verifyReportFile).toHaveBeenCalledWith({ localPath: 'wxfile://tmp/r.pdf', name: `${NUMBER}.pdf`, size: 80_000 }, NUMBER)
    expect(screen.getByText('与原件一致')).toBeTruthy()
    expect(screen.getByText(`该文件与信用通出具的报告 ${NUMBER} 完全一致，未被修改。`)).toBeTruthy()
    fireEvent.click(screen.getByText('重新选择 PDF（从聊天中选择）'))
    await act(settle)
    expect(screen.getByText('已被修改')).toBeTruthy()
    expect(screen.queryByText('与原件一致')).toBeNull()
  })

  it('when the file is not a PDF or far too large, then it says so without sending it', async () => {
    __setRouterParams({})
    pickPdfs.mockResolvedValueOnce(picked('报告.docx')).mockResolvedValueOnce(picked('big.pdf', 9 * 1024 * 1024))
    render(<ReportVerifyPage />)
    fireEvent.click(screen.getByText('选择 PDF 文件（从聊天中选择）'))
    await act(settle)
    expect(screen.getByRole('alert').textContent).toBe('“报告.docx”不是 PDF 文件，请选择信用报告的 PDF')
    fireEvent.click(screen.getByText('重新选择 PDF（从聊天中选择）'))
    await act(settle)
    expect(screen.getByRole('alert').textContent).toMatch(/超过 5 MB/)
    expect(verifyReportFile).not.toHaveBeenCalled()
  })

  it('checks the number’s shape before asking', () => {
    expect(lookupProblem('', 'K7P2QX')).toBe('请填写报告编号')
    expect(lookupProblem('BG2026', 'K7P2QX')).toMatch(/BG 加 16 位/)
    expect(lookupProblem(NUMBER, '')).toBe('请填写 6 位核验码')
    expect(lookupProblem(NUMBER, 'K7P2QX')).toBeNull()
  })
})
