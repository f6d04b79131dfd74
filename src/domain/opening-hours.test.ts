import { canEnterToday, chinaClock, firstVisitDay } from './opening-hours'

const lingyin = { lastEntry: '17:30' }
const at = (chinaTime: string) => new Date(`2026-11-30T${chinaTime}:00+08:00`)

describe('gate hours (China time)', () => {
  it('today is open up to the minute before the last entry, closed from it', () => {
    expect(canEnterToday(lingyin, at('17:29'))).toBe(true)
    expect(canEnterToday(lingyin, at('17:30'))).toBe(false)
    expect(firstVisitDay(lingyin, at('17:29'))).toBe('2026-11-30')
    expect(firstVisitDay(lingyin, at('17:30'))).toBe('2026-12-01')
  })

  it('reads the clock in China time whatever the zone of the date', () => {
    expect(chinaClock(new Date('2026-11-30T09:30:00Z'))).toBe('17:30')
    // 23:59 China time is still the same China day
    expect(firstVisitDay(lingyin, new Date('2026-11-30T15:59:00Z'))).toBe('2026-12-01')
  })

  it('a place without a gate is always open', () => {
    expect(canEnterToday(null, at('23:59'))).toBe(true)
  })
})
