import { act, fireEvent, render, screen } from '@testing-library/react'
import { ApiError } from '../../../../services/api-error'
import * as api from '../../../../services/reports-api'
import * as file from '../../../../services/report-file'
import { POLL_DELAYS_MS } from '../../../../features/reports/use-report-progress'
import { useAuthStore } from '../../../../stores/auth'
import { useConsentStore } from '../../../../stores/consent'
import { loginResponse, profile, resetModuleMocks } from '../../../../../test/jest/fixtures'
import { __setRouterParams } from '../../../../../test/jest/taro-mock'
import ReportDetailPage from '.'

jest.mock('../../../../services/reports-api', () => ({ ...jest.requireActual('../../../../services/reports-api'), fetchReport: jest.fn() }))
jest.mock('../../../../services/report-file', () => ({ DOWNLOAD_ACTION: '下载报告', openReportFile: jest.fn() }))
const fetchReport = api.fetchReport as jest.MockedFunction<typeof api.fetchReport>
const openReportFile = file.openReportFile as jest.MockedFunction<typeof file.openReportFile>

const pending: api.Report = {
  id: '6f1c2b9e-3d4a-4f5b-8c7d-1e2f3a4b5c6d', kind: 'full', status: 'pending', number: 'BG20261130K7P2QXMN', verificationCode: 'K7P2QX',
  sha256: null, params: {}, createdAt: '2026-11-30T02:00:00.000Z', readyAt: null,
}
const ready: api.Report = { ...pending, status: 'ready', sha256: 'ab12'.repeat(16), readyAt: '2026-11-30T02:00:03.000Z' }
const advance = (ms: number) => act(async () => void (await jest.advanceTimersByTimeAsync(ms)))

beforeEach(() => {
  jest.useFakeTimers()
  resetModuleMocks({ fetchReport, openReportFile })
  useConsentStore.getState().accept()
  useAuthStore.getState().setSession(loginResponse(profile()))
  __setRouterParams({ id: pending.id })
})
afterEach(() => jest.useRealTimers())

describe('信用报告 detail', () => {
  it('while the job runs, then it shows the progress and asks again less and less often; once ready, number, code, validity and SHA-256', async () => {
    fetchReport.mockResolvedValueOnce(pending).mockResolvedValueOnce(pending).mockResolvedValueOnce(pending).mockResolvedValue(ready)
    render(<ReportDetailPage />)
    await advance(0)
    expect(screen.getByText('报告生成中')).toBeTruthy()
    expect(screen.getByText('生成 PDF 并加盖电子签章…')).toBeTruthy()
    expect(fetchReport).toHaveBeenCalledTimes(1)
    // Backoff: the second poll after the first delay, the third only after the (longer) second.
    await advance(POLL_DELAYS_MS[0])
    expect(fetchReport).toHaveBeenCalledTimes(2)
    await advance(POLL_DELAYS_MS[1] - 1)
    expect(fetchReport).toHaveBeenCalledTimes(2)
    await advance(1)
    expect(fetchReport).toHaveBeenCalledTimes(3)
    await advance(POLL_DELAYS_MS[2])
    expect(fetchReport).toHaveBeenCalledTimes(4)
    expect(screen.queryByText('报告生成中')).toBeNull()
    expect(screen.getByText('BG20261130K7P2QXMN')).toBeTruthy()
    expect(screen.getByText('K7P2QX')).toBeTruthy()
    expect(screen.getByText('2026年12月30日')).toBeTruthy()
    expect(screen.getAllByText('ab12ab12ab12ab12')).toHaveLength(4)
    // Ready: no more polling.
    await advance(60_000)
    expect(fetchReport).toHaveBeenCalledTimes(4)
  })

  it('when a poll fails on the way, then the progress stays with a note and the next poll goes on', async () => {
    fetchReport.mockResolvedValueOnce(pending).mockRejectedValueOnce(new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试')).mockResolvedValue(ready)
    render(<ReportDetailPage />)
    await advance(0)
    await advance(POLL_DELAYS_MS[0])
    expect(screen.getByText('报告生成中')).toBeTruthy()
    expect(screen.getByText(/暂时无法刷新进度（网络连接失败/)).toBeTruthy()
    await advance(POLL_DELAYS_MS[1])
    expect(screen.getByText('K7P2QX')).toBeTruthy()
  })

  it('when ready, then 下载报告 fetches the file of this report and says where it went; a refusal shows in Chinese', async () => {
    fetchReport.mockResolvedValue(ready)
    openReportFile.mockResolvedValueOnce('已下载 BG20261130K7P2QXMN.pdf').mockRejectedValueOnce(new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试'))
    render(<ReportDetailPage />)
    await advance(0)
    fireEvent.click(screen.getByText('下载报告'))
    await advance(0)
    expect(openReportFile).toHaveBeenCalledWith(ready.id, ready.number)
    expect(screen.getByRole('status').textContent).toBe('已下载 BG20261130K7P2QXMN.pdf')
    fireEvent.click(screen.getByText('下载报告'))
    await advance(0)
    expect(screen.getByRole('alert').textContent).toBe('网络连接失败，请检查网络后重试')
  })

  it('when the generation failed, then it says so and offers 重新生成; another subject’s report reads as not found', async () => {
    fetchReport.mockResolvedValueOnce({ ...pending, status: 'failed' })
    const view = render(<ReportDetailPage />)
    await advance(0)
    expect(screen.getByText('报告生成失败')).toBeTruthy()
    expect(screen.getByText('重新生成')).toBeTruthy()
    view.unmount()

    fetchReport.mockRejectedValueOnce(new ApiError('NOT_FOUND', '信用报告不存在或无权查看', 404))
    render(<ReportDetailPage />)
    await advance(0)
    expect(screen.getByText('信用报告不存在或无权查看')).toBeTruthy()
    await advance(30_000)
    expect(fetchReport).toHaveBeenCalledTimes(2)
  })
})
