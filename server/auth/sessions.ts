// Sessions: an access token plus an opaque refresh token that rotates on every use. A refresh token
// used twice means it was stolen: the whole family is revoked, and with it the access tokens issued
// in that family (they carry its id; the auth hook checks it).
import crypto from 'node:crypto'
import type { Kysely } from 'kysely'
import { ACCESS_TOKEN_TTL_SECONDS, REFRESH_TOKEN_TTL_DAYS } from '../../src/domain/policy'
import type { Database } from '../db/schema'
import { unauthorized } from '../errors'
import { signAccessToken } from './jwt'
import { tokensRevoked } from './revoked-tokens'

export const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex')

export interface Session {
  accessToken: string
  refreshToken: string
  expiresIn: number
}

async function issue(db: Kysely<Database>, secret: Uint8Array, user: { id: string; roles: string[] }, familyId: string): Promise<Session> {
  const refreshToken = crypto.randomBytes(32).toString('base64url')
  await db
    .insertInto('refresh_tokens')
    .values({
      id: crypto.randomUUID(),
      family_id: familyId,
      user_id: user.id,
      token_hash: sha256(refreshToken),
      expires_at: new Date(Date.now() + REFRESH_TOKEN_TTL_DAYS * 86400 * 1000),
    })
    .execute()
  const accessToken = await signAccessToken(secret, { userId: user.id, roles: user.roles, familyId })
  return { accessToken, refreshToken, expiresIn: ACCESS_TOKEN_TTL_SECONDS }
}

export function startSession(db: Kysely<Database>, secret: Uint8Array, user: { id: string; roles: string[] }) {
  return issue(db, secret, user, crypto.randomUUID())
}

export async function rotateSession(db: Kysely<Database>, secret: Uint8Array, refreshToken: string) {
  const row = await db.selectFrom('refresh_tokens').selectAll().where('token_hash', '=', sha256(refreshToken)).executeTakeFirst()
  if (!row || row.revoked_at) throw unauthorized('登录已失效，请重新登录', 'REFRESH_TOKEN_INVALID')
  if (row.expires_at.getTime() < Date.now()) throw unauthorized('登录已过期，请重新登录', 'REFRESH_TOKEN_EXPIRED')
  // Atomic claim: of two uses of one token only one can mark it used.
  const claimed = await db
    .updateTable('refresh_tokens')
    .set({ used_at: new Date() })
    .where('id', '=', row.id)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .returning('id')
    .executeTakeFirst()
  if (!claimed) {
    await revokeFamily(db, row.family_id)
    throw unauthorized('检测到登录凭证被重复使用，已退出所有登录，请重新登录', 'REFRESH_TOKEN_REUSED')
  }
  const user = await db.selectFrom('users').select(['id', 'roles']).where('id', '=', row.user_id).executeTakeFirstOrThrow()
  return { session: await issue(db, secret, user, row.family_id), userId: user.id }
}

export async function revokeFamily(db: Kysely<Database>, familyId: string) {
  await db.updateTable('refresh_tokens').set({ revoked_at: new Date() }).where('family_id', '=', familyId).where('revoked_at', 'is', null).execute()
  // the family's access tokens stop too, on every instance
  await tokensRevoked(db)
}

/** Logout: revokes the family of this refresh token, if it is one of the caller's. */
export async function endSession(db: Kysely<Database>, refreshToken: string, userId: string) {
  const row = await db.selectFrom('refresh_tokens').select(['family_id', 'user_id']).where('token_hash', '=', sha256(refreshToken)).executeTakeFirst()
  if (row && row.user_id === userId) await revokeFamily(db, row.family_id)
}
