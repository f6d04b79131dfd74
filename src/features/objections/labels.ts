// How an objection reads on screen: its state in colour and words, and the notes that go with it.
import type { Tone } from '../credit/labels'
import type { Objection, ObjectionStatus } from '../../services/objections-api'

export const STATUS_TONES: Record<ObjectionStatus, Tone> = { 已提交: 'accent', 核查中: 'warn', 已转办: 'warn', 已办结: 'ok' }

export const OUTCOME_EFFECTS = {
  correct: '记录已按核查结果更正，原内容保留在记录的变更历史中。',
  revoke: '记录已撤销，公示随即结束，不再计入信用评分。',
  uphold: '维持原记录，记录恢复公示并重新计入信用评分。',
} as const

/** While a case is open the record is suspended (000 §22): the one sentence every page repeats. */
export const SUSPENDED_NOTE = '异议核查期间，该记录暂不计入信用评分，也不影响守信激励的办理。'

/** The line under a case in a list: what is due by when, or how it ended. */
export function dueLine(o: Pick<Objection, 'status' | 'dueDate' | 'overdue' | 'outcome'>, outcomeLabel?: string | null): string {
  if (o.status === '已办结') return `已办结${outcomeLabel ? `：${outcomeLabel}` : ''}`
  if (!o.dueDate) return o.status
  return o.overdue ? `已逾期（办理期限 ${o.dueDate}）` : `${o.dueDate} 前办结`
}
