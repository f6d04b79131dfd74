// Whether, when and how a negative record can be repaired (信用修复, NDRC 令2025年第36号): its class
// sets the waiting time, the obligation must be met, the local policy may ask for public-service
// hours, an open objection or application comes first. The answer says what is missing in plain
// Chinese and what the score would be after repair — the planner and the real outcome use this one.
//
// The obligation rule: when the only thing missing is the department's record that the obligation
// was met, the application may still be filed (state 'eligible', the item stays in `missing`): the
// national procedure has the citizen upload the proof with the application, and the officer who
// approves it on that proof records the obligation as met (source 修复审核确认). Every other missing
// item blocks the application.
import { proofFor } from './obligation'
import { PUBLICITY_RULES, type Severity } from './policy'
import { addMonths } from './publicity'
import { computeScore, inPublicity, type ScoredRecord } from './score'

export type RepairState = 'eligible' | 'later' | 'never'

export interface RepairCase {
  record: ScoredRecord & { decisionDate: string }
  /** false where a law makes this kind of record unrepairable */
  repairable: boolean
  /** the obligation is met as far as the platform knows (nothing owed, or its fulfilment on record) */
  obligationMet: boolean
  /** what is owed (缴纳罚款 5,000 元), for the message; null or absent: not known in detail */
  obligation?: string | null
  hoursRequired: number
  hoursConfirmed: number
  openObjection: boolean
  openApplication: boolean
  /** the last rejected application: may apply again once its reason is fixed */
  lastRejection: { reasons: string; fixed: boolean } | null
}

export interface RepairEligibility {
  recordId: string
  state: RepairState
  /** the first day the waiting time allows an application (null when never) */
  eligibleFrom: string | null
  missing: string[]
  /** false: no record of fulfilment yet — the application must carry the proof (see the rule above) */
  obligationMet: boolean
  hoursRequired: number
  hoursConfirmed: number
  scoreNow: number
  scoreAfter: number
}

/** The missing item when fulfilment is not on record: what to do first and what to upload. */
export function obligationMissing(duty: string | null | undefined): string {
  return `尚未查到履行记录：请先履行${duty ? `“${duty}”` : '法定义务（如缴清罚款、完成整改）'}，申请时上传${proofFor(duty ?? null)}等履行证明`
}

/**
 * Whether an application must carry proof that the obligation was met: only while fulfilment is not
 * on record. Nothing owed, or met as the department's data says (部门推送): nothing to prove. The
 * apply form and the server's check read this one rule.
 */
export const proofRequired = (e: Pick<RepairEligibility, 'obligationMet'>): boolean => !e.obligationMet

/** The first day a record of this class may be repaired: 轻微 at once, 一般 after 3 months, 严重 after 1 year. */
export function repairableFrom(severity: Severity, decisionDate: string): string {
  return addMonths(decisionDate, PUBLICITY_RULES[severity].repairAfterMonths)
}

/** The score of all records with this one repaired (it stops counting at once); `serviceHours`: the confirmed 公益服务 hours, which count too. */
export function scoreAfterRepair(records: readonly ScoredRecord[], recordId: string, today: string, serviceHours = 0): number {
  return computeScore(records.map((r) => (r.id === recordId ? { ...r, status: '已修复' } : r)), today, serviceHours).score
}

const NEVER_REASONS: Record<string, string> = {
  已修复: '该记录已修复，无需再次申请',
  已撤销: '该记录已撤销，不再公示',
  已更正: '该记录已更正，如仍有异议请重新提出异议',
  已到期: '该记录公示期已满，已停止公示，无需修复',
}

export function repairEligibility(c: RepairCase, records: readonly ScoredRecord[], today: string): RepairEligibility {
  const r = c.record
  const scoreNow = computeScore([...records], today, c.hoursConfirmed).score
  const base = { recordId: r.id, obligationMet: c.obligationMet, hoursRequired: c.hoursRequired, hoursConfirmed: c.hoursConfirmed, scoreNow }
  const never = (reason: string): RepairEligibility => ({ ...base, state: 'never', eligibleFrom: null, missing: [reason], scoreAfter: scoreNow })

  if (r.polarity !== 'negative') return never('守信记录无需修复')
  if (NEVER_REASONS[r.status]) return never(NEVER_REASONS[r.status])
  if (!inPublicity(r, today)) return never(NEVER_REASONS['已到期'])
  if (!c.repairable) return never('依照法律、法规规定，该类失信信息不予修复')
  const severity = r.severity ?? '一般'
  const eligibleFrom = repairableFrom(severity, r.decisionDate)
  if (r.publicityEnd && eligibleFrom > r.publicityEnd) return never(`该记录将于 ${r.publicityEnd} 公示期满后自动停止公示，无需申请修复`)

  const missing: string[] = []
  if (today < eligibleFrom) missing.push(`${severity}失信信息需公示满 ${PUBLICITY_RULES[severity].repairAfterMonths} 个月，${eligibleFrom} 起可申请`)
  if (!c.obligationMet) missing.push(obligationMissing(c.obligation))
  const short = Math.max(0, c.hoursRequired - c.hoursConfirmed)
  if (short > 0) missing.push(`还需参加公益服务 ${formatHours(short)} 小时（已确认 ${formatHours(c.hoursConfirmed)} / 需 ${formatHours(c.hoursRequired)} 小时）`)
  if (c.openObjection) missing.push('该记录有正在办理的异议，办结后才能申请修复')
  if (c.openApplication) missing.push('已有一份修复申请正在办理，请等待结果')
  if (c.lastRejection && !c.lastRejection.fixed) missing.push(`上次申请未通过：${c.lastRejection.reasons}。补正后可再次申请`)

  // Only the proof of fulfilment missing: it goes in with the application (the rule above).
  const blocking = missing.length - (c.obligationMet ? 0 : 1)
  return { ...base, state: blocking ? 'later' : 'eligible', eligibleFrom, missing, scoreAfter: scoreAfterRepair(records, r.id, today, c.hoursConfirmed) }
}

const formatHours = (h: number) => (Number.isInteger(h) ? String(h) : h.toFixed(1))
