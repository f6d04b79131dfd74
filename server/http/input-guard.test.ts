import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { bearer, loginAs, startTestApp, type TestApp } from '../testing/app'
import { encodeCursor } from './cursor'

let t: TestApp
let token: string
/** Staff routes check the role on request, before any input is looked at: each is asked by its role. */
const staffPersonas: [prefix: string, persona: string][] = [
  ['/api/officer/', 'staff-officer'],
  ['/api/organizer/', 'staff-organizer'],
  ['/api/staff/vouchers/', 'staff-verifier'],
  ['/api/staff/counter-passes/', 'staff-counter'],
  ['/api/partner/', 'staff-rental'],
]
const staffTokens = new Map<string, string>()
before(async () => {
  t = await startTestApp()
  token = (await loginAs(t.app, 'citizen-red')).accessToken
  for (const [prefix, persona] of staffPersonas) staffTokens.set(prefix, (await loginAs(t.app, persona)).accessToken)
})
const callerOf = (url: string) => staffTokens.get(staffPersonas.find(([prefix]) => url.startsWith(prefix))?.[0] ?? '') ?? token
after(() => t.close())

const chinese = /[\u4e00-\u9fa5]/
const NUL = '\u0000'

describe('a NUL character is a Chinese 400 on every route', () => {
  it('the route table is collected', () => {
    assert.ok(t.app.routeTable.length >= 30, String(t.app.routeTable.length))
  })

  it('when NUL is in the path parameter, the query or the body of any route, then 400 INVALID_CHARACTER', async () => {
    const failures: string[] = []
    for (const route of t.app.routeTable.filter((r) => r.url.startsWith('/api/'))) {
      const withParams = route.url.replace(/:[A-Za-z]+/g, `a${NUL}b`)
      const plain = route.url.replace(/:[A-Za-z]+/g, 'x1')
      const tries: { where: string; url: string; payload?: unknown }[] = [{ where: 'query', url: `${plain}?q=${encodeURIComponent(`a${NUL}`)}&kind=${encodeURIComponent(NUL)}` }]
      if (withParams !== route.url) tries.push({ where: 'params', url: withParams.replace(NUL, '%00') })
      if (route.method === 'POST') {
        tries.push({ where: 'body', url: plain, payload: { persona: `citizen${NUL}`, templateId: NUL, reason: `理由${NUL}`, phone: '13800000001', nested: [{ [`k${NUL}`]: 1 }] } })
      }
      for (const x of tries) {
        const res = await t.app.inject({ method: route.method as 'GET', url: x.url, payload: x.payload as object, headers: bearer(callerOf(route.url)) })
        const err = res.json().error
        if (res.statusCode !== 400 || err?.code !== 'INVALID_CHARACTER' || !chinese.test(err.message)) failures.push(`${route.method} ${route.url} (${x.where}): ${res.statusCode} ${res.body.slice(0, 120)}`)
      }
    }
    assert.deepEqual(failures, [])
  })

  it('without login, the public list and the sandbox login refuse NUL with a 400 too', async () => {
    for (const req of [
      { method: 'GET' as const, url: '/api/public/commitments?q=%00' },
      { method: 'POST' as const, url: '/api/auth/sandbox/login', payload: { persona: NUL } },
      { method: 'GET' as const, url: '/api/public/receipts/CP%00' },
    ]) {
      const res = await t.app.inject(req)
      assert.equal(res.statusCode, 400, req.url)
      assert.equal(res.json().error.code, 'INVALID_CHARACTER')
    }
  })
})

describe('cursors PostgreSQL would not accept are a Chinese 400', () => {
  const lists = ['/api/credit/records', '/api/me/access-log', '/api/commitments', '/api/public/commitments']
  const bad = [
    encodeCursor('2026-02-30', 'x'),
    encodeCursor('2026-13-45', 'x'),
    encodeCursor('0000-00-00', 'x'),
    encodeCursor('0000-01-01T00:00:00.000Z', 'x'),
    encodeCursor('2026-02-30T10:00:00.000Z', 'x'),
    encodeCursor('2026-01-01T25:00:00.000Z', 'x'),
    encodeCursor('2026-01-01', `x${NUL}`),
    encodeCursor('2026-01-01T00:00:00.000Z', `x${NUL}`),
    Buffer.from('["2026-01-01"]').toString('base64url'),
    'not-a-cursor',
  ]
  it('when any list gets an impossible date, time or id in its cursor, then 400 INVALID_CURSOR', async () => {
    const failures: string[] = []
    for (const url of lists) {
      for (const cursor of bad) {
        const res = await t.app.inject({ url: `${url}?cursor=${cursor}`, headers: bearer(token) })
        if (res.statusCode !== 400 || res.json().error.code !== 'INVALID_CURSOR') failures.push(`${url} ${Buffer.from(cursor, 'base64url').toString()}: ${res.statusCode}`)
      }
    }
    assert.deepEqual(failures, [])
  })

  it('a real next-page cursor still pages', async () => {
    const first = (await t.app.inject({ url: '/api/me/access-log', headers: bearer(token) })).json()
    if (first.nextCursor) assert.equal((await t.app.inject({ url: `/api/me/access-log?cursor=${first.nextCursor}`, headers: bearer(token) })).statusCode, 200)
    const leap = await t.app.inject({ url: `/api/credit/records?cursor=${encodeCursor('2024-02-29', 'zzz')}`, headers: bearer(token) })
    assert.equal(leap.statusCode, 200, leap.body)
  })
})
