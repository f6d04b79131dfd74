// The deny-list of access tokens ended at logout: a token id (jti) stays here until the token
// would have expired anyway, so the list holds at most 15 minutes of logouts. Beyond single tokens,
// an access token also stops when its account is deleted (users.deleted_at) or its session family
// is revoked (refresh-token reuse, logout) — read from the database, so every instance sees it.
// Every such write also notifies (tokensRevoked): instances keep valid tokens in memory until then
// (revocation-watch.ts).
import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/schema'

export const REVOCATION_CHANNEL = 'token_revocations'

const localListeners = new Set<() => void>()

/** Called when this process revokes something (after its write), before the notice comes back. */
export function onLocalRevocation(listener: () => void): () => void {
  localListeners.add(listener)
  return () => localListeners.delete(listener)
}

/**
 * Tells every instance that some access tokens stopped: in a transaction the notice goes out when
 * it commits (PostgreSQL delivers NOTIFY on commit). This process forgets at once; a caller inside
 * a transaction calls `forgetRevokedHere()` again after the commit.
 */
export async function tokensRevoked(db: Kysely<Database>): Promise<void> {
  await sql`select pg_notify(${REVOCATION_CHANNEL}, '')`.execute(db)
  forgetRevokedHere()
}

export function forgetRevokedHere() {
  for (const listener of localListeners) listener()
}

export async function revokeAccessToken(db: Kysely<Database>, jti: string, expiresAt: Date): Promise<void> {
  await db.insertInto('revoked_access_tokens').values({ jti, expires_at: expiresAt }).onConflict((oc) => oc.column('jti').doNothing()).execute()
  await tokensRevoked(db)
}

export type AccessTokenRevocation = 'logged_out' | 'account_deleted' | 'session_revoked' | null

/** Why a verified token no longer counts, or null: one query of three indexed lookups per request. */
export async function accessTokenRevocation(db: Kysely<Database>, token: { jti?: string; userId: string; familyId?: string }): Promise<AccessTokenRevocation> {
  const { rows } = await sql<{ logged_out: boolean; account_deleted: boolean; session_revoked: boolean }>`select
    exists (select 1 from revoked_access_tokens where jti = ${token.jti ?? ''}) as logged_out,
    exists (select 1 from users where id = ${token.userId} and deleted_at is not null) as account_deleted,
    exists (select 1 from refresh_tokens where family_id = ${token.familyId ?? ''} and revoked_at is not null) as session_revoked`.execute(db)
  const r = rows[0]
  return r.logged_out ? 'logged_out' : r.account_deleted ? 'account_deleted' : r.session_revoked ? 'session_revoked' : null
}

/** Deletes entries of tokens that have expired; run by a periodic job. */
export async function purgeExpiredRevokedTokens(db: Kysely<Database>, now = new Date()): Promise<number> {
  const r = await db.deleteFrom('revoked_access_tokens').where('expires_at', '<', now).executeTakeFirst()
  return Number(r.numDeletedRows)
}
