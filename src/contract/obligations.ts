// /api/officer/records/:id/obligation-met: a department records that the duty a decision imposed
// (缴纳罚款 5,000 元 …) was met (部门推送). The answer is the record's obligation as it now stands.
import { z } from 'zod'
import { isCalendarDate } from '../domain/dates'
import { OBLIGATION_SOURCES } from '../domain/obligation'
import { calendarDate, idParams } from './common'

export const ObligationMetParams = idParams('信用记录', 100)

export const ObligationMetBody = z.object({
  metOn: z
    .string({ error: '请填写履行日期' })
    .refine(isCalendarDate, { error: '履行日期格式不正确，应为 YYYY-MM-DD' }),
  note: z.string({ error: '备注格式不正确' }).trim().max(500, { error: '备注不能超过500个字' }).optional(),
})
export type ObligationMetRequest = z.input<typeof ObligationMetBody>

export const ObligationMet = z.strictObject({
  recordId: z.string(),
  /** what the decision obliged */
  duty: z.string(),
  metOn: calendarDate,
  /** 部门推送, or 修复审核确认 when an approved repair had already recorded it on that day */
  source: z.enum(OBLIGATION_SOURCES),
  /** 履行情况 as the record page shows it */
  label: z.string(),
})
export type ObligationMet = z.infer<typeof ObligationMet>
