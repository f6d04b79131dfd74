// The 自愿注册 form as the outbox keeps it (one draft per account and acting subject), the check
// before sending, and the outbox submission.
import { VOLUNTARY_DESCRIPTION_MAX, VOLUNTARY_DESCRIPTION_MIN, VOLUNTARY_MIN_FILES, VOLUNTARY_TITLE_MAX, type VoluntaryCategory } from '../../domain/cases'
import type { FileRegistration } from '../../services/cases-api'
import type { OutboxInput } from '../../services/outbox/types'
import { caseRoutes } from './routes'

export interface RegistrationDraft {
  category: VoluntaryCategory | null
  title: string
  description: string
  commitmentId: string | null
}

export const EMPTY_REGISTRATION: RegistrationDraft = { category: null, title: '', description: '', commitmentId: null }

export const registrationFormKey = (ownerId: string, subject: string | null) => `voluntary-registration|${ownerId}|${subject ?? 'self'}`

export function registrationProblem(d: RegistrationDraft, files: { done: number; uploading: boolean }): string | null {
  if (!d.category) return '请选择注册信息的类别'
  if (!d.title.trim()) return '请填写信息名称'
  if (d.title.trim().length > VOLUNTARY_TITLE_MAX) return `信息名称不能超过${VOLUNTARY_TITLE_MAX}个字`
  const n = d.description.trim().length
  if (n < VOLUNTARY_DESCRIPTION_MIN) return `请说明信息的具体内容（至少 ${VOLUNTARY_DESCRIPTION_MIN} 个字）`
  if (n > VOLUNTARY_DESCRIPTION_MAX) return `说明不能超过 ${VOLUNTARY_DESCRIPTION_MAX} 个字`
  if (files.uploading) return '证明材料正在上传，请稍候'
  if (files.done < VOLUNTARY_MIN_FILES) return '请上传证明材料（证书、合同、捐赠票据等），核验以材料为准'
  if (!d.commitmentId) return '请先签署《信用信息自愿注册真实性承诺书》'
  return null
}

export function registrationSubmission(ownerId: string, subject: string | null, d: RegistrationDraft, attachmentIds: string[]): OutboxInput {
  const body: FileRegistration = { category: d.category!, title: d.title.trim(), description: d.description.trim(), attachmentIds, commitmentId: d.commitmentId! }
  return {
    kind: 'voluntary-registration',
    title: `自愿注册：${d.title.trim()}`,
    formKey: registrationFormKey(ownerId, subject),
    ownerId,
    subject,
    url: '/voluntary-registrations',
    body,
    resultPath: 'id',
    topics: ['cases', 'messages'],
    link: caseRoutes.registration(''),
  }
}
