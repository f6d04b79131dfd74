// Objections (异议, 000 §22, 004 §17): what a filing must contain, the states a case moves through
// and its legal deadlines in working days (上海市社会信用条例 §36) — decide within 5, or transfer to
// the source department within 2 and that department decides within 5 of the transfer.
import {
  OBJECTION_DECISION_WORKING_DAYS,
  OBJECTION_DEPARTMENT_WORKING_DAYS,
  OBJECTION_TRANSFER_WORKING_DAYS,
} from './policy'
import type { ValidationResult } from './validation'
import type { CalendarDate, WorkingCalendar } from './working-days'

export const OBJECTION_REASONS = {
  wrong_info: '信息错误',
  not_me: '非本人',
  revoked_or_changed: '已撤销或变更',
  publicity_over: '超过公示期',
  other: '其他',
} as const
export type ObjectionReason = keyof typeof OBJECTION_REASONS

/** Reasons a person cannot show without a document (e.g. an ID mismatch, the revocation decision). */
export const EVIDENCE_REQUIRED: readonly ObjectionReason[] = ['not_me', 'revoked_or_changed']
export const OBJECTION_DESCRIPTION_MIN = 10
export const OBJECTION_DESCRIPTION_MAX = 500
export const OBJECTION_MAX_FILES = 9

export type ObjectionStatus = '已提交' | '核查中' | '已转办' | '已办结'
export type ObjectionAction = 'accept' | 'transfer' | 'decide'
export type ObjectionOutcome = 'correct' | 'revoke' | 'uphold'

export const OUTCOME_LABELS: Readonly<Record<ObjectionOutcome, string>> = { correct: '更正', revoke: '撤销', uphold: '维持' }

/** Which officer action is allowed in which state, and where it leads. */
export const OBJECTION_TRANSITIONS: Readonly<Record<ObjectionAction, { from: readonly ObjectionStatus[]; to: ObjectionStatus; label: string }>> = {
  accept: { from: ['已提交'], to: '核查中', label: '受理核查' },
  transfer: { from: ['核查中'], to: '已转办', label: '转办' },
  decide: { from: ['核查中', '已转办'], to: '已办结', label: '作出决定' },
}

/** The Chinese refusal for an action in a state that does not allow it, or null when allowed. */
export function refuseAction(status: ObjectionStatus, action: ObjectionAction): string | null {
  const t = OBJECTION_TRANSITIONS[action]
  if (t.from.includes(status)) return null
  if (status === '已办结') return '该异议已办结，不能再次处理'
  if (action === 'decide') return '请先受理该异议，再作出决定'
  if (action === 'transfer') return status === '已转办' ? '该异议已转办，不能重复转办' : '请先受理该异议，再转办'
  return `该异议当前为“${status}”，不能${t.label}`
}

export interface ObjectionInput {
  reason: string
  description: string
  attachmentIds: readonly string[]
}

/** The filing rules the app checks as the user types and the server checks again. */
export function validateObjection(input: ObjectionInput): ValidationResult<ObjectionInput & { reason: ObjectionReason }> {
  if (!(input.reason in OBJECTION_REASONS)) return { ok: false, message: '请选择异议理由' }
  const reason = input.reason as ObjectionReason
  const description = input.description.trim()
  if (description.length < OBJECTION_DESCRIPTION_MIN) return { ok: false, message: `请说明异议的具体情况（至少 ${OBJECTION_DESCRIPTION_MIN} 个字）` }
  if (description.length > OBJECTION_DESCRIPTION_MAX) return { ok: false, message: `异议说明不能超过 ${OBJECTION_DESCRIPTION_MAX} 个字` }
  if (input.attachmentIds.length > OBJECTION_MAX_FILES) return { ok: false, message: `证明材料最多 ${OBJECTION_MAX_FILES} 个文件` }
  if (new Set(input.attachmentIds).size !== input.attachmentIds.length) return { ok: false, message: '证明材料有重复文件' }
  if (EVIDENCE_REQUIRED.includes(reason) && input.attachmentIds.length === 0) {
    return { ok: false, message: `以“${OBJECTION_REASONS[reason]}”为由提出异议，请上传证明材料` }
  }
  return { ok: true, value: { reason, description, attachmentIds: [...input.attachmentIds] } }
}

export interface ObjectionDeadlines {
  /** the platform's decision (when it decides itself) */
  decision: CalendarDate
  /** the latest day to transfer to the source department */
  transfer: CalendarDate
  /** the department's decision, once transferred */
  department: CalendarDate | null
}

/** Due dates from the filing day (and the transfer day, once there is one). */
export function objectionDeadlines(calendar: WorkingCalendar, filedOn: string, transferredOn: string | null = null): ObjectionDeadlines {
  return {
    decision: calendar.addWorkingDays(filedOn, OBJECTION_DECISION_WORKING_DAYS),
    transfer: calendar.addWorkingDays(filedOn, OBJECTION_TRANSFER_WORKING_DAYS),
    department: transferredOn ? calendar.addWorkingDays(transferredOn, OBJECTION_DEPARTMENT_WORKING_DAYS) : null,
  }
}

/** The due date that matters in a state: transfer and decision while open, the department's once transferred. */
export function currentDue(status: ObjectionStatus, d: ObjectionDeadlines): CalendarDate | null {
  if (status === '已办结') return null
  if (status === '已转办') return d.department
  return d.decision
}

/** Overdue when the due day has passed (a step due today is not late until tomorrow). */
export const isOverdue = (due: CalendarDate | null, today: string) => Boolean(due && today > due.date)
