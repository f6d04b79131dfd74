// The incentive catalog as one caller sees it: each item with its rule and whether the caller
// meets it, in plain Chinese.
import type { Kysely } from 'kysely'
import { AUDIENCE_NAMES, checkEligibility, describeRule, type CreditStanding, type IncentiveRule } from '../../src/domain/eligibility'
import type { LevelName } from '../../src/domain/policy'
import type { Database } from '../db/schema'
import { notFound } from '../http/errors'

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

export function toApi(row: Awaited<ReturnType<typeof loadIncentive>>, standing: CreditStanding | null) {
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
