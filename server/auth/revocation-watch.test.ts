// Tokens found valid are kept in memory until a revocation is notified: a logout (or a revoked
// session, a deleted account) on any instance stops the token here as soon as its notice arrives,
// and an instance that cannot listen asks the database on every request.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'kysely'
import { bearer, loginAs, startTestApp, type TestApp } from '../testing/app'
import { RevocationWatch } from './revocation-watch'
import { REVOCATION_CHANNEL } from './revoked-tokens'

let t: TestApp
before(async () => {
  t = await startTestApp()
})
after(() => t.close())

const me = (token: string) => t.app.inject({ url: '/api/me', headers: bearer(token) })
const jtiOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).jti as string

/** A logout written by another instance: the row and its notice, nothing of this process involved. */
async function revokeElsewhere(token: string, notify: boolean) {
  await t.ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('revoked_access_tokens').values({ jti: jtiOf(token), expires_at: new Date(Date.now() + 15 * 60_000) }).execute()
    if (notify) await sql`select pg_notify(${REVOCATION_CHANNEL}, '')`.execute(trx)
  })
}

async function until(ms: number, done: () => Promise<boolean>) {
  const end = Date.now() + ms
  while (Date.now() < end) {
    if (await done()) return true
    await new Promise((r) => setTimeout(r, 20))
  }
  return false
}

describe('access tokens and revocations on several instances', () => {
  it('a token found valid is served from memory; a logout notified by another instance stops it here within moments', async () => {
    const s = await loginAs(t.app, 'citizen-objection')
    assert.equal((await me(s.accessToken)).statusCode, 200)
    // Written without its notice (which every revoking write sends): this instance still trusts what it checked.
    await revokeElsewhere(s.accessToken, false)
    assert.equal((await me(s.accessToken)).statusCode, 200, 'kept in memory: no query per request')
    const other = await loginAs(t.app, 'citizen-objection')
    assert.equal((await me(other.accessToken)).statusCode, 200)
    // The same logout, now notified: the notice reaches this instance's LISTEN connection.
    await sql`select pg_notify(${REVOCATION_CHANNEL}, '')`.execute(t.ctx.db)
    const started = Date.now()
    assert.ok(await until(2_000, async () => (await me(s.accessToken)).statusCode === 401), 'refused after the notice')
    assert.ok(Date.now() - started < 2_000)
    const res = await me(s.accessToken)
    assert.deepEqual(res.json().error, { code: 'TOKEN_REVOKED', message: '已退出登录，请重新登录' })
    assert.equal((await me(other.accessToken)).statusCode, 200, 'another session keeps working')
  })

  it('a revocation on another instance, row and notice in one transaction, stops the token there', async () => {
    const s = await loginAs(t.app, 'citizen-repairable')
    assert.equal((await me(s.accessToken)).statusCode, 200)
    await revokeElsewhere(s.accessToken, true)
    assert.ok(await until(2_000, async () => (await me(s.accessToken)).statusCode === 401))
  })

  it('when a user logs out while requests with the token are under way, every request after the logout answers 401', async () => {
    const s = await loginAs(t.app, 'citizen-serious')
    assert.equal((await me(s.accessToken)).statusCode, 200)
    const during = Array.from({ length: 30 }, () => me(s.accessToken))
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: bearer(s.accessToken), payload: { refreshToken: s.refreshToken } })
    assert.equal(out.statusCode, 204)
    for (const r of await Promise.all(during)) assert.ok([200, 401].includes(r.statusCode), r.body)
    const afterwards = await Promise.all(Array.from({ length: 20 }, () => me(s.accessToken)))
    assert.deepEqual([...new Set(afterwards.map((r) => r.statusCode))], [401])
  })

  it('an instance that cannot listen keeps nothing: each check reads the database', async () => {
    const watch = new RevocationWatch(t.ctx.db, 'postgres://nobody@127.0.0.1:1/none', () => undefined)
    try {
      await watch.start()
      assert.equal(watch.isListening, false)
      const s = await loginAs(t.app, 'citizen-new')
      const token = { jti: jtiOf(s.accessToken), userId: 'user-citizen-new' }
      assert.equal(await watch.check(token), null)
      await revokeElsewhere(s.accessToken, false)
      assert.equal(await watch.check(token), 'logged_out')
    } finally {
      await watch.stop()
    }
  })
})
