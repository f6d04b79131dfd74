import { addCalendarDays, chinaDate, chinaDateTime } from './dates'

describe('China calendar dates', () => {
  it('uses China Standard Time whatever the machine zone', () => {
    expect(chinaDate(new Date('2026-11-22T15:59:00Z'))).toBe('2026-11-22')
    expect(chinaDate(new Date('2026-11-22T16:00:00Z'))).toBe('2026-11-23')
    expect(chinaDateTime(new Date('2026-11-22T17:20:00Z'))).toBe('2026-11-23 01:20')
  })
  it('adds days across month and year ends', () => {
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28')
  })
  it('rejects a string that is not a date', () => {
    expect(() => chinaDate('tomorrow')).toThrow(RangeError)
  })
})
