// Words and colours the credit screens show for codes the API returns. Status and polarity are
// always shown as a coloured tag *with* its words (STYLE: status by colour and words).
import { LEVELS, SCORE_MAX, type LevelName } from '../../domain/policy'
import type { Polarity, RecordStatus, Severity } from '../../services/types'

/** Record kinds of DESIGN §3, for the list filter. */
export const RECORD_KINDS = ['行政许可', '行政处罚', '表彰奖励', '失信被执行人', '欠税', '合同履约', '志愿服务', '信用承诺', '自愿注册'] as const

export const RECORD_STATUSES: readonly RecordStatus[] = ['公示中', '异议中', '已更正', '已撤销', '已修复', '已到期']

export const POLARITY_LABELS: Record<Polarity, string> = { positive: '正面', negative: '负面' }

/** tag class: ok / warn / danger / accent / muted (app.scss) */
export type Tone = 'ok' | 'warn' | 'danger' | 'accent' | 'muted'

const STATUS_TONES: Record<RecordStatus, Tone> = {
  公示中: 'accent',
  异议中: 'warn',
  已更正: 'ok',
  已撤销: 'muted',
  已修复: 'ok',
  已到期: 'muted',
}
export const statusTone = (status: RecordStatus): Tone => STATUS_TONES[status] ?? 'muted'

export const polarityTone = (p: Polarity): Tone => (p === 'positive' ? 'ok' : 'danger')

const SEVERITY_TONES: Record<Severity, Tone> = { 轻微: 'muted', 一般: 'warn', 严重: 'danger' }
export const severityTone = (s: Severity): Tone => SEVERITY_TONES[s]
/** e.g. 情节一般: the words of an administrative decision, not a list (严重失信 is a list). */
export const severityLabel = (s: Severity): string => `情节${s}`

/** The colour of each level on the dial, the chart and the scale (same hues as styles/variables). */
const LEVEL_COLORS: Record<LevelName, string> = {
  极好: '#0f7a41',
  优秀: '#0b7285',
  良好: '#1763f0',
  一般: '#9a4d00',
  待提升: '#b8262c',
}
export const levelColor = (level: LevelName): string => LEVEL_COLORS[level] ?? LEVEL_COLORS['良好']

/** The score range of each level, from the thresholds in the policy module, highest first. */
export function levelRanges(): { name: LevelName; min: number; max: number }[] {
  return LEVELS.map((l, i) => ({ name: l.name, min: l.min, max: i === 0 ? SCORE_MAX : LEVELS[i - 1].min - 1 }))
}
