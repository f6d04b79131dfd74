// The contract as a type provider: params and query parsed by their zod schemas before the handler
// (400 with the Chinese message), answers checked against their schema outside production (a
// mismatch is a 500, in a unit of work too, and then nothing is committed), the bytes unchanged.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import Fastify from 'fastify'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { Database } from '../db/schema'
import { onContract } from './contract'
import { registerErrorHandling } from './errors'
import { inUnitOfWork } from './idempotency'

const Answer = z.strictObject({ id: z.string(), n: z.number().int() })
const Query = z.object({ n: z.coerce.number({ error: '数量不正确' }).int({ error: '数量不正确' }).min(1, { error: '数量至少为 1' }) })

/** A database stand-in whose transaction runs the work and records whether it committed. */
function fakeDb(log: string[]) {
  return { transaction: () => ({ execute: async (fn: (trx: unknown) => Promise<unknown>) => { const r = await fn({}); log.push('commit'); return r } }) } as unknown as Kysely<Database>
}

async function appWith(production: boolean, log: string[] = []) {
  const app = Fastify()
  registerErrorHandling(app)
  await app.register(async (plugin) => {
    const r = onContract(plugin, { config: { production } as never })
    r.get('/good', { schema: { querystring: Query, response: { 200: Answer } } }, async (request) => ({ id: 'a', n: request.query.n }))
    // A defect on purpose: a field the contract does not name (the cast hides it from the compiler).
    r.get('/leaky', { schema: { response: { 200: Answer } } }, async () => ({ id: 'a', n: 1, secret: 'x' }) as unknown as z.input<typeof Answer>)
    r.post('/work', { schema: { response: { 201: Answer } } }, async (request, reply) => inUnitOfWork(request, reply, fakeDb(log), async () => ({ status: 201, body: { id: 'w', n: 2, secret: 'x' } })))
  })
  return app
}

describe('routes on the contract', () => {
  it('parses the query with its schema before the handler: typed and coerced, or a 400 with the Chinese message', async () => {
    const app = await appWith(false)
    const ok = await app.inject({ url: '/good?n=3' })
    assert.deepEqual([ok.statusCode, ok.body], [200, '{"id":"a","n":3}'])
    const bad = await app.inject({ url: '/good?n=0' })
    assert.deepEqual([bad.statusCode, bad.json()], [400, { error: { code: 'VALIDATION_ERROR', message: '数量至少为 1' } }])
    const wrong = await app.inject({ url: '/good?n=abc' })
    assert.deepEqual([wrong.statusCode, wrong.json().error.message], [400, '数量不正确'])
  })

  it('outside production an answer outside the contract is a 500, in a unit of work before anything commits', async () => {
    const log: string[] = []
    const app = await appWith(false, log)
    const leaky = await app.inject({ url: '/leaky' })
    assert.deepEqual([leaky.statusCode, leaky.json().error.code], [500, 'INTERNAL'])
    assert.doesNotMatch(leaky.body, /secret/)
    const work = await app.inject({ method: 'POST', url: '/work' })
    assert.equal(work.statusCode, 500)
    assert.deepEqual(log, [])
  })

  it('in production answers are not checked, and the bytes are the same JSON', async () => {
    const log: string[] = []
    const app = await appWith(true, log)
    const leaky = await app.inject({ url: '/leaky' })
    assert.deepEqual([leaky.statusCode, leaky.body], [200, '{"id":"a","n":1,"secret":"x"}'])
    const work = await app.inject({ method: 'POST', url: '/work' })
    assert.deepEqual([work.statusCode, work.body, log], [201, '{"id":"w","n":2,"secret":"x"}', ['commit']])
  })
})
