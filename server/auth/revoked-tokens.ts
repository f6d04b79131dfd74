// The deny-list of access tokens ended at logout: a token id (jti) stays here until the token
// would have expired anyway, so the list holds at most 15 minutes of logouts.
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'

export async function revokeAccessToken(db: Kysely<Database>, jti: string, expiresAt: Date): Promise<void> {
  await db.insertInto('revoked_access_tokens').values({ jti, expires_at: expiresAt }).onConflict((oc) => oc.column('jti').doNothing()).execute()
}

/** One primary-key lookup per authenticated request. */
export async function isAccessTokenRevoked(db: Kysely<Database>, jti: string): Promise<boolean> {
  const row = await db.selectFrom('revoked_access_tokens').select('jti').where('jti', '=', jti).executeTakeFirst()
  return Boolean(row)
}

/** Deletes entries of tokens that have expired; run by a periodic job. */
export async function purgeExpiredRevokedTokens(db: Kysely<Database>, now = new Date()): Promise<number> {
  const r = await db.deleteFrom('revoked_access_tokens').where('expires_at', '<', now).executeTakeFirst()
  return Number(r.numDeletedRows)
}
