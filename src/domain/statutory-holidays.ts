// The statutory public holidays of a year under 《全国年节及纪念日放假办法》 (as revised in 2024, in
// force from 2025): the days the law fixes, before the State Council's yearly arrangement adds
// bridging days and make-up workdays. Used only for years whose official arrangement is not known.
import chineseDays from 'chinese-days'
import { addCalendarDays } from './dates'

export interface Holiday {
  date: string
  name: string
}

const pad = (n: number) => String(n).padStart(2, '0')

/** The solar date of a lunar month/day in the lunar year that begins in `year` (not a leap month). */
function lunar(year: number, month: number, day: number): string {
  return chineseDays.getSolarDateFromLunar(`${year}-${pad(month)}-${pad(day)}`).date
}

/** 元旦 1 day, 春节 4 days from 除夕, 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3. */
export function statutoryHolidays(year: number): Holiday[] {
  const springFestival = lunar(year, 1, 1)
  const days: Holiday[] = [
    { date: `${year}-01-01`, name: '元旦' },
    ...[-1, 0, 1, 2].map((d) => ({ date: addCalendarDays(springFestival, d), name: '春节' })),
    { date: chineseDays.getSolarTermDate(year, 4, 'pure_brightness'), name: '清明节' },
    { date: `${year}-05-01`, name: '劳动节' },
    { date: `${year}-05-02`, name: '劳动节' },
    { date: lunar(year, 5, 5), name: '端午节' },
    { date: lunar(year, 8, 15), name: '中秋节' },
    { date: `${year}-10-01`, name: '国庆节' },
    { date: `${year}-10-02`, name: '国庆节' },
    { date: `${year}-10-03`, name: '国庆节' },
  ]
  return days.sort((a, b) => a.date.localeCompare(b.date))
}
