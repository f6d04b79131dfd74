// /api/officer/calendar: which years' holiday arrangements are official, and loading a newly
// published one (role 'officer').
import { z } from 'zod'
import { isCalendarDate } from '../domain/dates'
import { instant, text } from './common'

const day = z.string({ error: '日期格式应为 YYYY-MM-DD' }).refine(isCalendarDate, { error: '日期格式应为 YYYY-MM-DD，且须是真实存在的日期' })
const wrongYear = { error: '年份不正确' }

export const CalendarYearParams = z.object({ year: z.coerce.number(wrongYear).int(wrongYear).min(2000, wrongYear).max(2100, wrongYear) })

export const CalendarArrangement = z.object({
  holidays: z
    .array(z.object({ date: day, name: text('节日名称', 20) }), { error: '请填写放假日期' })
    .min(1, { error: '请填写放假日期' })
    .max(60, { error: '放假日期过多，请核对' }),
  workdays: z.array(day, { error: '调休上班日期格式不正确' }).max(20, { error: '调休上班日期过多，请核对' }).default([]),
})
export type CalendarArrangement = z.input<typeof CalendarArrangement>

export const CalendarYear = z.strictObject({
  year: z.number().int(),
  /** official: loaded by an officer; package: shipped with the app; estimated: statutory holidays only */
  status: z.enum(['official', 'package', 'estimated']),
  loadedAt: instant.nullable(),
})
export type CalendarYear = z.infer<typeof CalendarYear>
export const CalendarYears = z.strictObject({ items: z.array(CalendarYear) })
export type CalendarYears = z.infer<typeof CalendarYears>

export const CalendarLoaded = z.strictObject({
  year: z.number().int(),
  holidays: z.number().int(),
  workdays: z.number().int(),
  /** how many due dates were recomputed from the new days */
  recomputed: z.number().int(),
})
export type CalendarLoaded = z.infer<typeof CalendarLoaded>
