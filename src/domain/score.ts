// The explainable credit score: base + positive factors − negative factors, counted only while a
// record is in publicity and not suspended by an objection; clamped to the scale. Every point is
// traceable to the record behind it.
import { levelOf } from './level'
import { serviceHourPoints } from './service-hours'
import { BLACK_LIST_POINTS, VOLUNTARY_RECORDS_COUNTED, NEGATIVE_POINTS, POSITIVE_POINTS, SCORE_BASE, SCORE_MAX, SCORE_MIN, type LevelName, type Severity } from './policy'

export interface ScoredRecord {
  id: string
  kind: string
  polarity: 'positive' | 'negative'
  severity: Severity | null
  status: string
  title: string
  documentNo: string | null
  publicityStart: string
  publicityEnd: string | null
  listKind: 'red' | 'black' | null
}

export interface ScoreFactor {
  recordId: string
  points: number
  /** as a person would say it, e.g. "因“行政处罚决定书”（杭上消行罚决字〔2026〕0128号）减 50 分，
   *  公示期到 2027 年 3 月 1 日，期满后不再扣分" */
  reason: string
}

export interface ScoreResult {
  score: number
  level: LevelName
  base: number
  factors: ScoreFactor[]
  /** records that exist but do not count now, with the reason */
  excluded: { recordId: string; reason: string }[]
}

export function inPublicity(r: Pick<ScoredRecord, 'publicityStart' | 'publicityEnd'>, today: string): boolean {
  return r.publicityStart <= today && (r.publicityEnd === null || today <= r.publicityEnd)
}

/** The record kind of verified self-registered information (信用信息自愿注册). */
export const VOLUNTARY_KIND = '自愿注册'

function positivePoints(r: ScoredRecord): number {
  if (r.listKind === 'red') return POSITIVE_POINTS.redList
  if (r.kind === '表彰奖励') return POSITIVE_POINTS.honour
  if (r.kind === '志愿服务') return POSITIVE_POINTS.volunteer
  if (r.kind === '合同履约') return POSITIVE_POINTS.contract
  if (r.kind === '信用承诺') return POSITIVE_POINTS.commitment
  if (r.kind === VOLUNTARY_KIND) return POSITIVE_POINTS.voluntary
  return POSITIVE_POINTS.other
}

function negativePoints(r: ScoredRecord): number {
  return NEGATIVE_POINTS[r.severity ?? '一般'] + (r.listKind === 'black' ? BLACK_LIST_POINTS : 0)
}

const describe = (r: ScoredRecord) => `“${r.title}”${r.documentNo ? `（${r.documentNo}）` : ''}`

/** '2027-03-01' → '2027 年 3 月 1 日' */
function spokenDate(ymd: string): string {
  const [y, m, d] = ymd.split('-').map(Number)
  return `${y} 年 ${m} 月 ${d} 日`
}

function reasonFor(r: ScoredRecord, points: number): string {
  const change = points > 0 ? `加 ${points} 分` : `减 ${-points} 分`
  const until = r.publicityEnd ? `，公示期到 ${spokenDate(r.publicityEnd)}，期满后不再${points > 0 ? '加分' : '扣分'}` : ''
  return `因${describe(r)}${change}${until}`
}

/** The factor of confirmed public-service hours: not a record, so it carries this id instead. */
export const SERVICE_HOURS_FACTOR = 'public-service-hours'

/** `serviceHours`: the subject's confirmed 公益服务 hours (read by the caller; this stays pure). */
export function computeScore(records: ScoredRecord[], today: string, serviceHours = 0): ScoreResult {
  const factors: ScoreFactor[] = []
  const excluded: ScoreResult['excluded'] = []
  let voluntary = 0
  for (const r of records) {
    if (r.status === '异议中') {
      excluded.push({ recordId: r.id, reason: '异议核查中，暂不计分' })
      continue
    }
    if (r.status !== '公示中' || !inPublicity(r, today)) {
      excluded.push({ recordId: r.id, reason: r.status === '公示中' ? '不在公示期内，不计分' : `${r.status}，不计分` })
      continue
    }
    if (r.kind === VOLUNTARY_KIND && r.polarity === 'positive' && ++voluntary > VOLUNTARY_RECORDS_COUNTED) {
      excluded.push({ recordId: r.id, reason: `自愿注册信息最多计 ${VOLUNTARY_RECORDS_COUNTED} 条，本条不再加分` })
      continue
    }
    const points = r.polarity === 'positive' ? positivePoints(r) : -negativePoints(r)
    if (points === 0) {
      excluded.push({ recordId: r.id, reason: '该类记录不影响信用分' })
      continue
    }
    factors.push({ recordId: r.id, points, reason: reasonFor(r, points) })
  }
  const service = serviceHourPoints(serviceHours)
  if (service > 0) {
    factors.push({ recordId: SERVICE_HOURS_FACTOR, points: service, reason: `公益服务 ${Math.round(serviceHours * 10) / 10} 小时，加 ${service} 分（时长越多，每分所需时长越长）` })
  }
  const raw = SCORE_BASE + factors.reduce((s, f) => s + f.points, 0)
  const score = Math.max(SCORE_MIN, Math.min(SCORE_MAX, raw))
  return { score, level: levelOf(score), base: SCORE_BASE, factors, excluded }
}
