import { act, render, screen } from '@testing-library/react'
import * as api from '../../../../services/public-service-api'
import type { ServiceBooking } from '../../../../services/public-service-api'
import { useAuthStore } from '../../../../stores/auth'
import { useConsentStore } from '../../../../stores/consent'
import { loginResponse, settle } from '../../../../../test/jest/fixtures'
import BookingsPage from '.'

jest.mock('../../../../services/public-service-api', () => ({ ...jest.requireActual('../../../../services/public-service-api'), fetchMyBookings: jest.fn() }))
const fetchMyBookings = api.fetchMyBookings as jest.MockedFunction<typeof api.fetchMyBookings>

const booking = (id: string, over: Partial<ServiceBooking> = {}): ServiceBooking => ({
  id, stage: 'booked', stageLabel: '已预约', bookedAt: '2026-11-28T02:00:00.000Z', cancelledAt: null, checkedInAt: null, checkedOutAt: null,
  confirmedHours: null, cancelledBy: null, canCancel: true,
  task: { id: `task-${id}`, title: `任务 ${id}`, organization: '杭州市志愿者协会', place: '湖滨步行街', startAt: '2026-12-02T01:00:00.000Z', endAt: '2026-12-02T04:00:00.000Z', hours: 3, cancelReason: null },
  ...over,
})

beforeEach(() => {
  fetchMyBookings.mockReset()
  useConsentStore.getState().accept()
  useAuthStore.getState().setSession(loginResponse())
})

describe('我的预约', () => {
  it('offers 取消预约 only for a booking not yet checked in: not after check-in (which opens before the start) nor once hours are confirmed', async () => {
    fetchMyBookings.mockResolvedValue({
      nextCursor: null,
      items: [
        booking('a'),
        // as a server still answering canCancel for a check-in before the start sends it
        booking('b', { stage: 'checked_in', stageLabel: '已签到', checkedInAt: '2026-12-02T00:40:00.000Z' }),
        booking('c', { stage: 'confirmed', stageLabel: '时长已确认', checkedInAt: '2026-12-02T00:40:00.000Z', confirmedHours: 3 }),
      ],
    })
    const { container } = render(<BookingsPage />)
    await act(settle)
    const card = (id: string) => container.querySelector(`[data-booking="${id}"]`)!
    expect(card('a').textContent).toContain('取消预约')
    expect(card('b').textContent).toContain('已签到')
    expect(card('b').textContent).not.toContain('取消预约')
    expect(card('c').textContent).not.toContain('取消预约')
    expect(screen.getAllByText('取消预约')).toHaveLength(1)
  })
})
