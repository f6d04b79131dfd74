import { addWorkingDays, calendarCovers, isWorkingDay, previousWorkingDay, workingDaysBetween } from './working-days'

describe('working-day calendar', () => {
  it('knows the official arrangement of the current year and of the year before', () => {
    // Fails as soon as the holiday data no longer covers today: update chinese-days.
    const year = new Date().getFullYear()
    expect(calendarCovers(year)).toBe(true)
    expect(calendarCovers(year - 1)).toBe(true)
  })

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

  it('counts 5 working days across the Spring Festival', () => {
    // 2025 春节: 1-28 … 2-4 off; 1-26 (Sun) and 2-8 (Sat) are workdays.
    expect(addWorkingDays('2025-01-27', 5)).toBe('2025-02-10')
  })

  it('counts working days between two dates', () => {
    expect(workingDaysBetween('2025-03-07', '2025-03-14')).toBe(5)
    expect(workingDaysBetween('2025-03-14', '2025-03-07')).toBe(0)
  })

  it('adding zero days keeps the date', () => {
    expect(addWorkingDays('2025-03-08', 0)).toBe('2025-03-08')
  })

  it('finds the working day before a deadline across weekends and holidays', () => {
    expect(previousWorkingDay('2025-03-11')).toBe('2025-03-10') // Tuesday → Monday
    expect(previousWorkingDay('2025-03-10')).toBe('2025-03-07') // Monday → Friday
    expect(previousWorkingDay('2025-10-09')).toBe('2025-09-30') // after National Day
    expect(previousWorkingDay('2025-10-13')).toBe('2025-10-11') // Saturday 调休上班
  })
})
