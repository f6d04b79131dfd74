// 信易租: a deposit-free grant, checked by the rental partner only while the person has authorised
// that partner (revocable; every check is written to the person's access log).
import crypto from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import { inTransaction } from '../db/transaction'
import { maskName } from '../../src/domain/mask'
import { AUTHORIZATION_MAX_DAYS, RENTAL_GRANT_VALID_DAYS } from '../../src/domain/policy'
import { addCalendarDays } from '../../src/domain/dates'
import type { Database } from '../db/schema'
import { checkEligibility } from '../../src/domain/eligibility'
import { logAccess } from '../credit/access-log'
import { creditStanding } from '../credit/records'
import { loadIncentive, ruleOf } from './catalog'
import { AppError, notFound } from '../http/errors'
import { checkCode, newCode } from './codes'

const AUTH_SCOPE = '查验信易租免押资格（等级是否达标、免押额度、有效期）'

function grantQuery(db: Kysely<Database>) {
  return db
    .selectFrom('rental_grants as g')
    .innerJoin('incentives as i', 'i.id', 'g.incentive_id')
    .select(['g.id', 'g.code', 'g.incentive_id', 'g.subject_id', 'g.valid_until', 'g.status', 'g.created_at', 'i.name', 'i.provider', 'i.deposit_waived', 'i.limits'])
}
type GrantRow = Awaited<ReturnType<ReturnType<typeof grantQuery>['executeTakeFirstOrThrow']>>

function grantToApi(g: GrantRow, today: string) {
  const status = g.status === 'revoked' ? ('revoked' as const) : g.valid_until < today ? ('expired' as const) : ('active' as const)
  return {
    id: g.id, code: g.code, incentiveId: g.incentive_id, name: g.name, partner: g.provider, depositWaived: g.deposit_waived,
    limits: g.limits, validUntil: g.valid_until, status, statusText: { active: '有效', expired: '已过期', revoked: '已撤销' }[status],
  }
}

/** One active grant per person and partner: claiming again returns it. */
export async function claimGrant(db: Kysely<Database>, secret: Uint8Array, subjectId: string, incentiveId: string, today: string) {
  await db
    .insertInto('rental_grants')
    .values({ id: crypto.randomUUID(), code: newCode(secret, 'grant'), incentive_id: incentiveId, subject_id: subjectId, valid_until: addCalendarDays(today, RENTAL_GRANT_VALID_DAYS) })
    .onConflict((oc) => oc.columns(['subject_id', 'incentive_id']).where('status', '=', 'active').doNothing())
    .execute()
  const g = await grantQuery(db).where('g.subject_id', '=', subjectId).where('g.incentive_id', '=', incentiveId).where('g.status', '=', 'active').executeTakeFirstOrThrow()
  return grantToApi(g, today)
}

export async function listGrants(db: Kysely<Database>, subjectId: string, today: string) {
  const rows = await grantQuery(db).where('g.subject_id', '=', subjectId).orderBy('g.created_at', 'desc').limit(100).execute()
  return { items: rows.map((g) => grantToApi(g, today)), nextCursor: null }
}

function authToApi(a: { id: string; incentive_id: string; scope: string; expires_at: Date; revoked_at: Date | null; created_at: Date; provider: string; name: string }) {
  const status = a.revoked_at ? ('revoked' as const) : a.expires_at.getTime() < Date.now() ? ('expired' as const) : ('active' as const)
  return {
    id: a.id, incentiveId: a.incentive_id, partner: a.provider, service: a.name, scope: a.scope,
    createdAt: a.created_at.toISOString(), expiresAt: a.expires_at.toISOString(), revokedAt: a.revoked_at?.toISOString() ?? null,
    status, statusText: { active: '授权中', expired: '已过期', revoked: '已撤销' }[status],
  }
}

function authQuery(db: Kysely<Database>) {
  return db
    .selectFrom('authorizations as a')
    .innerJoin('incentives as i', 'i.id', 'a.incentive_id')
    .select(['a.id', 'a.incentive_id', 'a.scope', 'a.expires_at', 'a.revoked_at', 'a.created_at', 'i.provider', 'i.name'])
}

