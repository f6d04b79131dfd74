// Idempotency-Key for POSTs (DESIGN §4): same key + same body replays the first response, another
// body is 422, a key still in flight is 409. Kept in the database so every instance and a restart see it.
import crypto from 'node:crypto'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { AppError } from './errors'

/** An in-flight key older than this belongs to a request that died with its process. */
const STALE_IN_FLIGHT_MS = 60_000
const KEY_PATTERN = /^[A-Za-z0-9_\-:.]{8,128}$/

declare module 'fastify' {
  interface FastifyRequest {
    idempotency?: { scope: string; key: string; replay?: boolean }
  }
}

function requestHash(request: FastifyRequest): string {
  const path = request.url.split('?')[0]
  return crypto.createHash('sha256').update(`${request.method} ${path}\n${JSON.stringify(request.body ?? null)}`).digest('hex')
}

export function registerIdempotency(app: FastifyInstance, db: Kysely<Database>) {
  app.addHook('preHandler', async (request, reply) => {
    if (request.method !== 'POST') return
    const key = request.headers['idempotency-key']
    if (key === undefined) return
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
      throw new AppError(400, 'INVALID_IDEMPOTENCY_KEY', 'Idempotency-Key 格式不正确（8–128 位字母、数字或 -_:.）')
    }
    const subject = typeof request.headers['x-subject'] === 'string' ? request.headers['x-subject'] : ''
    const scope = `${request.user?.id ?? 'anon'}|${subject}`
    const hash = requestHash(request)
    const inserted = await db
      .insertInto('idempotency_keys')
      .values({ scope, key, request_hash: hash, state: 'in_flight', created_at: new Date() })
      .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
      .returning('key')
      .executeTakeFirst()
    if (inserted) {
      request.idempotency = { scope, key }
      return
    }
    const row = await db.selectFrom('idempotency_keys').selectAll().where('scope', '=', scope).where('key', '=', key).executeTakeFirst()
    if (!row) throw new AppError(409, 'IDEMPOTENCY_IN_FLIGHT', '相同的请求正在处理中，请稍后再试')
    if (row.request_hash !== hash) {
      throw new AppError(422, 'IDEMPOTENCY_KEY_REUSED', '该 Idempotency-Key 已用于另一项内容不同的请求')
    }
    if (row.state === 'done') {
      request.idempotency = { scope, key, replay: true }
      return reply
        .code(row.status_code ?? 200)
        .header('idempotent-replayed', 'true')
        .type('application/json; charset=utf-8')
        .send(row.response_body ?? '')
    }
    // In flight: either genuinely running elsewhere (409) or orphaned by a crash (take it over).
    const takenOver = await db
      .updateTable('idempotency_keys')
      .set({ created_at: new Date() })
      .where('scope', '=', scope)
      .where('key', '=', key)
      .where('state', '=', 'in_flight')
      .where('created_at', '<', new Date(Date.now() - STALE_IN_FLIGHT_MS))
      .returning('key')
      .executeTakeFirst()
    if (!takenOver) throw new AppError(409, 'IDEMPOTENCY_IN_FLIGHT', '相同的请求正在处理中，请稍后再试')
    request.idempotency = { scope, key }
  })

  app.addHook('onSend', async (request, reply, payload) => {
    const ctx = request.idempotency
    if (!ctx || ctx.replay) return payload
    const where = db.updateTable('idempotency_keys').where('scope', '=', ctx.scope).where('key', '=', ctx.key)
    if (reply.statusCode >= 500 || reply.statusCode === 409 || reply.statusCode === 429) {
      // Not a final answer: let the client retry with the same key.
      await db.deleteFrom('idempotency_keys').where('scope', '=', ctx.scope).where('key', '=', ctx.key).execute()
    } else {
      const body = typeof payload === 'string' ? payload : payload == null ? '' : String(payload)
      await where.set({ state: 'done', status_code: reply.statusCode, response_body: body }).execute()
    }
    return payload
  })
}
