// What a decision needs before it is sent (the server checks the same): an outcome, written
// reasons, and for 更正 at least one corrected field.
import type { Correction, DecisionRequest, ObjectionOutcome } from '../../../../services/objections-api'

export interface DecisionDraft {
  outcome: ObjectionOutcome | ''
  reasons: string
  correction: Correction
}

export const EMPTY_DECISION: DecisionDraft = { outcome: '', reasons: '', correction: {} }

export const OUTCOME_OPTIONS: { value: ObjectionOutcome; label: string; hint: string }[] = [
  { value: 'correct', label: '更正', hint: '记录有误，按核查结果更正（原内容保留在历史中）' },
  { value: 'revoke', label: '撤销', hint: '记录不应存在，撤销后公示立即结束' },
  { value: 'uphold', label: '维持', hint: '记录无误，维持原记录，恢复计分' },
]

export const REASONS_MAX = 1000

/** The request to send, or the first problem in Chinese. */
export function checkDecision(d: DecisionDraft): { ok: true; body: DecisionRequest } | { ok: false; message: string } {
  if (!d.outcome) return { ok: false, message: '请选择处理结果：更正、撤销或维持' }
  const reasons = d.reasons.trim()
  if (!reasons) return { ok: false, message: '请填写决定理由，理由将告知信用主体' }
  if (reasons.length > REASONS_MAX) return { ok: false, message: `决定理由不能超过 ${REASONS_MAX} 个字` }
  if (d.outcome !== 'correct') return { ok: true, body: { outcome: d.outcome, reasons } }
  const correction = Object.fromEntries(
    Object.entries(d.correction).map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v]).filter(([, v]) => Boolean(v)),
  ) as Correction
  if (Object.keys(correction).length === 0) return { ok: false, message: '更正记录时，请填写要更正的内容（标题、内容、文书号或失信程度）' }
  return { ok: true, body: { outcome: 'correct', reasons, correction } }
}