export async function authorize(db: Kysely<Database>, subjectId: string, incentiveId: string, days: number) {
  if (days > AUTHORIZATION_MAX_DAYS) throw new AppError(400, 'VALIDATION_ERROR', `授权期限最长 ${AUTHORIZATION_MAX_DAYS} 天`)
  const grant = await db.selectFrom('rental_grants').select('id').where('subject_id', '=', subjectId).where('incentive_id', '=', incentiveId).where('status', '=', 'active').executeTakeFirst()
  if (!grant) throw new AppError(409, 'NO_GRANT', '请先领取该项目的免押资格，再授权合作方查验')
  const id = crypto.randomUUID()
  const now = new Date()
  await inTransaction(db, async (trx) => {
    // One active authorisation per partner and scope: authorising again replaces the active one
    // with the period just chosen (what the person sees is what holds). Serialised per pair.
    await sql`select pg_advisory_xact_lock(hashtext(${`authorization:${subjectId}:${incentiveId}`}))`.execute(trx)
    await trx
      .updateTable('authorizations')
      .set({ revoked_at: now })
      .where('subject_id', '=', subjectId)
      .where('incentive_id', '=', incentiveId)
      .where('scope', '=', AUTH_SCOPE)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', now)
      .execute()
    await trx.insertInto('authorizations').values({ id, subject_id: subjectId, incentive_id: incentiveId, scope: AUTH_SCOPE, expires_at: new Date(now.getTime() + days * 86400_000) }).execute()
  })
  return authToApi(await authQuery(db).where('a.id', '=', id).executeTakeFirstOrThrow())
}

export async function listAuthorizations(db: Kysely<Database>, subjectId: string) {
  const rows = await authQuery(db).where('a.subject_id', '=', subjectId).orderBy('a.created_at', 'desc').limit(100).execute()
  return { items: rows.map(authToApi), nextCursor: null }
}

export async function revokeAuthorization(db: Kysely<Database>, subjectId: string, id: string) {
  const row = await db.selectFrom('authorizations').select('id').where('id', '=', id).where('subject_id', '=', subjectId).executeTakeFirst()
  if (!row) throw notFound('授权')
  await db.updateTable('authorizations').set({ revoked_at: new Date() }).where('id', '=', id).where('revoked_at', 'is', null).execute()
  return authToApi(await authQuery(db).where('a.id', '=', id).executeTakeFirstOrThrow())
}

/** The partner's check: only with a live authorisation of this partner; logged for the person. */
export async function checkGrant(
  db: Kysely<Database>,
  secret: Uint8Array,
  input: { code: string; siteIds: string[]; partnerName: string; today: string },
) {
  const code = checkCode(secret, 'grant', input.code)
  if (!code) throw new AppError(400, 'GRANT_CODE_INVALID', '无效的免押资格码，请核对后重试')
  const g = await grantQuery(db).where('g.code', '=', code).executeTakeFirst()
  if (!g || !input.siteIds.includes(g.incentive_id)) throw new AppError(404, 'NOT_FOUND', '未找到本机构的免押资格，请核对资格码')
  const auth = await db
    .selectFrom('authorizations')
    .select('id')
    .where('subject_id', '=', g.subject_id)
    .where('incentive_id', '=', g.incentive_id)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', new Date())
    .executeTakeFirst()
  if (!auth) throw new AppError(403, 'NOT_AUTHORIZED', '用户未授权本机构查验，或授权已撤销/过期；请用户在“信用通 → 我的 → 授权管理”中授权')
  await logAccess(db, { subjectId: g.subject_id, reader: input.partnerName, readerKind: 'partner', purpose: '信易租免押资格查验' })
  const holder = await db.selectFrom('subjects').select('name').where('id', '=', g.subject_id).executeTakeFirstOrThrow()
  const grant = grantToApi(g, input.today)
  // The grant holds only while the person still meets the rule (a level can drop). The partner
  // learns eligible or not and the validity — never the level, the score or a list status.
  const { standing } = await creditStanding(db, g.subject_id, input.today)
  const still = checkEligibility(ruleOf(await loadIncentive(db, g.incentive_id)), standing)
  const active = grant.status === 'active'
  const reasons = active && !still.eligible ? ['持有人当前不符合本项目的免押条件'] : []
  return { ...grant, holder: maskName(holder.name), depositFree: active && still.eligible, reasons }
}
