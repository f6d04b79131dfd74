import { checkInWindow, refuseBooking, refuseCancel, refuseCheckIn, refuseCheckOut, refuseTaskTimes, validHours } from './public-service'

const t = { startAt: '2026-12-02T09:00:00+08:00', endAt: '2026-12-02T12:00:00+08:00' }
const at = (hhmm: string, day = '2026-12-02') => `${day}T${hhmm}:00+08:00`
const none = { checkedInAt: null, checkedOutAt: null }

describe('公益服务 rules at their boundaries', () => {
  it('check-in opens 30 minutes before the start and closes at the end', () => {
    expect(checkInWindow(t).opens.toISOString()).toBe('2026-12-02T00:30:00.000Z')
    expect(refuseCheckIn(t, none, at('08:29'))?.code).toBe('CHECK_IN_NOT_OPEN')
    expect(refuseCheckIn(t, none, at('08:30'))).toBeNull()
    expect(refuseCheckIn(t, none, at('12:00'))).toBeNull()
    expect(refuseCheckIn(t, none, at('12:01'))?.code).toBe('CHECK_IN_CLOSED')
    expect(refuseCheckIn(t, { checkedInAt: at('08:40'), checkedOutAt: null }, at('09:00'))?.message).toBe('您已于 2026-12-02 08:40 签到，无需重复签到')
  })

  it('check-out needs a check-in, opens at the start and closes an hour after the end; once', () => {
    const inside = { checkedInAt: at('08:40'), checkedOutAt: null }
    expect(refuseCheckOut(t, none, at('10:00'))?.code).toBe('NOT_CHECKED_IN')
    expect(refuseCheckOut(t, inside, at('08:59'))?.code).toBe('CHECK_OUT_NOT_OPEN')
    expect(refuseCheckOut(t, inside, at('13:00'))).toBeNull()
    expect(refuseCheckOut(t, inside, at('13:01'))?.code).toBe('CHECK_OUT_CLOSED')
    expect(refuseCheckOut(t, { ...inside, checkedOutAt: at('12:05') }, at('12:10'))?.code).toBe('ALREADY_CHECKED_OUT')
  })

  it('booking closes at the deadline, at the start and when full; cancelling only before the start', () => {
    const task = { ...t, signupDeadline: at('18:00', '2026-12-01'), booked: 1, capacity: 2 }
    expect(refuseBooking(task, at('18:00', '2026-12-01'))).toBeNull()
    expect(refuseBooking(task, at('18:01', '2026-12-01'))?.code).toBe('SIGNUP_CLOSED')
    expect(refuseBooking({ ...task, booked: 2 }, at('10:00', '2026-12-01'))?.code).toBe('TASK_FULL')
    const booked = { status: 'booked', checkedInAt: null, confirmedHours: null }
    expect(refuseCancel(t, booked, at('08:59'))).toBeNull()
    expect(refuseCancel(t, booked, at('09:00'))?.code).toBe('TASK_STARTED')
    expect(refuseCancel(t, { ...booked, status: 'cancelled' }, at('08:00'))?.code).toBe('BOOKING_CANCELLED')
    // checked in during the half hour before the start: there, so no longer cancellable
    expect(refuseCancel(t, { ...booked, checkedInAt: at('08:40') }, at('08:45'))).toEqual({
      status: 409, code: 'ALREADY_CHECKED_IN', message: '您已于 2026-12-02 08:40 签到，不能再取消预约；如不能继续服务，请联系组织方',
    })
    expect(refuseCancel(t, { ...booked, confirmedHours: 0 }, at('08:45'))?.code).toBe('HOURS_CONFIRMED')
  })

  it('task times and hours', () => {
    const now = at('10:00', '2026-11-30')
    const ok = { ...t, signupDeadline: at('18:00', '2026-12-01') }
    expect(refuseTaskTimes(ok, now)).toBeNull()
    expect(refuseTaskTimes({ ...ok, endAt: t.startAt }, now)).toBe('结束时间须晚于开始时间')
    expect(refuseTaskTimes({ ...ok, signupDeadline: at('09:01') }, now)).toBe('报名截止时间不能晚于开始时间')
    expect(refuseTaskTimes({ ...ok, signupDeadline: t.startAt }, now)).toBeNull()
    expect([0.5, 24, 2.5].map((h) => validHours(h))).toEqual([true, true, true])
    expect([0, 0.25, 24.5, Number.NaN].map((h) => validHours(h))).toEqual([false, false, false, false])
    expect(validHours(0, true)).toBe(true)
  })
})
