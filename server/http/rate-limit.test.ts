import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { AUTH_REQUESTS_PER_IP_PER_MINUTE, PUBLIC_REQUESTS_PER_IP_PER_MINUTE } from '../../src/domain/policy'
import { buildApp } from '../app'
import { bearer, loginAs, startTestApp, type TestApp } from '../testing/app'
import { signaturePng } from '../testing/png'
import { purgeExpiredRateLimits } from './rate-limit'

let t: TestApp
before(async () => {
  t = await startTestApp()
})
after(() => t.close())

const chinese = /[\u4e00-\u9fa5]/
const signaturePngBase64 = `data:image/png;base64,${signaturePng().toString('base64')}`

describe('anonymous routes are rate-limited per address, in the database', () => {
  it(`when ${PUBLIC_REQUESTS_PER_IP_PER_MINUTE + 20} public requests come from one address at once (on two instances), then exactly ${PUBLIC_REQUESTS_PER_IP_PER_MINUTE} pass`, async () => {
    const second = await buildApp(t.ctx)
    try {
      const n = PUBLIC_REQUESTS_PER_IP_PER_MINUTE + 20
      const results = await Promise.all(
        Array.from({ length: n }, (_, i) => (i % 2 ? second : t.app).inject({ url: '/api/public/commitments?q=云栖', remoteAddress: '10.77.0.1' })),
      )
      assert.equal(results.filter((r) => r.statusCode === 200).length, PUBLIC_REQUESTS_PER_IP_PER_MINUTE)
      const limited = results.filter((r) => r.statusCode === 429)
      assert.equal(limited.length, 20)
      for (const r of limited) {
        assert.equal(r.json().error.code, 'RATE_LIMITED')
        assert.match(r.json().error.message, chinese)
        assert.ok(Number(r.headers['retry-after']) >= 1 && Number(r.headers['retry-after']) <= 60)
      }
      const other = await t.app.inject({ url: '/api/public/receipts/CP20260101AAAAAAAA', remoteAddress: '10.77.0.2' })
      assert.equal(other.statusCode, 404, 'another address has its own budget')
    } finally {
      await second.close()
    }
  })

  it(`sign-in routes allow ${AUTH_REQUESTS_PER_IP_PER_MINUTE} attempts a minute per address`, async () => {
    const results = await Promise.all(
      Array.from({ length: AUTH_REQUESTS_PER_IP_PER_MINUTE + 5 }, () => t.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: {}, remoteAddress: '10.77.0.3' })),
    )
    assert.equal(results.filter((r) => r.statusCode === 400).length, AUTH_REQUESTS_PER_IP_PER_MINUTE)
    assert.equal(results.filter((r) => r.statusCode === 429).length, 5)
  })

  it('ended windows are purged', async () => {
    const old = new Date(Date.now() - 2 * 3600_000)
    await t.ctx.db.insertInto('rate_limit_hits').values({ bucket: 'public|10.77.0.9', window_start: old, hits: 3 }).execute()
    assert.ok((await purgeExpiredRateLimits(t.ctx.db)) >= 1)
    const left = await t.ctx.db.selectFrom('rate_limit_hits').select('bucket').where('bucket', '=', 'public|10.77.0.9').execute()
    assert.deepEqual(left, [])
  })
})

describe('receipt checks in the subject\'s access log', () => {
  it('when one source checks a receipt 30 times, then the subject sees one entry for the day; another source adds one', async () => {
    const { accessToken } = await loginAs(t.app, 'citizen-new')
    const tpl = (await t.app.inject({ url: '/api/commitments/templates/tpl-person-integrity', headers: bearer(accessToken) })).json()
    const signed = await t.app.inject({
      method: 'POST', url: '/api/commitments', headers: bearer(accessToken),
      payload: { templateId: tpl.id, version: tpl.version, textSha256: tpl.textSha256, agreed: true, signaturePng: signaturePngBase64 },
    })
    assert.equal(signed.statusCode, 201, signed.body)
    const no = signed.json().receiptNo
    const entries = async () => (await t.app.inject({ url: '/api/me/access-log', headers: bearer(accessToken) })).json().items.filter((x: { purpose: string }) => x.purpose.includes(no)).length
    const checks = await Promise.all(Array.from({ length: 30 }, () => t.app.inject({ url: `/api/public/receipts/${no}`, remoteAddress: '10.78.0.1' })))
    assert.ok(checks.every((r) => r.statusCode === 200))
    assert.equal(await entries(), 1)
    await t.app.inject({ url: `/api/public/receipts/${no}`, remoteAddress: '10.78.0.2' })
    assert.equal(await entries(), 2)
  })
})
