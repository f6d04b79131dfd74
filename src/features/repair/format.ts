// How repair facts read: dates as people say them, states and statuses in words and colour.
import type { RepairState } from '../../domain/repair-eligibility'

/** '2026-12-30' → '12 月 30 日' (with the year when it is not `today`'s). */
export function dayLabel(ymd: string, today: string): string {
  const [y, m, d] = ymd.split('-').map(Number)
  return `${ymd.slice(0, 4) === today.slice(0, 4) ? '' : `${y} 年 `}${m} 月 ${d} 日`
}

export const STATE_LABELS: Record<RepairState, string> = { eligible: '现在可申请', later: '暂不可申请', never: '无需或不能修复' }
export const STATE_TONES: Record<RepairState, 'ok' | 'warn' | 'muted'> = { eligible: 'ok', later: 'warn', never: 'muted' }

export const STATUS_TONES: Record<string, 'accent' | 'ok' | 'danger'> = { 审核中: 'accent', 已通过: 'ok', 未通过: 'danger' }

/** Hours still to serve, to one decimal. */
export const hoursShort = (required: number, confirmed: number) => Math.max(0, Math.round((required - confirmed) * 10) / 10)

/** '+50 分' / '−20 分' / '不变'. */
export const gainLabel = (gain: number) => (gain > 0 ? `+${gain} 分` : gain < 0 ? `−${-gain} 分` : '分数不变')
