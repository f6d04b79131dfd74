// Who may use an incentive (守信激励), with the reasons in plain Chinese. Each incentive publishes
// its own rule; a subject on a 严重失信 list is never eligible; an entry under objection does not
// count against anyone (it is already left out of the score and the lists).
import { levelAtLeast } from './level'
import { GREEN_CHANNEL_CLEAN_YEARS, type LevelName } from './policy'

export interface IncentiveRule {
  /** minimum credit level; null = any level */
  minLevel: LevelName | null
  /** 'required': only the red list; 'alternative': the level OR the red list; 'none': level only */
  redList: 'required' | 'alternative' | 'none'
}

export interface CreditStanding {
  level: LevelName
  onRedList: boolean
  onBlackList: boolean
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

export function checkEligibility(rule: IncentiveRule, s: CreditStanding): Eligibility {
  if (s.onBlackList) return { eligible: false, reasons: ['已被列入严重失信主体名单，依规不能享受守信激励'] }
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
