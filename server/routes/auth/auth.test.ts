import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { SignJWT } from 'jose'
import { signAccessToken } from '../../auth/jwt'
import { purgeExpiredRevokedTokens } from '../../auth/revoked-tokens'
import { bearer, loginAs, startTestApp, type TestApp } from '../../testing/app'

let t: TestApp
before(async () => {
  t = await startTestApp()
})
after(() => t.close())

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, payload: payload as object, headers })

describe('health', () => {
  it('reports the database engine, its server version and the migration version', async () => {
    const res = await t.app.inject('/api/health')
    assert.equal(res.statusCode, 200)
    const body = res.json()
    // test apps reach the run's server by URL; 'embedded' is checked on a real start in database.test.ts
    assert.equal(body.database, 'postgresql')
    assert.ok(Number(body.databaseVersion.split('.')[0]) >= 15, body.databaseVersion)
    if (!process.env.DATABASE_URL) assert.match(body.databaseVersion, /^17\./)
    assert.ok(body.migration >= 1)
    assert.equal(body.sandbox, true)
  })
})

describe('sandbox login', () => {
  it('lists demo personas with masked names only', async () => {
    const res = await t.app.inject('/api/auth/sandbox/personas')
    assert.equal(res.statusCode, 200)
    const list = res.json() as { id: string; name: string; roles: string[]; summary: string }[]
    const red = list.find((p) => p.id === 'citizen-red')!
    assert.equal(red.name, '陈**')
    assert.ok(red.summary.length > 0)
    assert.ok(!res.body.includes('陈明远'), 'full name must not leave the server')
    assert.ok(!res.body.includes('33010619850312001X'), 'ID number must not leave the server')
  })

  it('logs in as a persona and returns a masked profile', async () => {
    const s = await loginAs(t.app, 'citizen-red')
    assert.equal(s.expiresIn, 900)
    assert.deepEqual(
      { name: s.user.name, phone: s.user.phone, idNumber: s.user.idNumber, realNameVerified: s.user.realNameVerified },
      { name: '陈**', phone: '138****0001', idNumber: '330106********001X', realNameVerified: true },
    )
    const me = await t.app.inject({ url: '/api/me', headers: bearer(s.accessToken) })
    assert.equal(me.statusCode, 200)
    assert.equal(me.json().name, '陈**')
  })

  it('answers 404 with a Chinese message for an unknown persona', async () => {
    const res = await post('/api/auth/sandbox/login', { persona: 'nobody' })
    assert.equal(res.statusCode, 404)
    assert.match(res.json().error.message, /演示身份不存在/)
  })

  it('lists the enterprises an agent acts for, unmasked (public registration data)', async () => {
    const s = await loginAs(t.app, 'agent-yunqi')
    const subjects = s.user.subjects as { kind: string; name: string; relation: string }[]
    assert.deepEqual(subjects.filter((x) => x.kind === 'enterprise').map((x) => [x.name, x.relation]), [['杭州云栖数字科技有限公司', '法定代表人']])
  })
})

describe('access tokens', () => {
  it('refuses a request without a token', async () => {
    const res = await t.app.inject('/api/me')
    assert.equal(res.statusCode, 401)
    assert.equal(res.json().error.code, 'UNAUTHORIZED')
  })

  it('refuses an expired token', async () => {
    const token = await signAccessToken(t.ctx.config.jwtSecret, { userId: 'user-citizen-red', roles: ['citizen'] }, -10)
    const res = await t.app.inject({ url: '/api/me', headers: bearer(token) })
    assert.equal(res.statusCode, 401)
    assert.deepEqual(res.json().error, { code: 'TOKEN_EXPIRED', message: '登录已过期，请重新登录' })
  })

  it('refuses a tampered token', async () => {
    const { accessToken } = await loginAs(t.app, 'citizen-new')
    const [h, p, s] = accessToken.split('.')
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString())
    claims.sub = 'user-citizen-red'
    const forged = [h, Buffer.from(JSON.stringify(claims)).toString('base64url'), s].join('.')
    const res = await t.app.inject({ url: '/api/me', headers: bearer(forged) })
    assert.equal(res.statusCode, 401)
    assert.equal(res.json().error.code, 'TOKEN_INVALID')
  })

  it('refuses alg:none and algorithms outside the allow-list', async () => {
    const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url')
    const payload = { sub: 'user-citizen-red', roles: ['citizen'], iss: 'creditpass', aud: 'creditpass-app', exp: Math.floor(Date.now() / 1000) + 600 }
    const none = `${enc({ alg: 'none', typ: 'JWT' })}.${enc(payload)}.`
    const hs512 = await new SignJWT(payload).setProtectedHeader({ alg: 'HS512' }).sign(t.ctx.config.jwtSecret)
    const otherKey = await new SignJWT(payload).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('x'.repeat(48)))
    for (const token of [none, hs512, otherKey]) {
      const res = await t.app.inject({ url: '/api/me', headers: bearer(token) })
      assert.equal(res.statusCode, 401, token)
      assert.equal(res.json().error.code, 'TOKEN_INVALID')
    }
  })
})

