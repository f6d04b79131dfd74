// 信用信息自愿注册: request schemas of /api/voluntary-registrations and its officer routes, and the
// shapes they answer with.
import { z } from 'zod'
import { VOLUNTARY_CATEGORY_KEYS, VOLUNTARY_DESCRIPTION_MAX, VOLUNTARY_DESCRIPTION_MIN, VOLUNTARY_TITLE_MAX, type VoluntaryStatus } from '../domain/cases'
import { calendarDate, idParams, instant, pageOf, subjectKind, text } from './common'
import { attachmentIds } from './dishonesty-reports'
import { ObjectionAttachment } from './objections'

export const fileRegistration = z.object({
  category: z.enum(VOLUNTARY_CATEGORY_KEYS, { error: '请选择注册信息的类别' }),
  title: text('信息名称', VOLUNTARY_TITLE_MAX),
  description: z
    .string({ error: '请说明信息的具体内容' })
    .trim()
    .min(VOLUNTARY_DESCRIPTION_MIN, { error: `请说明信息的具体内容（至少 ${VOLUNTARY_DESCRIPTION_MIN} 个字）` })
    .max(VOLUNTARY_DESCRIPTION_MAX, { error: `说明不能超过 ${VOLUNTARY_DESCRIPTION_MAX} 个字` }),
  attachmentIds,
  commitmentId: text('真实性承诺', 100),
})
export type FileRegistration = z.input<typeof fileRegistration>

export const registrationQueueQuery = z.object({
  status: z.enum(['已提交', '已核验', '未通过'], { error: '注册状态不正确' }).optional(),
  cursor: z.string().max(300, { error: '分页参数不正确' }).optional(),
})
export const verifyRegistrationBody = z.object({ note: text('核验意见', 500).optional() })
export const rejectRegistrationBody = z.object({ reasons: text('不予通过的理由', 500) })

// --- answers ----------------------------------------------------------------------------------

const VOLUNTARY_STATUSES = ['已提交', '已核验', '未通过'] as const satisfies readonly VoluntaryStatus[]

export const VoluntaryRegistration = z.strictObject({
  id: z.string(),
  status: z.enum(VOLUNTARY_STATUSES),
  category: z.enum(VOLUNTARY_CATEGORY_KEYS),
  categoryLabel: z.string(),
  title: z.string(),
  description: z.string(),
  filedAt: instant,
  dueDate: calendarDate.nullable(),
  dueDateEstimated: z.boolean(),
  overdue: z.boolean(),
  commitment: z.strictObject({ id: z.string(), receiptNo: z.string(), title: z.string() }),
  decidedAt: instant.nullable(),
  reasons: z.string().nullable(),
  /** the positive record a verification created */
  recordId: z.string().nullable(),
  steps: z.array(z.strictObject({ status: z.string(), done: z.boolean(), at: instant.nullable(), dueDate: calendarDate.nullable(), note: z.string().nullable() })),
  attachments: z.array(ObjectionAttachment),
})
export type VoluntaryRegistration = z.infer<typeof VoluntaryRegistration>
export const VoluntaryRegistrationPage = pageOf(VoluntaryRegistration)
export type VoluntaryRegistrationPage = z.infer<typeof VoluntaryRegistrationPage>

/** The officer also sees whose registration it is (the subject's own information, not a secret; a person's ID number masked). */
export const OfficerRegistration = VoluntaryRegistration.extend({
  subject: z.strictObject({ kind: subjectKind, name: z.string(), identifier: z.string() }),
})
export type OfficerRegistration = z.infer<typeof OfficerRegistration>
export const OfficerRegistrationPage = pageOf(OfficerRegistration)
export type OfficerRegistrationPage = z.infer<typeof OfficerRegistrationPage>

export const RegistrationParams = idParams('注册信息', 100)
