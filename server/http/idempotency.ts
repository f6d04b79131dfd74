// Idempotency-Key for POSTs (DESIGN §4): same key + same body replays the first response, another
// body is 422, a key still in flight is 409. Kept in the database so every instance and a restart see it.
// The store functions take `db | trx`, so a use case can write its key inside its own transaction.
import crypto from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Kysely, Transaction } from 'kysely'
import { IDEMPOTENCY_KEY_TTL_HOURS } from '../../src/domain/policy'
import type { Database } from '../db/schema'
import { AppError } from './errors'

/** An in-flight key older than this belongs to a request that died with its process. */
const STALE_IN_FLIGHT_MS = 60_000
const KEY_TTL_MS = IDEMPOTENCY_KEY_TTL_HOURS * 3600_000
const KEY_PATTERN = /^[A-Za-z0-9_\-:.]{8,128}$/
/**
 * Sign-in routes answer with tokens: a stored answer would be a second copy of live credentials
 * (and a replay would outlive a revoked login chain). They are safe to repeat, so keys are ignored.
 */
const NEVER_STORED_PREFIX = '/api/auth/'

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * `deferred`: the route runs in a unit of work (`inUnitOfWork`), which claims and completes the
     * key inside the write's own transaction; `completed`: that transaction has stored the answer;
     * `awaitingFile`: a multipart request whose hash is not known until its file has been read.
     */
    idempotency?: { scope: string; key: string; hash: string; replay?: boolean; deferred?: boolean; completed?: boolean; awaitingFile?: boolean }
  }
  interface FastifyContextConfig {
    /**
     * The handler writes through `inUnitOfWork`: the idempotency key is kept in its transaction.
     * `'file'`: the request is multipart, so its hash is only known once the handler has read the
     * file (`bindFileToIdempotency`); nothing is looked up before the handler runs.
     */
    unitOfWork?: boolean | 'file'
  }
}

type Db = Kysely<Database>

/** JSON with object keys sorted at every depth: the same fields in another order hash the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.keys(value as object)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
    return `{${entries.join(',')}}`
  }
  return JSON.stringify(value ?? null)
}

export function requestHash(method: string, path: string, body: unknown): string {
  return crypto.createHash('sha256').update(`${method} ${path}\n${canonicalJson(body)}`).digest('hex')
}

const expiredBefore = (now: Date) => new Date(now.getTime() - KEY_TTL_MS)

export type Claim =
  | { outcome: 'claimed' }
  | { outcome: 'replay'; statusCode: number; body: string }
  | { outcome: 'in_flight' }
  | { outcome: 'reused' }

/** Takes the key for this request, or says why not. A key past its lifetime counts as absent. */
export async function claimIdempotencyKey(db: Db, scope: string, key: string, hash: string, now = new Date()): Promise<Claim> {
  const fresh = { request_hash: hash, state: 'in_flight' as const, status_code: null, response_body: null, created_at: now }
  const inserted = await db
    .insertInto('idempotency_keys')
    .values({ scope, key, ...fresh })
    // An expired key is replaced in the same statement, so correctness never waits for the purge job.
    .onConflict((oc) => oc.columns(['scope', 'key']).doUpdateSet(fresh).where('idempotency_keys.created_at', '<', expiredBefore(now)))
    .returning('key')
    .executeTakeFirst()
  if (inserted) return { outcome: 'claimed' }
  const row = await db.selectFrom('idempotency_keys').selectAll().where('scope', '=', scope).where('key', '=', key).executeTakeFirst()
  if (!row) return { outcome: 'in_flight' }
  if (row.request_hash !== hash) return { outcome: 'reused' }
  if (row.state === 'done') return { outcome: 'replay', statusCode: row.status_code ?? 200, body: row.response_body ?? '' }
  // In flight: either genuinely running elsewhere (409) or orphaned by a crash (take it over).
  const takenOver = await db
    .updateTable('idempotency_keys')
    .set({ created_at: now })
    .where('scope', '=', scope)
    .where('key', '=', key)
    .where('state', '=', 'in_flight')
    .where('created_at', '<', new Date(now.getTime() - STALE_IN_FLIGHT_MS))
    .returning('key')
    .executeTakeFirst()
  return takenOver ? { outcome: 'claimed' } : { outcome: 'in_flight' }
}

export async function completeIdempotencyKey(db: Db, scope: string, key: string, statusCode: number, body: string) {
  await db.updateTable('idempotency_keys').set({ state: 'done', status_code: statusCode, response_body: body }).where('scope', '=', scope).where('key', '=', key).execute()
}

/**
 * Stores a final answer that wrote nothing (a 4xx refusal of a unit of work, whose transaction,
 * claim included, was rolled back). A key another request has meanwhile taken is left to it.
 */