describe('refresh tokens', () => {
  it('rotates: the new pair works and the old refresh token is spent', async () => {
    const first = await loginAs(t.app, 'citizen-repairable')
    const res = await post('/api/auth/refresh', { refreshToken: first.refreshToken })
    assert.equal(res.statusCode, 200)
    const second = res.json()
    assert.notEqual(second.refreshToken, first.refreshToken)
    assert.equal(second.user.name, '李**')
    const me = await t.app.inject({ url: '/api/me', headers: bearer(second.accessToken) })
    assert.equal(me.statusCode, 200)
  })

  it('when a spent refresh token is reused, then the whole family is revoked', async () => {
    const first = await loginAs(t.app, 'citizen-serious')
    const second = (await post('/api/auth/refresh', { refreshToken: first.refreshToken })).json()
    const reuse = await post('/api/auth/refresh', { refreshToken: first.refreshToken })
    assert.equal(reuse.statusCode, 401)
    assert.equal(reuse.json().error.code, 'REFRESH_TOKEN_REUSED')
    const legit = await post('/api/auth/refresh', { refreshToken: second.refreshToken })
    assert.equal(legit.statusCode, 401, 'the thief-or-victim pair is revoked too')
    // another session of the same user is untouched
    const other = await loginAs(t.app, 'citizen-serious')
    assert.equal((await post('/api/auth/refresh', { refreshToken: other.refreshToken })).statusCode, 200)
  })

  it("when a refresh token is reused, then the family's access tokens stop at once too; another session keeps working", async () => {
    const me = (token: string) => t.app.inject({ url: '/api/me', headers: bearer(token) })
    const first = await loginAs(t.app, 'citizen-repairable')
    const other = await loginAs(t.app, 'citizen-repairable')
    const second = (await post('/api/auth/refresh', { refreshToken: first.refreshToken })).json()
    for (const token of [first.accessToken, second.accessToken]) assert.equal((await me(token)).statusCode, 200)
    assert.equal((await post('/api/auth/refresh', { refreshToken: first.refreshToken })).json().error.code, 'REFRESH_TOKEN_REUSED')
    for (const token of [first.accessToken, second.accessToken]) {
      const res = await me(token)
      assert.deepEqual([res.statusCode, res.json().error], [401, { code: 'SESSION_REVOKED', message: '登录已失效，请重新登录' }])
    }
    assert.equal((await me(other.accessToken)).statusCode, 200)
  })

  it('refuses an unknown or malformed refresh token with a Chinese message', async () => {
    const res = await post('/api/auth/refresh', { refreshToken: 'nope' })
    assert.equal(res.statusCode, 401)
    assert.equal(res.json().error.message, '登录已失效，请重新登录')
    const bad = await post('/api/auth/refresh', { refreshToken: 42 })
    assert.equal(bad.statusCode, 400)
  })

  it('logout revokes the session', async () => {
    const s = await loginAs(t.app, 'citizen-objection')
    const out = await post('/api/auth/logout', { refreshToken: s.refreshToken }, bearer(s.accessToken))
    assert.equal(out.statusCode, 204)
    assert.equal((await post('/api/auth/refresh', { refreshToken: s.refreshToken })).statusCode, 401)
  })

  it('when a user logs out, then the access token stops working at once; another session keeps working', async () => {
    const s = await loginAs(t.app, 'citizen-objection')
    const other = await loginAs(t.app, 'citizen-objection')
    assert.equal((await t.app.inject({ url: '/api/me', headers: bearer(s.accessToken) })).statusCode, 200)
    await post('/api/auth/logout', { refreshToken: s.refreshToken }, bearer(s.accessToken))
    const after = await t.app.inject({ url: '/api/me', headers: bearer(s.accessToken) })
    assert.equal(after.statusCode, 401)
    assert.deepEqual(after.json().error, { code: 'TOKEN_REVOKED', message: '已退出登录，请重新登录' })
    assert.equal((await t.app.inject({ url: '/api/me', headers: bearer(other.accessToken) })).statusCode, 200)
    // The deny-list keeps an entry only until the token would have expired.
    const rows = await t.ctx.db.selectFrom('revoked_access_tokens').select('expires_at').execute()
    assert.ok(rows.length >= 1 && rows.every((r) => r.expires_at.getTime() - Date.now() <= 15 * 60_000 && r.expires_at.getTime() > Date.now()))
    assert.equal(await purgeExpiredRevokedTokens(t.ctx.db, new Date(Date.now() + 16 * 60_000)), rows.length)
  })
})

describe('WeChat login (sandbox adapter)', () => {
  it('creates one account per openid and logs the same person in again', async () => {
    const a = await post('/api/auth/wechat', { code: 'devtools-code-1' })
    const b = await post('/api/auth/wechat', { code: 'devtools-code-1' })
    assert.equal(a.statusCode, 200)
    assert.equal(a.json().user.id, b.json().user.id)
    assert.equal(a.json().user.wechatBound, true)
    assert.equal(a.json().user.realNameVerified, false)
  })

  it('asks for the code in Chinese', async () => {
    const res = await post('/api/auth/wechat', {})
    assert.equal(res.statusCode, 400)
    assert.equal(res.json().error.message, '请填写微信登录凭证')
  })
})
