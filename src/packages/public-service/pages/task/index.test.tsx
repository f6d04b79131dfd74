import { act, fireEvent, render, screen } from '@testing-library/react'
import * as api from '../../../../services/public-service-api'
import { useAuthStore } from '../../../../stores/auth'
import { useConsentStore } from '../../../../stores/consent'
import { outboxRetry } from '../../../../services/outbox/backoff'
import { resetOutboxRunner, setOutboxTransport } from '../../../../services/outbox/runner'
import { useOutboxStore } from '../../../../services/outbox/store'
import { fakeTransport, httpError, type FakeTransport } from '../../../../services/outbox/testing'
import { task } from '../../../../features/public-service/testing/fixtures'
import { loginResponse, settle } from '../../../../../test/jest/fixtures'
import { __setRouterParams } from '../../../../../test/jest/taro-mock'
import TaskPage from '.'

jest.mock('../../../../services/public-service-api', () => ({ ...jest.requireActual('../../../../services/public-service-api'), fetchTask: jest.fn() }))
const fetchTask = api.fetchTask as jest.MockedFunction<typeof api.fetchTask>

let transport: FakeTransport
const baseDelayMs = outboxRetry.baseDelayMs
beforeEach(() => {
  jest.useFakeTimers({ now: Date.parse('2026-11-30T10:00:00+08:00'), doNotFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'nextTick', 'queueMicrotask'] })
  fetchTask.mockReset()
  resetOutboxRunner()
  useOutboxStore.setState({ items: [], drafts: {} })
  transport = fakeTransport()
  setOutboxTransport(transport)
  outboxRetry.baseDelayMs = 10 * 60_000
  useConsentStore.getState().accept()
  useAuthStore.getState().setSession(loginResponse())
  __setRouterParams({ id: 'task-hubin-cleanup' })
})
afterEach(() => jest.useRealTimers())
afterAll(() => {
  outboxRetry.baseDelayMs = baseDelayMs
})

async function open() {
  render(<TaskPage />)
  await act(settle)
}

describe('公益任务详情: booking', () => {
  it('shows when to check in and out, books the last seat through the outbox, and then offers 取消预约', async () => {
    fetchTask
      .mockResolvedValueOnce(task())
      .mockResolvedValueOnce(task({ booked: 20, myBooking: { id: 'b-1', stage: 'booked', stageLabel: '已预约' } }))
      .mockResolvedValueOnce(task())
    await open()
    expect(screen.getByText('剩余 1 / 20 个名额')).toBeTruthy()
    // the date and the time are separate unbreakable fields of the row (长辈模式 wraps between them)
    const row = (text: string) => screen.getByText((_, el) => Boolean(el?.classList.contains('ps-row-value') && el.textContent === text))
    expect(row('2026-12-02 08:30 起，至任务结束')).toBeTruthy()
    expect(screen.getByText(/服务时长在组织方确认后计入/)).toBeTruthy()
    fireEvent.click(screen.getByText('预约报名'))
    await act(settle)
    expect(transport.send).toHaveBeenCalledWith({ url: '/public-service/tasks/task-hubin-cleanup/bookings', body: {}, idempotencyKey: expect.any(String), subject: null })
    expect(screen.getByText('已预约')).toBeTruthy()
    expect(screen.getByText('名额已满（20 人）')).toBeTruthy()
    expect(screen.queryByText('预约报名')).toBeNull()

    fireEvent.click(screen.getByText('取消预约'))
    await act(settle)
    expect(transport.send).toHaveBeenLastCalledWith({ url: '/public-service/bookings/b-1/cancel', body: {}, idempotencyKey: expect.any(String), subject: null })
    // the page loads the task again after each: the seat is free again
    expect(fetchTask).toHaveBeenCalledTimes(3)
    expect(screen.getByText('预约报名')).toBeTruthy()
    expect(screen.getByText('剩余 1 / 20 个名额')).toBeTruthy()
  })

  it('when the seat went to someone else meanwhile, then the server\'s reason shows and nothing stays in 待发送', async () => {
    fetchTask.mockResolvedValueOnce(task()).mockResolvedValueOnce(task({ booked: 20, open: false, closedReason: '该公益任务名额已满，请选择其他任务' }))
    transport.send.mockRejectedValueOnce(httpError(409, 'TASK_FULL', '该公益任务名额已满，请选择其他任务'))
    await open()
    fireEvent.click(screen.getByText('预约报名'))
    await act(settle)
    expect(screen.getByRole('alert').textContent).toBe('该公益任务名额已满，请选择其他任务')
    expect(screen.queryByText('预约报名')).toBeNull()
    expect(useOutboxStore.getState().items).toEqual([])
  })

  it('a task that has started offers no cancellation, only the way to check in and out', async () => {
    jest.setSystemTime(Date.parse('2026-12-02T09:10:00+08:00'))
    fetchTask.mockResolvedValueOnce(task({ open: false, closedReason: '该公益任务已开始或已结束，不能再预约', myBooking: { id: 'b-1', stage: 'checked_in', stageLabel: '已签到' } }))
    await open()
    expect(screen.getByText('已签到')).toBeTruthy()
    expect(screen.queryByText('取消预约')).toBeNull()
    expect(screen.getByText('到现场扫码签到 / 签退')).toBeTruthy()
  })

  it('checked in during the half hour before the start: no cancellation is offered any more', async () => {
    jest.setSystemTime(Date.parse('2026-12-02T08:45:00+08:00'))
    fetchTask.mockResolvedValueOnce(task({ open: false, closedReason: '该公益任务的报名已截止', myBooking: { id: 'b-1', stage: 'checked_in', stageLabel: '已签到' } }))
    await open()
    expect(screen.getByText('已签到')).toBeTruthy()
    expect(screen.queryByText('取消预约')).toBeNull()
    expect(screen.getByText('到现场扫码签到 / 签退').closest('.btn')?.className).toContain('btn-primary')
  })

  it('a task that does not exist (or not any more) says so', async () => {
    fetchTask.mockRejectedValueOnce(httpError(404, 'NOT_FOUND', '公益任务不存在或无权查看'))
    await open()
    expect(screen.getByText('该公益任务不存在')).toBeTruthy()
  })
})
