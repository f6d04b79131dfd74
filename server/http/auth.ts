// Who is calling: the bearer token's user, and the subject they act for (themselves, or an
// enterprise they are bound to via X-Subject). Anything else is 404, never a hint that it exists.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import { validateUscc } from '../../src/domain/uscc'
import type { Database } from '../db/schema'
import { verifyAccessToken } from '../auth/jwt'
import type { AccessTokenRevocation } from '../auth/revoked-tokens'
import { AppError, notFound, unauthorized } from './errors'

declare module 'fastify' {
  interface FastifyRequest {
    user?: { id: string; roles: string[]; token?: { jti: string; expiresAt: Date } }
  }
  interface FastifyInstance {
    accessTokenRevocation(token: { jti?: string; userId: string; familyId?: string }): Promise<AccessTokenRevocation>
  }
}

export interface ActingSubject {
  id: string
  kind: 'person' | 'enterprise'
  name: string
  identifier: string
  /** how the caller relates to it: 本人, 法定代表人, 经办人 */
  relation: string
}

export function requireAuth(secret: Uint8Array) {
  return async function (this: FastifyInstance, request: FastifyRequest, _reply: FastifyReply) {
    const header = request.headers.authorization
    if (!header || !header.startsWith('Bearer ')) throw unauthorized()
    const claims = await verifyAccessToken(secret, header.slice(7).trim())
    // Ended before it expired (logout, account deleted, session revoked): the app decorates the
    // instance with the check, which reads the database so a revocation on any instance counts.
    const revoked = await this.accessTokenRevocation(claims)
    if (revoked === 'logged_out') throw unauthorized('已退出登录，请重新登录', 'TOKEN_REVOKED')
    if (revoked === 'account_deleted') throw unauthorized('该账号已注销', 'ACCOUNT_DELETED')
    if (revoked === 'session_revoked') throw unauthorized('登录已失效，请重新登录', 'SESSION_REVOKED')
    request.user = { id: claims.userId, roles: claims.roles, token: claims.jti ? { jti: claims.jti, expiresAt: claims.expiresAt } : undefined }
  }
}

/** Staff routes: the caller holds one of these roles, checked before the body is looked at. */
export function requireRole(...roles: string[]) {
  return async (request: FastifyRequest) => {
    if (!roles.some((role) => request.user?.roles.includes(role))) throw new AppError(403, 'FORBIDDEN', '当前账号没有此操作的权限')
  }
}

/** The subject this request acts for; throws 404 for an enterprise the caller is not bound to. */
export async function actingSubject(db: Kysely<Database>, request: FastifyRequest): Promise<ActingSubject> {
  const userId = request.user?.id
  if (!userId) throw unauthorized()
  const header = request.headers['x-subject']
  if (typeof header === 'string' && header.trim() !== '') {
    const uscc = validateUscc(header)
    if (!uscc.ok) throw new AppError(400, 'INVALID_SUBJECT', uscc.message)
    const row = await db
      .selectFrom('agent_bindings as b')
      .innerJoin('subjects as s', 's.id', 'b.subject_id')
      .select(['s.id', 's.kind', 's.name', 's.identifier', 'b.role'])
      .where('b.user_id', '=', userId)
      .where('s.identifier', '=', uscc.value)
      .executeTakeFirst()
    if (!row) throw notFound('企业')
    return { id: row.id, kind: row.kind, name: row.name, identifier: row.identifier, relation: row.role }
  }
  const cached = ownSubjects.get(userId)
  if (cached) return cached
  const row = await db
    .selectFrom('users as u')
    .innerJoin('subjects as s', 's.id', 'u.subject_id')
    .select(['s.id', 's.kind', 's.name', 's.identifier'])
    .where('u.id', '=', userId)
    .executeTakeFirst()
  if (!row) throw new AppError(403, 'REAL_NAME_REQUIRED', '请先完成实名认证')
  const own = { ...row, relation: '本人' }
  if (ownSubjects.size >= OWN_SUBJECT_CACHE_SIZE) ownSubjects.delete(ownSubjects.keys().next().value!)
  ownSubjects.set(userId, own)
  return own
}

/**
 * A user's own (real-name) subject never changes once bound — the binding cannot be replaced — so
 * it is safe to keep in each instance's memory. Only bound users are cached; enterprise bindings
 * (which can end) are always read from the database.
 */
const OWN_SUBJECT_CACHE_SIZE = 50_000
const ownSubjects = new Map<string, ActingSubject>()

/**
 * Drops a deleted account's subject from this instance's cache. Other instances may still hold it,
 * but cannot serve it: every request's token check reads users.deleted_at first.
 */
export function forgetOwnSubject(userId: string) {
  ownSubjects.delete(userId)
}
