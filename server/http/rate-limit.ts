// Per-address rate limits for anonymous routes, counted in the database so that every instance
// counts together: one atomic upsert per request on (bucket, fixed window) returns the new count.
import type { FastifyRequest } from 'fastify'
import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { AppError } from './errors'

export interface RateLimit {
  /** route group, e.g. 'public' */
  bucket: string
  limit: number
  windowSeconds: number
}

/** Counts one request of `client` and throws a Chinese 429 with Retry-After past the limit. */
export async function countRequest(db: Kysely<Database>, rule: RateLimit, client: string, now = new Date()): Promise<void> {
  const windowMs = rule.windowSeconds * 1000
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs)
  const { rows } = await sql<{ hits: number }>`
    insert into rate_limit_hits (bucket, window_start, hits) values (${`${rule.bucket}|${client}`}, ${windowStart}, 1)
    on conflict (bucket, window_start) do update set hits = rate_limit_hits.hits + 1
    returning hits`.execute(db)
  if (rows[0].hits > rule.limit) {
    const retryAfter = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000))
    throw new AppError(429, 'RATE_LIMITED', `请求过于频繁，请 ${retryAfter} 秒后再试`, { 'retry-after': String(retryAfter) })
  }
}

/** An onRequest hook limiting a route (group) per client address. */
export function rateLimited(db: Kysely<Database>, rule: RateLimit) {
  return async (request: FastifyRequest) => countRequest(db, rule, request.ip)
}

/** Deletes counters of windows that have ended; run by a periodic job. */
export async function purgeExpiredRateLimits(db: Kysely<Database>, now = new Date(), olderThanSeconds = 3600): Promise<number> {
  const r = await db.deleteFrom('rate_limit_hits').where('window_start', '<', new Date(now.getTime() - olderThanSeconds * 1000)).executeTakeFirst()
  return Number(r.numDeletedRows)
}