export async function recordIdempotentAnswer(db: Db, scope: string, key: string, hash: string, statusCode: number, body: string, now = new Date()) {
  const done = { request_hash: hash, state: 'done' as const, status_code: statusCode, response_body: body, created_at: now }
  await db
    .insertInto('idempotency_keys')
    .values({ scope, key, ...done })
    .onConflict((oc) => oc.columns(['scope', 'key']).doUpdateSet(done).where('idempotency_keys.created_at', '<', expiredBefore(now)))
    .execute()
}

/** A stored final answer for this key (or 422 material), without claiming anything. */
async function committedAnswer(db: Db, scope: string, key: string, hash: string, now = new Date()): Promise<Exclude<Claim, { outcome: 'claimed' | 'in_flight' }> | undefined> {
  const row = await db.selectFrom('idempotency_keys').selectAll().where('scope', '=', scope).where('key', '=', key).where('created_at', '>=', expiredBefore(now)).executeTakeFirst()
  if (!row) return undefined
  if (row.request_hash !== hash) return { outcome: 'reused' }
  if (row.state === 'done') return { outcome: 'replay', statusCode: row.status_code ?? 200, body: row.response_body ?? '' }
  return undefined
}

/** Not a final answer (5xx, 409, 429): the client may retry with the same key. */
export async function releaseIdempotencyKey(db: Db, scope: string, key: string) {
  await db.deleteFrom('idempotency_keys').where('scope', '=', scope).where('key', '=', key).execute()
}

/** Deletes keys past their lifetime; run by a periodic job. Returns how many were deleted. */
export async function purgeExpiredIdempotencyKeys(db: Db, now = new Date()): Promise<number> {
  const r = await db.deleteFrom('idempotency_keys').where('created_at', '<', expiredBefore(now)).executeTakeFirst()
  return Number(r.numDeletedRows)
}

/**
 * Keys belong to the signed-in caller (and the subject they act for). An anonymous caller holds
 * nothing of their own to scope a key to, so anonymous requests are never stored or replayed.
 */
function scopeOf(request: FastifyRequest): string | undefined {
  if (!request.user) return undefined
  const subject = typeof request.headers['x-subject'] === 'string' ? request.headers['x-subject'] : ''
  return `${request.user.id}|${subject}`
}

export function registerIdempotency(app: FastifyInstance, db: Db) {
  app.addHook('preHandler', async (request, reply) => {
    if (request.method !== 'POST') return
    const key = request.headers['idempotency-key']
    if (key === undefined) return
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
      throw new AppError(400, 'INVALID_IDEMPOTENCY_KEY', 'Idempotency-Key 格式不正确（8–128 位字母、数字或 -_:.）')
    }
    const scope = scopeOf(request)
    if (!scope || request.url.startsWith(NEVER_STORED_PREFIX)) return
    const hash = requestHash(request.method, request.url.split('?')[0], request.body)
    if (request.routeOptions.config?.unitOfWork === 'file') {
      request.idempotency = { scope, key, hash, deferred: true, awaitingFile: true }
      return
    }
    if (request.routeOptions.config?.unitOfWork) {
      // An answer already committed is replayed before the handler runs (its input checks may
      // refuse before the unit of work starts); anything else is claimed inside the unit of work.
      const known = await committedAnswer(db, scope, key, hash)
      if (known) return answerClaim(request, reply, known, { scope, key, hash })
      request.idempotency = { scope, key, hash, deferred: true }
      return
    }
    const claim = await claimIdempotencyKey(db, scope, key, hash)
    if (claim.outcome === 'claimed') request.idempotency = { scope, key, hash }
    else return answerClaim(request, reply, claim, { scope, key, hash })
  })
  app.addHook('onSend', async (request, reply, payload) => {
    const ctx = request.idempotency
    // A multipart request refused before its file was read: the hash does not describe it, so the
    // answer is not kept (a retry with the whole file runs afresh).
    if (!ctx || ctx.replay || ctx.completed || ctx.awaitingFile) return payload
    const body = typeof payload === 'string' ? payload : payload == null ? '' : String(payload)
    const final = !(reply.statusCode >= 500 || reply.statusCode === 409 || reply.statusCode === 429)
    if (ctx.deferred) {
      // The unit of work did not commit (it refused, or failed before its transaction): its claim
      // was rolled back with it, so only a final refusal is kept, to be replayed like any answer.
      if (final) await recordIdempotentAnswer(db, ctx.scope, ctx.key, ctx.hash, reply.statusCode, body)
    } else if (final) {
      await completeIdempotencyKey(db, ctx.scope, ctx.key, reply.statusCode, body)
    } else {
      await releaseIdempotencyKey(db, ctx.scope, ctx.key)
    }
    return payload
  })
}

