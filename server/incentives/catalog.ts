// The incentive catalog as one caller sees it: each item with its rule and whether the caller
// meets it, in plain Chinese.
import type { Kysely } from 'kysely'
import type { Catalog, Incentive } from '../../src/contract/incentives'
import { AUDIENCE_NAMES, checkEligibility, describeRule, greenChannel, summarizeEligibility, type CreditStanding, type IncentiveRule } from '../../src/domain/eligibility'
import type { LevelName } from '../../src/domain/policy'
import { creditStanding } from '../credit/records'
import type { Database } from '../db/schema'
import { AppError, notFound } from '../http/errors'

export const CATEGORY_NAMES = { travel: '信易游', rental: '信易租', reading: '信易阅', medical: '信易医' } as const
export type Category = keyof typeof CATEGORY_NAMES

export function ruleOf(row: { rule_min_level: string | null; rule_red_list: IncentiveRule['redList']; audience: 'person' | 'enterprise' }): IncentiveRule {
  return { minLevel: row.rule_min_level as LevelName | null, redList: row.rule_red_list, audience: row.audience }
}

export async function loadIncentive(db: Kysely<Database>, id: string) {
  const row = await db.selectFrom('incentives').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound('激励项目')
  return row
}

export function toApi(row: Awaited<ReturnType<typeof loadIncentive>>, standing: CreditStanding | null): Incentive {
  const rule = ruleOf(row)
  const eligibility = standing ? checkEligibility(rule, standing) : { eligible: false, reasons: ['请先登录并完成实名认证'] }
  return {
    id: row.id,
    category: row.category,
    categoryName: CATEGORY_NAMES[row.category],
    name: row.name,
    provider: row.provider,
    summary: row.summary,
    benefits: row.benefits,
    rule: describeRule(rule),
    eligible: eligibility.eligible,
    reasons: eligibility.reasons,
    audience: row.audience,
    audienceName: AUDIENCE_NAMES[row.audience],
    claimKind: row.claim_kind,
    address: row.address,
    openHours: row.open_hours,
    hours: row.last_entry ? { opens: row.opens_at, closes: row.closes_at, lastEntry: row.last_entry } : null,
    depositWaived: row.deposit_waived,
    limits: row.limits,
    howToUse: row.how_to_use,
  }
}

type Subject = { id: string; kind: 'person' | 'enterprise' }

/** The catalog screen: the caller's standing and badge, 绿色通道, and the items (of one category or all). */
export async function catalogFor(db: Kysely<Database>, subject: Subject, category: Category | undefined, today: string): Promise<Catalog> {
  const credit = await creditStanding(db, subject.id, today)
  const standing = { ...credit.standing, subjectKind: subject.kind }
  // The badge counts every item, whichever category tab is open.
  const all = await db.selectFrom('incentives').selectAll().orderBy('sort').execute()
  const rows = category ? all.filter((r) => r.category === category) : all
  const negatives = await db.selectFrom('credit_records').select(['decision_date', 'status']).where('subject_id', '=', subject.id).where('polarity', '=', 'negative').execute()
  return {
    standing: {
      score: credit.result.score, level: credit.result.level, redList: credit.redList, blackList: credit.blackList,
      incentives: summarizeEligibility(all.map(ruleOf), standing),
    },
    greenChannel: greenChannel(credit.standing, negatives.map((n) => ({ decisionDate: n.decision_date, status: n.status })), today),
    items: rows.map((r) => toApi(r, standing)),
  }
}

/** One item with whether the caller meets its rule. */
export async function incentiveFor(db: Kysely<Database>, subject: Subject, id: string, today: string): Promise<Incentive> {
  const row = await loadIncentive(db, id)
  const { standing } = await creditStanding(db, subject.id, today)
  return toApi(row, { ...standing, subjectKind: subject.kind })
}

/** The incentive, if the caller may claim it now; otherwise why not (400 wrong audience, 403 not eligible). */
export async function claimable(db: Kysely<Database>, subject: Subject, id: string, today: string) {
  const incentive = await loadIncentive(db, id)
  const { standing } = await creditStanding(db, subject.id, today)
  const eligibility = checkEligibility(ruleOf(incentive), { ...standing, subjectKind: subject.kind })
  if (incentive.audience !== subject.kind) throw new AppError(400, 'PERSON_ONLY', `${eligibility.reasons[0]}后领取`)
  if (!eligibility.eligible) throw new AppError(403, 'NOT_ELIGIBLE', `暂不符合领取条件：${eligibility.reasons.join('；')}`)
  return incentive
}
