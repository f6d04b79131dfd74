import { addCalendarDays, chinaDate, chinaDateTime, formatChinaDate, formatChinaDateTime, formatLongDate } from './dates'

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

describe('China time for API timestamps', () => {
  it('formats an instant in China time, whatever the zone it is written in', () => {
    expect(formatChinaDateTime('2026-05-07T01:00:00.000Z')).toBe('2026-05-07 09:00')
    expect(formatChinaDateTime('2026-12-31T16:30:00Z')).toBe('2027-01-01 00:30')
    expect(formatChinaDateTime('2026-12-31T23:30:00+08:00')).toBe('2026-12-31 23:30')
    expect(formatChinaDate('2026-12-31T16:30:00Z')).toBe('2027-01-01')
  })
  it('leaves nothing and unparsable text alone', () => {
    expect(formatChinaDateTime(null)).toBe('')
    expect(formatChinaDateTime('稍后')).toBe('稍后')
  })
  it('writes a visit day with its weekday, and leaves a non-date alone', () => {
    expect(formatLongDate('2026-11-23')).toBe('2026年11月23日 周一')
    expect(formatLongDate('2027-02-06')).toBe('2027年2月6日 周六')
    expect(formatLongDate('不限')).toBe('不限')
  })
})
