// Access tokens: HS256 JWTs with issuer, audience and expiry; only the allow-listed algorithm verifies.
import crypto from 'node:crypto'
import { errors, jwtVerify, SignJWT } from 'jose'
import { ACCESS_TOKEN_TTL_SECONDS } from '../../src/domain/policy'
import { unauthorized } from '../errors'

const ISSUER = 'creditpass'
const AUDIENCE = 'creditpass-app'
const ALGORITHMS = ['HS256']

export interface AccessClaims {
  userId: string
  roles: string[]
  /** the refresh-token family (session) the token was issued in: revoking the family ends it too */
  familyId?: string
}

/** What a verified token tells: its claims, its id (for revocation at logout) and its expiry. */
export interface VerifiedAccess extends AccessClaims {
  jti?: string
  expiresAt: Date
}

export async function signAccessToken(secret: Uint8Array, claims: AccessClaims, ttl = ACCESS_TOKEN_TTL_SECONDS) {
  return new SignJWT({ roles: claims.roles, ...(claims.familyId ? { fid: claims.familyId } : {}) })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setJti(crypto.randomUUID())
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttl)
    .sign(secret)
}

// jose turns raw bytes into a key on every call: the key of each secret is made once.
const keys = new WeakMap<Uint8Array, crypto.KeyObject>()
const keyOf = (secret: Uint8Array) => keys.get(secret) ?? keys.set(secret, crypto.createSecretKey(secret)).get(secret)!

export async function verifyAccessToken(secret: Uint8Array, token: string): Promise<VerifiedAccess> {
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), { algorithms: ALGORITHMS, issuer: ISSUER, audience: AUDIENCE })
    if (typeof payload.sub !== 'string' || !Array.isArray(payload.roles)) throw unauthorized('登录凭证无效，请重新登录', 'TOKEN_INVALID')
    return {
      userId: payload.sub, roles: payload.roles as string[], familyId: typeof payload.fid === 'string' ? payload.fid : undefined,
      jti: typeof payload.jti === 'string' ? payload.jti : undefined, expiresAt: new Date((payload.exp ?? 0) * 1000),
    }
  } catch (e) {
    if (e instanceof errors.JWTExpired) throw unauthorized('登录已过期，请重新登录', 'TOKEN_EXPIRED')
    throw unauthorized('登录凭证无效，请重新登录', 'TOKEN_INVALID')
  }
}
