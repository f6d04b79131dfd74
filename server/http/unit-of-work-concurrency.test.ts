// Same Idempotency-Key sent several times at once to a unit-of-work route: the key is claimed inside
// the write's transaction, so the others wait for its commit and replay its answer — one row, no 409.
// A refusal (4xx) of a unit of work is kept and replayed too, though its transaction rolled back.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { bearer, loginAs, startTestApp, type TestApp } from '../testing/app'

let t: TestApp
let token = ''
before(async () => {
  t = await startTestApp()
  token = (await loginAs(t.app, 'citizen-red')).accessToken
})
after(() => t.close())

const post = (url: string, payload: object, key?: string) =>
  t.app.inject({ method: 'POST', url, payload, headers: { ...bearer(token), ...(key ? { 'idempotency-key': key } : {}) } })

describe('unit of work under concurrency', () => {
  it('five simultaneous requests with one key write one authorisation; four are replays of the first answer', async () => {
    assert.equal((await post('/api/incentives/rental-bike/claims', {})).statusCode, 201)
    const all = await Promise.all(Array.from({ length: 5 }, () => post('/api/me/authorizations', { incentiveId: 'rental-bike', days: 30 }, 'uow-concurrent-0001')))
    assert.deepEqual(all.map((r) => r.statusCode), [201, 201, 201, 201, 201])
    assert.equal(all.filter((r) => r.headers['idempotent-replayed'] === 'true').length, 4)
    assert.equal(new Set(all.map((r) => r.json().id)).size, 1)
    const rows = await t.ctx.db.selectFrom('authorizations').select('id').execute()
    assert.deepEqual(rows.map((r) => r.id), [all[0].json().id])
    const key = await t.ctx.db.selectFrom('idempotency_keys').select(['state', 'status_code']).where('key', '=', 'uow-concurrent-0001').executeTakeFirstOrThrow()
    assert.deepEqual(key, { state: 'done', status_code: 201 })
  })

  it('a refused unit of work is replayed with the same refusal; another body under the key is 422', async () => {
    const body = { incentiveId: 'rental-car', days: 30 }
    const first = await post('/api/me/authorizations', body, 'uow-refused-0001')
    assert.equal(first.statusCode, 409) // no grant yet: not a final answer, the key is released
    assert.equal(await t.ctx.db.selectFrom('idempotency_keys').select('key').where('key', '=', 'uow-refused-0001').executeTakeFirst(), undefined)
    const tooLong = { incentiveId: 'rental-bike', days: 9999 }
    const a = await post('/api/me/authorizations', tooLong, 'uow-refused-0002')
    const b = await post('/api/me/authorizations', tooLong, 'uow-refused-0002')
    assert.deepEqual([a.statusCode, b.statusCode, b.headers['idempotent-replayed']], [400, 400, 'true'])
    assert.equal(b.body, a.body)
    assert.equal((await post('/api/me/authorizations', body, 'uow-refused-0002')).statusCode, 422)
  })
})
