import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { bearer, startTestApp, type TestApp } from '../testing/app'
import { purgeExpiredIdempotencyKeys, requestHash } from './idempotency'

let t: TestApp
before(async () => {
  t = await startTestApp()
})
after(() => t.close())

const login = (key: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/sandbox/login', payload: { persona: 'citizen-red' }, headers: { 'idempotency-key': key } })

async function smsUser(phone: string) {
  await t.app.inject({ method: 'POST', url: '/api/auth/sms/send', payload: { phone } })
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/sms/verify', payload: { phone, code: t.sms.last(phone) } })
  return res.json() as { accessToken: string; user: { id: string } }
}

describe('Idempotency-Key never holds or hands out credentials', () => {
  it('when two clients sign in with the same key and body, then each gets its own tokens and nothing is stored', async () => {
    const a = await login('shared-login-key-1')
    const b = await login('shared-login-key-1')
    assert.equal(a.statusCode, 200)
    assert.equal(b.statusCode, 200)
    assert.equal(b.headers['idempotent-replayed'], undefined)
    assert.notEqual(a.json().refreshToken, b.json().refreshToken)
    const stored = await t.ctx.db.selectFrom('idempotency_keys').select('key').where('key', '=', 'shared-login-key-1').execute()
    assert.deepEqual(stored, [])
  })

  it('when a refresh is repeated with its key after logout, then it is refused, not replayed with tokens', async () => {
    const session = (await login('login-key-0002')).json()
    const refresh = () =>
      t.app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken: session.refreshToken }, headers: { 'idempotency-key': 'refresh-key-0001' } })
    const first = await refresh()
    assert.equal(first.statusCode, 200)
    await t.app.inject({ method: 'POST', url: '/api/auth/logout', payload: { refreshToken: first.json().refreshToken }, headers: bearer(first.json().accessToken) })
    const again = await refresh()
    assert.equal(again.statusCode, 401)
    assert.ok(!again.body.includes('accessToken'))
    const tokens = await t.ctx.db.selectFrom('idempotency_keys').select('key').where('response_body', 'like', '%Token%').execute()
    assert.deepEqual(tokens, [])
  })
})

describe('Idempotency-Key matching and lifetime', () => {
  const realName = (token: string, body: string, key: string) =>
    t.app.inject({ method: 'POST', url: '/api/me/real-name', payload: body, headers: { ...bearer(token), 'content-type': 'application/json', 'idempotency-key': key } })

  it('when the same fields come in another order, then the first answer is replayed (not 422)', async () => {
    const { accessToken } = await smsUser('13600000101')
    const first = await realName(accessToken, '{"name":"钱七","idNumber":"440304199001010011"}', 'order-key-0001')
    const second = await realName(accessToken, '{"idNumber":"440304199001010011","name":"钱七"}', 'order-key-0001')
    assert.equal(first.statusCode, 200, first.body)
    assert.equal(second.statusCode, 200)
    assert.equal(second.headers['idempotent-replayed'], 'true')
    assert.equal(second.body, first.body)
  })

  it('when a key is older than 24 hours, then it counts as absent and the purge deletes it', async () => {
    const { accessToken, user } = await smsUser('13600000102')
    const old = new Date(Date.now() - 25 * 3600_000)
    const hash = requestHash('POST', '/api/me/real-name', { name: '别人', idNumber: '11010519491231002X' })
    await t.ctx.db
      .insertInto('idempotency_keys')
      .values({ scope: `${user.id}|`, key: 'old-key-00001', request_hash: hash, state: 'done', status_code: 200, response_body: '{"stale":true}', created_at: old })
      .execute()
    const res = await realName(accessToken, '{"name":"吴十","idNumber":"110101200001010010"}', 'old-key-00001')
    assert.equal(res.statusCode, 200, res.body)
    assert.equal(res.headers['idempotent-replayed'], undefined)
    assert.equal(res.json().name, '吴*')

    await t.ctx.db
      .insertInto('idempotency_keys')
      .values({ scope: `${user.id}|`, key: 'old-key-00002', request_hash: hash, state: 'done', status_code: 200, response_body: '{}', created_at: old })
      .execute()
    const purged = await purgeExpiredIdempotencyKeys(t.ctx.db)
    assert.ok(purged >= 1)
    const left = await t.ctx.db.selectFrom('idempotency_keys').select('key').where('scope', '=', `${user.id}|`).orderBy('key').execute()
    assert.deepEqual(left.map((r) => r.key), ['old-key-00001'])
  })

})
