import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { bearer, loginAs, startTestApp, type TestApp } from '../testing/app'
import { actingSubject } from './auth'

let t: TestApp
before(async () => {
  t = await startTestApp()
})
after(() => t.close())

const chinese = /[\u4e00-\u9fa5]/

describe('bad input never gets a 500', () => {
  const cases: { name: string; method: 'POST' | 'GET'; url: string; body?: string; type?: string; status: number }[] = [
    { name: 'invalid JSON', method: 'POST', url: '/api/auth/sms/send', body: '{"phone":', type: 'application/json', status: 400 },
    { name: 'empty JSON body', method: 'POST', url: '/api/auth/sms/send', body: '', type: 'application/json', status: 400 },
    { name: 'a JSON array', method: 'POST', url: '/api/auth/sandbox/login', body: '[1,2]', type: 'application/json', status: 400 },
    { name: 'a JSON string', method: 'POST', url: '/api/auth/sandbox/login', body: '"citizen-red"', type: 'application/json', status: 400 },
    { name: 'null', method: 'POST', url: '/api/auth/refresh', body: 'null', type: 'application/json', status: 400 },
    { name: 'form encoding', method: 'POST', url: '/api/auth/sms/send', body: 'phone=13800000000', type: 'application/x-www-form-urlencoded', status: 415 },
    { name: 'plain text', method: 'POST', url: '/api/auth/wechat', body: 'hello', type: 'text/plain', status: 415 },
    { name: 'an unknown API route', method: 'GET', url: '/api/nope', status: 404 },
    { name: 'a huge field', method: 'POST', url: '/api/auth/sandbox/login', body: JSON.stringify({ persona: 'x'.repeat(5000) }), type: 'application/json', status: 400 },
    { name: 'a body over 1 MB', method: 'POST', url: '/api/auth/wechat', body: JSON.stringify({ code: 'x'.repeat(1_100_000) }), type: 'application/json', status: 413 },
  ]
  for (const c of cases) {
    it(`${c.name} → ${c.status} with a Chinese message`, async () => {
      const res = await t.app.inject({ method: c.method, url: c.url, payload: c.body, headers: c.type ? { 'content-type': c.type } : {} })
      assert.equal(res.statusCode, c.status, res.body)
      const { error } = res.json()
      assert.match(error.code, /^[A-Z_]+$/)
      assert.match(error.message, chinese)
    })
  }

  it('a wrong type in every field of real-name is a 400, not a 500', async () => {
    const { accessToken } = await loginAs(t.app, 'citizen-new')
    for (const payload of [{ name: 1, idNumber: 2 }, { name: ['a'], idNumber: {} }, { name: null, idNumber: null }]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/me/real-name', payload, headers: bearer(accessToken) })
      assert.equal(res.statusCode, 400, res.body)
      assert.match(res.json().error.message, chinese)
    }
  })

  it('an X-Subject that is not a valid USCC is a 400; a valid one the caller is not bound to is 404', async () => {
    const { accessToken } = await loginAs(t.app, 'citizen-red')
    const fake = (subject: string) => ({ user: { id: 'user-citizen-red', roles: ['citizen'] }, headers: { 'x-subject': subject } }) as never
    await assert.rejects(actingSubject(t.ctx.db, fake('123')), { status: 400, code: 'INVALID_SUBJECT' })
    await assert.rejects(actingSubject(t.ctx.db, fake('91110000600037341L')), { status: 404 })
    const agent = { user: { id: 'user-agent-yunqi', roles: [] }, headers: { 'x-subject': '91330106MA2H3K5Q7N' } } as never
    assert.equal((await actingSubject(t.ctx.db, agent)).name, '杭州云栖数字科技有限公司')
    assert.ok(accessToken)
  })
})
