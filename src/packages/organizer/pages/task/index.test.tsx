import { act, render, screen } from '@testing-library/react'
import * as api from '../../../../services/public-service-api'
import type { TaskAttendee } from '../../../../services/public-service-api'
import { useAuthStore } from '../../../../stores/auth'
import { useConsentStore } from '../../../../stores/consent'
import { task } from '../../../../features/public-service/testing/fixtures'
import { loginResponse, profile, settle } from '../../../../../test/jest/fixtures'
import { __setRouterParams } from '../../../../../test/jest/taro-mock'
import OrganizerTaskPage from '.'

jest.mock('../../../../services/public-service-api', () => ({ ...jest.requireActual('../../../../services/public-service-api'), fetchTaskAttendees: jest.fn() }))
const fetchTaskAttendees = api.fetchTaskAttendees as jest.MockedFunction<typeof api.fetchTaskAttendees>

const attendee = (over: Partial<TaskAttendee>): TaskAttendee => ({
  bookingId: 'b-1', name: '李*国', phoneTail: '0003', stage: 'booked', stageLabel: '已预约', bookedAt: '2026-11-28T02:00:00.000Z',
  checkedInAt: null, checkedOutAt: null, confirmedHours: null, ...over,
})

beforeEach(() => {
  fetchTaskAttendees.mockReset()
  useConsentStore.getState().accept()
  useAuthStore.getState().setSession(loginResponse(profile({ roles: ['citizen', 'organizer'] })))
  __setRouterParams({ id: 'task-hubin-cleanup' })
})

describe('报名与时长确认 (organizer)', () => {
  it('shows when each attendee checked in and out, each kept whole with its label (长辈模式 wraps between them)', async () => {
    const { myBooking: _m, open: _o, closedReason: _c, ...fields } = task()
    fetchTaskAttendees.mockResolvedValue({
      task: { ...fields, confirmed: 0 },
      items: [
        attendee({ stage: 'checked_out', stageLabel: '已签退，待组织方确认时长', checkedInAt: '2026-12-02T00:40:00.000Z', checkedOutAt: '2026-12-02T04:05:00.000Z' }),
        attendee({ bookingId: 'b-2', name: '王*' }),
      ],
    })
    const { container } = render(<OrganizerTaskPage />)
    await act(settle)
    const line = (id: string) => container.querySelector(`[data-booking="${id}"] .ps-task-line`) as HTMLElement
    expect(line('b-1').textContent).toBe('签到：2026-12-02 08:40　签退：2026-12-02 12:05')
    const unbroken = (el: HTMLElement) => Array.from(el.querySelectorAll(':scope > .ps-nowrap'), (e) => e.textContent)
    expect(unbroken(line('b-1'))).toEqual(['签到：2026-12-02 08:40', '签退：2026-12-02 12:05'])
    expect(line('b-2').textContent).toBe('签到：未签到　签退：未签退')
    expect(screen.getByText('报名 2 人（名额 20）')).toBeTruthy()
  })
})
