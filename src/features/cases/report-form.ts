// The 失信举报 form as the outbox keeps it (one draft per account; nothing personal is stored: a
// full phone or ID number in the text is refused by the outbox guard), the check before sending,
// and the outbox submission.
import { DISHONESTY_DESCRIPTION_MAX, DISHONESTY_DESCRIPTION_MIN, type DishonestyCategory } from '../../domain/cases'
import { validateUscc } from '../../domain/uscc'
import type { FileDishonestyReport } from '../../services/cases-api'
import type { OutboxInput } from '../../services/outbox/types'
import { caseRoutes } from './routes'

export interface ReportDraft {
  uscc: string
  category: DishonestyCategory | null
  description: string
}

export const EMPTY_REPORT: ReportDraft = { uscc: '', category: null, description: '' }

/** A reporter files as themself: the draft belongs to the account, not to an enterprise it acts for. */
export const reportFormKey = (ownerId: string) => `dishonesty-report|${ownerId}`

/** The first thing to fix, in Chinese, or null when the report can be sent. */
export function reportProblem(d: ReportDraft, uploading: boolean): string | null {
  const uscc = validateUscc(d.uscc)
  if (!uscc.ok) return uscc.message
  if (!d.category) return '请选择举报类别'
  const n = d.description.trim().length
  if (n < DISHONESTY_DESCRIPTION_MIN) return `请描述失信行为的具体情况（至少 ${DISHONESTY_DESCRIPTION_MIN} 个字，已写 ${n} 个字）`
  if (n > DISHONESTY_DESCRIPTION_MAX) return `举报内容不能超过 ${DISHONESTY_DESCRIPTION_MAX} 个字`
  if (uploading) return '证明材料正在上传，请稍候'
  return null
}

export function reportSubmission(ownerId: string, d: ReportDraft, attachmentIds: string[]): OutboxInput {
  const body: FileDishonestyReport = { uscc: d.uscc.trim().toUpperCase(), category: d.category!, description: d.description.trim(), attachmentIds }
  return {
    kind: 'dishonesty-report',
    title: '失信举报',
    formKey: reportFormKey(ownerId),
    ownerId,
    // always as the user themself, whichever enterprise they act for elsewhere
    subject: null,
    url: '/dishonesty-reports',
    body,
    resultPath: 'id',
    topics: ['cases', 'messages'],
    link: caseRoutes.report(''),
  }
}
