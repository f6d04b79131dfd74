// The legal obligation a negative record imposes (缴纳罚款 5,000 元, 停业整顿 …) and whether it is
// known as met: from the department's own data (部门推送), or confirmed by the officer who approved
// a repair on the proof the citizen uploaded (修复审核确认). What the record page shows and what
// repair eligibility reads.

export const OBLIGATION_SOURCES = ['部门推送', '修复审核确认'] as const
export type ObligationSource = (typeof OBLIGATION_SOURCES)[number]

export interface Obligation {
  /** what the decision obliges the subject to do; null: nothing (e.g. a 警告) */
  duty: string | null
  /** the day it was met, as far as the platform knows; null: no record of fulfilment yet */
  metOn: string | null
  source: ObligationSource | null
}

export const NO_OBLIGATION: Obligation = { duty: null, metOn: null, source: null }

/** Met as far as the platform knows: nothing was owed, or its fulfilment is on record. */
export const obligationMet = (o: Obligation) => o.duty === null || o.metOn !== null

/** The proof a citizen uploads for a duty: a payment slip for money, a completion certificate otherwise. */
export function proofFor(duty: string | null): string {
  if (!duty) return '缴款凭证、整改完成证明'
  return /缴|罚款|元|赔偿|支付|给付/.test(duty) ? '缴款凭证' : '整改完成证明'
}

/** 履行情况 in plain Chinese, as the record page shows it. */
export function fulfilmentLabel(o: Obligation): string {
  if (o.duty === null) return '无需履行'
  if (o.metOn === null) return '尚未查到履行记录'
  return `已履行（${o.metOn}，来源：${o.source ?? '部门推送'}）`
}
