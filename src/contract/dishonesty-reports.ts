// 失信举报: request schemas of /api/dishonesty-reports and /api/officer/dishonesty-reports, and the
// shapes they answer with. The reporter's identity appears in one shape only: the handling officer's.
import { z } from 'zod'
import {
  DISHONESTY_CATEGORY_KEYS, DISHONESTY_DESCRIPTION_MAX, DISHONESTY_DESCRIPTION_MIN, DISHONESTY_OUTCOMES, type DishonestyOutcome, type DishonestyStatus,
} from '../domain/cases'
import { UPLOADS_PER_CASE } from '../domain/policy'
import { validateUscc } from '../domain/uscc'
import { calendarDate, idParams, instant, pageOf, subjectKind, text } from './common'
import { ObjectionAttachment } from './objections'

export const usccField = z
  .string({ error: '请填写被举报企业的统一社会信用代码' })
  .max(40, { error: '统一社会信用代码应为18位' })
  .transform((v, ctx) => {
    const r = validateUscc(v)
    if (r.ok) return r.value
    ctx.addIssue({ code: 'custom', message: r.message })
    return z.NEVER
  })

export const attachmentIds = z
  .array(z.string().max(100), { error: '证明材料格式不正确' })
  .max(UPLOADS_PER_CASE, { error: `证明材料最多 ${UPLOADS_PER_CASE} 个文件` })
  .default([])

export const fileDishonestyReport = z.object({
  uscc: usccField,
  category: z.enum(DISHONESTY_CATEGORY_KEYS, { error: '请选择举报类别' }),
  description: z
    .string({ error: '请描述失信行为的具体情况' })
    .trim()
    .min(DISHONESTY_DESCRIPTION_MIN, { error: `请描述失信行为的具体情况（至少 ${DISHONESTY_DESCRIPTION_MIN} 个字）` })
    .max(DISHONESTY_DESCRIPTION_MAX, { error: `举报内容不能超过 ${DISHONESTY_DESCRIPTION_MAX} 个字` }),
  attachmentIds,
})
export type FileDishonestyReport = z.input<typeof fileDishonestyReport>

export const officerQueueQuery = z.object({
  status: z.enum(['已提交', '已受理', '核查中', '已办结'], { error: '举报状态不正确' }).optional(),
  cursor: z.string().max(300, { error: '分页参数不正确' }).optional(),
})
export const verifyBody = z.object({ note: text('核查说明', 500).optional() })
export const concludeBody = z.object({
  outcome: z.enum(['substantiated', 'partly', 'unsubstantiated'], { error: '请选择核查结论：属实、部分属实或不属实' }),
  reply: text('答复内容', 1000),
})

// --- answers ----------------------------------------------------------------------------------

const DISHONESTY_STATUSES = ['已提交', '已受理', '核查中', '已办结'] as const satisfies readonly DishonestyStatus[]
const dishonestyStatus = z.enum(DISHONESTY_STATUSES)
const dishonestyOutcome = z.enum(Object.keys(DISHONESTY_OUTCOMES) as [DishonestyOutcome, ...DishonestyOutcome[]])

export const DishonestyStep = z.strictObject({
  status: dishonestyStatus,
  done: z.boolean(),
  at: instant.nullable(),
  dueDate: calendarDate.nullable(),
  overdue: z.boolean(),
  note: z.string().nullable(),
})
export type DishonestyStep = z.infer<typeof DishonestyStep>

/** What the reporter reads, and what every officer reads of it (no reporter in it). */
export const DishonestyReport = z.strictObject({
  id: z.string(),
  status: dishonestyStatus,
  uscc: z.string(),
  /** the enterprise's name when the platform knows it */
  enterpriseName: z.string().nullable(),
  category: z.enum(DISHONESTY_CATEGORY_KEYS),
  categoryLabel: z.string(),
  description: z.string(),
  filedAt: instant,
  dueDate: calendarDate.nullable(),
  dueDateEstimated: z.boolean(),
  overdue: z.boolean(),
  outcome: dishonestyOutcome.nullable(),
  outcomeLabel: z.string().nullable(),
  reply: z.string().nullable(),
  steps: z.array(DishonestyStep),
  attachments: z.array(ObjectionAttachment),
})
export type DishonestyReport = z.infer<typeof DishonestyReport>
export const DishonestyReportPage = pageOf(DishonestyReport)
export type DishonestyReportPage = z.infer<typeof DishonestyReportPage>

/** The handling officer's view: the report and, masked, who filed it. */
export const OfficerDishonestyReport = DishonestyReport.extend({
  handledByMe: z.boolean(),
  /** null for everyone but the officer who accepted the report */
  reporter: z.strictObject({ kind: subjectKind, name: z.string(), phone: z.string().nullable() }).nullable(),
})
export type OfficerDishonestyReport = z.infer<typeof OfficerDishonestyReport>
export const OfficerDishonestyReportPage = pageOf(OfficerDishonestyReport)
export type OfficerDishonestyReportPage = z.infer<typeof OfficerDishonestyReportPage>

export const DishonestyReportParams = idParams('举报', 100)
