// 信用信息自愿注册: request schemas of /api/voluntary-registrations and its officer routes, and the
// shapes they answer with.
import { z } from 'zod'
import {
  VOLUNTARY_CATEGORY_KEYS, VOLUNTARY_DESCRIPTION_MAX, VOLUNTARY_DESCRIPTION_MIN, VOLUNTARY_TITLE_MAX, type VoluntaryCategory, type VoluntaryStatus,
} from '../domain/cases'
import { text } from './common'
import { attachmentIds } from './dishonesty-reports'

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

export interface VoluntaryRegistration {
  id: string
  status: VoluntaryStatus
  category: VoluntaryCategory
  categoryLabel: string
  title: string
  description: string
  filedAt: string
  dueDate: string | null
  dueDateEstimated: boolean
  overdue: boolean
  commitment: { id: string; receiptNo: string; title: string }
  decidedAt: string | null
  reasons: string | null
  /** the positive record a verification created */
  recordId: string | null
  steps: { status: string; done: boolean; at: string | null; dueDate: string | null; note: string | null }[]
  attachments: { id: string; type: string; size: number; url: string }[]
}

/** The officer also sees whose registration it is (the subject's own information, not a secret). */
export interface OfficerRegistration extends VoluntaryRegistration {
  subject: { kind: 'person' | 'enterprise'; name: string; identifier: string }
}
