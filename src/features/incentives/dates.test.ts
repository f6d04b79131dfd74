import { VOUCHER_BOOKING_WINDOW_DAYS } from '../../domain/policy'
import { bookableDate, bookingWindow, chinaToday, formatDateTime, formatVisitDate } from './dates'

describe('dates on the 守信激励 screens', () => {
  it('when it is already the next day in China, then today is that day', () => {
    expect(chinaToday(new Date('2026-11-22T17:20:00Z'))).toBe('2026-11-23')
    expect(chinaToday(new Date('2026-11-22T15:59:00Z'))).toBe('2026-11-22')
  })

  it('a visit may be booked from today to today + the policy window', () => {
    const w = bookingWindow(new Date('2026-12-20T04:00:00Z'))
    expect(w).toEqual({ start: '2026-12-20', end: '2027-01-19' })
    expect(VOUCHER_BOOKING_WINDOW_DAYS).toBe(30)
  })

  it('when a kept visit date has passed or is out of the window, then the first bookable day is offered', () => {
    const now = new Date('2026-11-23T04:00:00Z')
    expect(bookableDate('2026-11-25', now)).toBe('2026-11-25')
    expect(bookableDate('2026-11-20', now)).toBe('2026-11-23')
    expect(bookableDate('2027-03-01', now)).toBe('2026-11-23')
    expect(bookableDate(null, now)).toBe('2026-11-23')
  })

  it('formats times in China time and visit dates with the weekday', () => {
    expect(formatDateTime('2026-11-22T17:20:49.193Z')).toBe('2026-11-23 01:20')
    expect(formatDateTime(null)).toBe('')
    expect(formatVisitDate('2026-11-23')).toBe('2026年11月23日 周一')
  })
})

describe('the booking window and a spot\'s last entry', () => {
  const hours = { lastEntry: '17:30' }
  it('starts today until 17:29 China time and tomorrow from 17:30; a kept today moves to tomorrow', () => {
    expect(bookingWindow(new Date('2026-11-23T17:29:59+08:00'), hours).start).toBe('2026-11-23')
    expect(bookingWindow(new Date('2026-11-23T17:30:00+08:00'), hours)).toEqual({ start: '2026-11-24', end: '2026-12-23' })
    expect(bookableDate('2026-11-23', new Date('2026-11-23T17:30:00+08:00'), hours)).toBe('2026-11-24')
  })
})
