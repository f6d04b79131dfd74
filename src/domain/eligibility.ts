// Who may use an incentive (守信激励), with the reasons in plain Chinese. Each incentive publishes
// its own rule; a subject on a 严重失信 list is never eligible; an entry under objection does not
// count against anyone (it is already left out of the score and the lists).
import { levelAtLeast } from './level'
import { GREEN_CHANNEL_CLEAN_YEARS, LEVELS, type LevelName } from './policy'

export type Audience = 'person' | 'enterprise'
export const AUDIENCE_NAMES: Record<Audience, string> = { person: '面向个人', enterprise: '面向企业' }

export interface IncentiveRule {
  /** minimum credit level; null = any level */
  minLevel: LevelName | null
  /** 'required': only the red list; 'alternative': the level OR the red list; 'none': level only */
  redList: 'required' | 'alternative' | 'none'
  /** who may claim it; a person when absent */
  audience?: Audience
}

export interface CreditStanding {
  level: LevelName
  onRedList: boolean
  onBlackList: boolean
  /** whose standing this is: oneself, or an enterprise the user acts for; a person when absent */
  subjectKind?: Audience
}

export interface Eligibility {
  eligible: boolean
  reasons: string[]
}

export function describeRule(rule: IncentiveRule): string {
  const level = rule.minLevel ? `信用等级达到“${rule.minLevel}”及以上` : ''
  if (rule.redList === 'required') return level ? `列入守信红名单且${level}` : '列入守信红名单'
  if (rule.redList === 'alternative') return level ? `${level}，或列入守信红名单` : '列入守信红名单'
  return level || '无严重失信记录的用户均可享受'
}

const BLACK_LIST_REASON = '已被列入严重失信主体名单，依规不能享受守信激励'

export function checkEligibility(rule: IncentiveRule, s: CreditStanding): Eligibility {
  if (s.onBlackList) return { eligible: false, reasons: [BLACK_LIST_REASON] }
  const audience = rule.audience ?? 'person'
  if (audience !== (s.subjectKind ?? 'person')) {
    return { eligible: false, reasons: [audience === 'person' ? '该激励面向个人，企业身份不能领取，请切换为本人身份' : '该激励面向企业，请切换为所代理企业的身份'] }
  }
  const levelOk = !rule.minLevel || levelAtLeast(s.level, rule.minLevel)
  const levelReason = `需信用等级达到“${rule.minLevel}”，当前“${s.level}”`
  if (rule.redList === 'required') {
    const reasons = [...(s.onRedList ? [] : ['需列入守信红名单']), ...(levelOk ? [] : [levelReason])]
    return reasons.length ? { eligible: false, reasons } : { eligible: true, reasons: ['已列入守信红名单'] }
  }
  if (rule.redList === 'alternative' && s.onRedList) return { eligible: true, reasons: ['已列入守信红名单'] }
  if (!levelOk) {
    return { eligible: false, reasons: [rule.redList === 'alternative' ? `${levelReason}，或需列入守信红名单` : levelReason] }
  }
  return { eligible: true, reasons: [rule.minLevel ? `信用等级“${s.level}”符合要求` : '无严重失信记录'] }
}

/**
 * 绿色通道 / 容缺受理 (000 §9): the red list, or no negative record decided in the last three
 * years (records revoked or corrected, and entries under objection, do not count).
 */
export function greenChannel(
  s: CreditStanding,
  negatives: { decisionDate: string; status: string }[],
  today: string,
): Eligibility {
  if (s.onBlackList) return { eligible: false, reasons: ['已被列入严重失信主体名单'] }
  if (s.onRedList) return { eligible: true, reasons: ['已列入守信红名单'] }
  const since = `${Number(today.slice(0, 4)) - GREEN_CHANNEL_CLEAN_YEARS}${today.slice(4)}`
  const blocking = negatives.filter((r) => r.decisionDate > since && !['已撤销', '已更正', '异议中'].includes(r.status))
  if (blocking.length === 0) return { eligible: true, reasons: [`近 ${GREEN_CHANNEL_CLEAN_YEARS} 年无失信记录`] }
  return { eligible: false, reasons: [`近 ${GREEN_CHANNEL_CLEAN_YEARS} 年有 ${blocking.length} 条失信记录，且未列入守信红名单`] }
}

export interface EligibilitySummary {
  /** how many of the incentives the subject may use now */
  count: number
  total: number
  /** the badge: 可享 N 项激励 / 暂无可享激励 / 不能享受激励 */
  label: string
  /** why none, in plain Chinese; null when some are open */
  reason: string | null
}

/** The standing card's badge, from the very rules each item is checked against. */
export function summarizeEligibility(rules: IncentiveRule[], s: CreditStanding): EligibilitySummary {
  const count = rules.filter((r) => checkEligibility(r, s).eligible).length
  const total = rules.length
  if (s.onBlackList) return { count, total, label: '不能享受激励', reason: BLACK_LIST_REASON }
  if (count > 0) return { count, total, label: `可享 ${count} 项激励`, reason: null }
  const kind = s.subjectKind ?? 'person'
  if (rules.length > 0 && rules.every((r) => (r.audience ?? 'person') !== kind)) {
    return { count, total, label: '暂无可享激励', reason: kind === 'enterprise' ? '现有激励均面向个人，请切换为本人身份查看和领取' : '现有激励均面向企业' }
  }
  // The easiest level any item asks for (items open to the red list alone say so).
  const levels = rules.filter((r) => r.redList !== 'required' && r.minLevel).map((r) => r.minLevel as LevelName)
  const easiest = [...LEVELS].reverse().find((l) => levels.includes(l.name))?.name
  const reason = easiest
    ? `当前信用等级“${s.level}”，各项激励最低需达到“${easiest}”，或列入守信红名单`
    : '各项激励均需列入守信红名单'
  return { count, total, label: '暂无可享激励', reason }
}
