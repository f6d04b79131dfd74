import { act, fireEvent, render, screen } from '@testing-library/react'
import type { OrganizerTask } from '../../../../services/public-service-api'
import { useAuthStore } from '../../../../stores/auth'
import { outboxRetry } from '../../../../services/outbox/backoff'
import { resetOutboxRunner, setOutboxTransport } from '../../../../services/outbox/runner'
import { useOutboxStore } from '../../../../services/outbox/store'
import { fakeTransport, httpError, type FakeTransport } from '../../../../services/outbox/testing'
import { task as serviceTask } from '../../testing/fixtures'
import { loginResponse, settle } from '../../../../../test/jest/fixtures'
import CancelTask from '.'

const { myBooking: _m, open: _o, closedReason: _c, ...base } = serviceTask()
const task = (over: Partial<OrganizerTask> = {}): OrganizerTask => ({ ...base, confirmed: 0, ...over })
const BEFORE_END = () => Date.parse('2026-12-02T10:00:00+08:00')
const AFTER_END = () => Date.parse('2026-12-02T12:00:01+08:00')

let transport: FakeTransport
const baseDelayMs = outboxRetry.baseDelayMs
beforeEach(() => {
  resetOutboxRunner()
  useOutboxStore.setState({ items: [], drafts: {} })
  transport = fakeTransport()
  setOutboxTransport(transport)
  outboxRetry.baseDelayMs = 10 * 60_000
  useAuthStore.getState().setSession(loginResponse())
})
afterAll(() => {
  outboxRetry.baseDelayMs = baseDelayMs
})

const reasonBox = () => screen.getByLabelText('取消原因')
// The platform's textarea reports what was typed in the event's detail.
const type = (text: string) => act(() => void reasonBox().dispatchEvent(new CustomEvent('input', { detail: { value: text } })))

describe('取消活动 (organizer)', () => {
  it('asks for the reason in a dialog, says who will be told, and sends it; the page reloads', async () => {
    const onDone = jest.fn()
    render(<CancelTask task={task()} affected={3} onDone={onDone} now={BEFORE_END} />)
    expect(screen.queryByRole('dialog')).toBeNull()
    fireEvent.click(screen.getByText('取消活动'))
    expect(screen.getByRole('dialog')).toBeTruthy()
    expect(screen.getByText(/已报名的 3 人将收到取消通知（含您填写的原因）/)).toBeTruthy()

    fireEvent.click(screen.getByText('确认取消'))
    expect(screen.getByRole('alert').textContent).toBe('请填写取消原因，它将原样发送给已报名的人员')
    expect(transport.send).not.toHaveBeenCalled()

    type('  场地临时被占用  ')
    fireEvent.click(screen.getByText('确认取消'))
    await act(settle)
    expect(transport.send).toHaveBeenCalledWith({ url: '/organizer/tasks/task-hubin-cleanup/cancel', body: { reason: '场地临时被占用' }, idempotencyKey: expect.any(String), subject: null })
    expect(onDone).toHaveBeenCalled()
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('再想想 closes the dialog without sending anything', () => {
    render(<CancelTask task={task()} affected={0} onDone={jest.fn()} now={BEFORE_END} />)
    fireEvent.click(screen.getByText('取消活动'))
    expect(screen.getByText(/不再显示在任务列表中/)).toBeTruthy()
    fireEvent.click(screen.getByText('再想想'))
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(transport.send).not.toHaveBeenCalled()
  })

  it('a refusal from the server (the task ended meanwhile) shows in the dialog and nothing stays in 待发送', async () => {
    transport.send.mockRejectedValueOnce(httpError(409, 'TASK_ENDED', '该任务已于 2026-12-02 12:00 结束，不能再取消；如需更正时长，请在报名名单中操作'))
    const onDone = jest.fn()
    render(<CancelTask task={task()} affected={1} onDone={onDone} now={BEFORE_END} />)
    fireEvent.click(screen.getByText('取消活动'))
    type('下雨')
    fireEvent.click(screen.getByText('确认取消'))
    await act(settle)
    expect(screen.getByRole('alert').textContent).toMatch(/结束，不能再取消/)
    expect(onDone).not.toHaveBeenCalled()
    expect(useOutboxStore.getState().items).toEqual([])
  })

  it('a cancelled task says when and why instead of the button; an ended task offers nothing', () => {
    const { unmount } = render(<CancelTask task={task({ cancelled: { at: '2026-12-01T02:00:00.000Z', reason: '天气预报有暴雨' } })} affected={0} onDone={jest.fn()} now={BEFORE_END} />)
    expect(screen.getByText('活动已取消')).toBeTruthy()
    expect(screen.getByText('2026-12-01 10:00 取消，原因：天气预报有暴雨')).toBeTruthy()
    expect(screen.queryByText('取消活动')).toBeNull()
    unmount()
    render(<CancelTask task={task()} affected={2} onDone={jest.fn()} now={AFTER_END} />)
    expect(screen.queryByText('取消活动')).toBeNull()
  })
})
