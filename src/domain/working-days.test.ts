import { statutoryHolidays } from './statutory-holidays'
import { addWorkingDays, defaultCalendar, previousWorkingDay, ESTIMATED_NOTE, isWorkingDay, packageYears, WorkingCalendar, workingDaysBetween } from './working-days'

describe('working-day calendar', () => {
  it('treats weekends as rest days and weekdays as working days', () => {
    expect(isWorkingDay('2025-03-08')).toBe(false) // Saturday
    expect(isWorkingDay('2025-03-10')).toBe(true) // Monday
  })

  it('knows National Day and its make-up workday', () => {
    expect(isWorkingDay('2025-10-01')).toBe(false)
    expect(isWorkingDay('2025-10-08')).toBe(false)
    expect(isWorkingDay('2025-09-28')).toBe(true) // Sunday, 调休上班
    expect(isWorkingDay('2025-10-11')).toBe(true) // Saturday, 调休上班
  })

  it('counts 5 working days across National Day 2025, its make-up Saturday included', () => {
    // 9-30 (Tue) filed: 10-1…10-8 off, 10-9 Thu, 10-10 Fri, 10-11 Sat (调休上班), 10-13 Mon, 10-14 Tue.
    expect(addWorkingDays('2025-09-30', 5)).toEqual({ date: '2025-10-14', estimated: false })
  })

  it('counts 5 working days across the Spring Festival', () => {
    // 2025 春节: 1-28 … 2-4 off; 1-26 (Sun) and 2-8 (Sat) are workdays.
    expect(addWorkingDays('2025-01-27', 5)).toEqual({ date: '2025-02-10', estimated: false })
  })

  it('counts working days between two dates', () => {
    expect(workingDaysBetween('2025-03-07', '2025-03-14')).toBe(5)
    expect(workingDaysBetween('2025-03-14', '2025-03-07')).toBe(0)
  })

  it('adding zero days keeps the date', () => {
    expect(addWorkingDays('2025-03-08', 0)).toEqual({ date: '2025-03-08', estimated: false })
  })
})

describe('a year whose official arrangement is not published', () => {
  // What is known today: the arrangements up to 2026 (a later package version may add 2027).
  const known = new WorkingCalendar(packageYears(2004, 2026))

  it('2027 is not taken for a year without holidays', () => {
    // chinese-days 1.5.7 alone answers isWorkday('2027-01-01') === true; 元旦 is a statutory holiday.
    expect(isWorkingDay('2027-01-01')).toBe(false)
    expect(known.day('2027-01-01')).toEqual({ date: '2027-01-01', working: false, holiday: '元旦', estimated: true })
    expect(defaultCalendar().officialYears()).toEqual(expect.arrayContaining([2024, 2025, 2026]))
  })

  it('lists the statutory holidays of 2027 (春节 4 days from 除夕, 劳动节 2, 国庆 3)', () => {
    expect(statutoryHolidays(2027)).toEqual([
      { date: '2027-01-01', name: '元旦' },
      { date: '2027-02-05', name: '春节' }, // 除夕
      { date: '2027-02-06', name: '春节' }, // 正月初一
      { date: '2027-02-07', name: '春节' },
      { date: '2027-02-08', name: '春节' },
      { date: '2027-04-05', name: '清明节' },
      { date: '2027-05-01', name: '劳动节' },
      { date: '2027-05-02', name: '劳动节' },
      { date: '2027-06-09', name: '端午节' },
      { date: '2027-09-15', name: '中秋节' },
      { date: '2027-10-01', name: '国庆节' },
      { date: '2027-10-02', name: '国庆节' },
      { date: '2027-10-03', name: '国庆节' },
    ])
  })

  it('agrees with the statutory days the State Council kept in 2025 and 2026', () => {
    const official = new WorkingCalendar(packageYears(2025, 2026))
    for (const year of [2025, 2026]) {
      for (const h of statutoryHolidays(year)) expect([h.date, official.isWorkingDay(h.date)]).toEqual([h.date, false])
    }
  })

  it('a deadline across 2026-12-31 → 2027-01-04 skips 元旦 and the weekend, and is marked estimated', () => {
    // Filed Wed 2026-12-30: 12-31 Thu (1), 1-1 元旦, 1-2 Sat, 1-3 Sun, 1-4 Mon (2).
    expect(known.addWorkingDays('2026-12-30', 2)).toEqual({ date: '2027-01-04', estimated: true })
    expect(ESTIMATED_NOTE).toBe('按法定节假日推算，以国务院公布的安排为准')
  })

  it('late December is estimated while the next year is unknown, and firm once it is loaded', () => {
    expect(known.addWorkingDays('2026-12-21', 2)).toEqual({ date: '2026-12-23', estimated: false })
    expect(known.addWorkingDays('2026-12-23', 2).estimated).toBe(true) // reaches 12-25
    const published = new WorkingCalendar([
      ...packageYears(2026, 2026),
      { year: 2027, holidays: [{ date: '2027-01-01', name: '元旦' }, { date: '2027-01-02', name: '元旦' }, { date: '2027-01-03', name: '元旦' }], workdays: [] },
    ])
    expect(published.addWorkingDays('2026-12-30', 2)).toEqual({ date: '2027-01-04', estimated: false })
  })

  it('counts 5 working days across the 2027 Spring Festival from the statutory days', () => {
    // Filed Thu 2027-02-04: 2-5 除夕 (Fri), 2-6/2-7 weekend + 春节, 2-8 春节 (Mon); then 2-9 … 2-15.
    expect(known.addWorkingDays('2027-02-04', 5)).toEqual({ date: '2027-02-15', estimated: true })
  })

  it('an officer-loaded arrangement with a make-up Saturday is followed', () => {
    const cal = new WorkingCalendar([
      ...packageYears(2026, 2026),
      {
        year: 2027,
        holidays: ['2027-10-01', '2027-10-02', '2027-10-03', '2027-10-04', '2027-10-05', '2027-10-06', '2027-10-07'].map((date) => ({ date, name: '国庆节' })),
        workdays: ['2027-10-09'],
      },
    ])
    // Thu 9-30 filed: 10-1 … 10-7 off, 10-8 Fri (1), 10-9 Sat 调休 (2), 10-11 Mon (3), 10-12 (4), 10-13 (5).
    expect(cal.addWorkingDays('2027-09-30', 5)).toEqual({ date: '2027-10-13', estimated: false })
  })

  it('finds the working day before a deadline across weekends and holidays', () => {
    expect(previousWorkingDay('2025-03-11')).toBe('2025-03-10') // Tuesday → Monday
    expect(previousWorkingDay('2025-03-10')).toBe('2025-03-07') // Monday → Friday
    expect(previousWorkingDay('2025-10-09')).toBe('2025-09-30') // after National Day
    expect(previousWorkingDay('2025-10-13')).toBe('2025-10-11') // Saturday 调休上班
  })
})