type Ctx = NonNullable<FastifyRequest['idempotency']>

function answerClaim(request: FastifyRequest, reply: FastifyReply, claim: Exclude<Claim, { outcome: 'claimed' }>, ctx: Ctx) {
  switch (claim.outcome) {
    case 'reused':
      throw new AppError(422, 'IDEMPOTENCY_KEY_REUSED', '该 Idempotency-Key 已用于另一项内容不同的请求')
    case 'in_flight':
      throw new AppError(409, 'IDEMPOTENCY_IN_FLIGHT', '相同的请求正在处理中，请稍后再试')
    case 'replay':
      request.idempotency = { ...ctx, replay: true }
      return reply.code(claim.statusCode).header('idempotent-replayed', 'true').type('application/json; charset=utf-8').send(claim.body)
  }
}

/**
 * For a multipart route (`config: { unitOfWork: 'file' }`): the key's request hash covers the
 * file's bytes, not only the fields, so the same key with another file is 422. Replays an answer
 * already committed for this key (true: the reply is sent, the handler stops); otherwise the key
 * is claimed later, inside the unit of work. Call it right after reading the file.
 */
export async function bindFileToIdempotency(request: FastifyRequest, reply: FastifyReply, db: Db, file: Buffer): Promise<boolean> {
  const ctx = request.idempotency
  if (!ctx?.deferred) return false
  const fileSha256 = crypto.createHash('sha256').update(file).digest('hex')
  ctx.hash = requestHash(request.method, request.url.split('?')[0], { fields: request.body ?? null, fileSha256 })
  ctx.awaitingFile = false
  const known = await committedAnswer(db, ctx.scope, ctx.key, ctx.hash)
  if (!known) return false
  answerClaim(request, reply, known, ctx)
  return true
}

/**
 * Test-only crash points (`CREDITPASS_TEST_CRASH_BEFORE_COMMIT` / `CREDITPASS_TEST_CRASH_AFTER_COMMIT`
 * = a route such as `/api/incentives/:id/claims`): the process kills itself with SIGKILL at that
 * point of a unit of work, so a test can prove what a crash leaves behind. Honoured only when
 * NODE_ENV=test.
 */
function crashPoint(request: FastifyRequest, when: 'BEFORE' | 'AFTER') {
  if (process.env.NODE_ENV !== 'test') return
  if (process.env[`CREDITPASS_TEST_CRASH_${when}_COMMIT`] === request.routeOptions.url) process.kill(process.pid, 'SIGKILL')
}

/**
 * One unit of work for a POST that writes: opens the transaction, claims the request's
 * Idempotency-Key in it, runs the use case with `trx`, stores the answer (status + body) in the
 * same transaction and commits. A crash can therefore leave either nothing (the retry runs the
 * write once) or the write with its stored answer (the retry replays it) — never a committed
 * write whose key is still in flight. A second request with the same key waits on the key's row
 * until the first commits, then replays its answer. The route is marked `config: { unitOfWork: true }`.
 */
export async function inUnitOfWork(
  request: FastifyRequest,
  reply: FastifyReply,
  db: Db,
  work: (trx: Transaction<Database>) => Promise<{ status: number; body: unknown }>,
  options: {
    /**
     * Undoes what the handler prepared outside the transaction (a file already put in storage)
     * when the work does not commit: it failed, or the key turned out to be answered already.
     */
    discard?: () => Promise<unknown>
  } = {},
) {
  const ctx = request.idempotency?.deferred ? request.idempotency : undefined
  let outcome: { claim: Claim } | { status: number; payload: string }
  try {
    outcome = await db.transaction().execute(async (trx) => {
      if (ctx) {
        const claim = await claimIdempotencyKey(trx, ctx.scope, ctx.key, ctx.hash)
        if (claim.outcome !== 'claimed') return { claim }
      }
      const { status, body } = await work(trx)
      // The route's own serializer when it declares the answer's schema (http/contract: checked
      // outside production), so what is stored for a replay is exactly what is sent now.
      const payload = reply.getSerializationFunction(String(status))?.(body as Record<string, unknown>) ?? JSON.stringify(body)
      if (ctx) await completeIdempotencyKey(trx, ctx.scope, ctx.key, status, payload)
      crashPoint(request, 'BEFORE')
      return { status, payload }
    })
  } catch (e) {
    await options.discard?.().catch(() => undefined)
    throw e
  }
  if ('claim' in outcome) {
    await options.discard?.().catch(() => undefined)
    return answerClaim(request, reply, outcome.claim as Exclude<Claim, { outcome: 'claimed' }>, ctx!)
  }
  if (ctx) ctx.completed = true
  crashPoint(request, 'AFTER')
  return reply.code(outcome.status).type('application/json; charset=utf-8').send(outcome.payload)
}
