import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { chinaDate } from '../../../src/domain/dates'
import { fromBase64Url, rotatingDigits, windowOf } from '../../../src/domain/rotating-code'
import { bearer, loginAs, startTestApp, type TestApp } from '../../testing/app'
import { unrecognisedDigits } from '../../testing/rotating'

let t: TestApp
const tokens: Record<string, string> = {}
let clock = new Date(`${chinaDate()}T10:00:00+08:00`)
before(async () => {
  t = await startTestApp()
  t.ctx.now = () => clock
  for (const p of ['citizen-red', 'citizen-new', 'citizen-repairable', 'staff-counter', 'staff-officer', 'staff-verifier']) tokens[p] = (await loginAs(t.app, p)).accessToken
})
after(() => t.close())

type Pass = { kind: string; title: string; code: string; eligible: boolean; reasons: string[]; pass: { secret: string; period: number } }
const get = (p: string, url: string) => t.app.inject({ url, headers: bearer(tokens[p]) })
const own = async (p: string, kind: string) => (await get(p, `/api/me/counter-passes/${kind}`)).json() as Pass
const live = (x: Pass, at = clock) => `${x.code}-${rotatingDigits(fromBase64Url(x.pass.secret), windowOf(at))}`
const check = (code: string, p = 'staff-counter') => t.app.inject({ method: 'POST', url: '/api/staff/counter-passes/check', payload: { code }, headers: bearer(tokens[p]) })
const accessLog = async (p: string) => (await get(p, '/api/me/access-log')).json().items as { reader: string; purpose: string }[]

describe('counter passes (信易阅 / 信易医 / 绿色通道)', () => {
  it('when the reader shows the current code, then the library sees 陈*远, the ID\'s last 4 and 符合, and the check is in the reader\'s access log', async () => {
    const pass = await own('citizen-red', 'reading-library')
    assert.deepEqual([pass.title, pass.eligible, pass.pass.period], ['信易阅·图书馆免押借阅', true, 30])
    assert.equal((await own('citizen-red', 'reading-library')).code, pass.code, 'the same pass on every open')
    const res = await check(live(pass).toLowerCase())
    assert.equal(res.statusCode, 200, res.body)
    const body = res.json()
    assert.deepEqual([body.title, body.holder, body.holderIdLast4, body.eligible], ['信易阅·图书馆免押借阅', '陈*远', '001X', true])
    assert.ok(!res.body.includes('陈明远') && !res.body.includes('"secret"'))
    const log = await accessLog('citizen-red')
    assert.deepEqual([log[0].reader, log[0].purpose], ['杭州图书馆', '信易阅·图书馆免押借阅资格核验'])
  })

  it('when a newcomer does not qualify, then the counter is told so with the reason', async () => {
    const pass = await own('citizen-repairable', 'reading-library')
    const body = (await check(live(pass))).json()
    assert.equal(body.eligible, false)
    assert.ok(body.reasons.length > 0)
  })

  it('when the code is a screenshot two windows old, then 核验码已过期; and nothing is logged', async () => {
    const pass = await own('citizen-new', 'reading-library')
    const shot = live(pass)
    const before = (await accessLog('citizen-new')).length
    const saved = clock
    try {
      clock = new Date(saved.getTime() + 61_000)
      const res = await check(shot)
      assert.deepEqual([res.statusCode, res.json().error.code], [409, 'PASS_EXPIRED'])
      assert.match(res.json().error.message, /^核验码已过期，请让对方刷新/)
    } finally {
      clock = saved
    }
    assert.equal((await accessLog('citizen-new')).length, before)
  })

  it('when the code is forged or the digits are missing or wrong, then each is refused in Chinese', async () => {
    assert.equal((await check('ABCD-EFGH-JKMN-123456')).json().error.code, 'PASS_FORGED')
    const pass = await own('citizen-red', 'reading-library')
    assert.equal((await check(pass.code)).json().error.code, 'PASS_REQUIRED')
    const wrong = `${pass.code}-${unrecognisedDigits(fromBase64Url(pass.pass.secret), clock)}`
    assert.equal((await check(wrong)).json().error.code, 'PASS_INVALID')
  })

  it('when the library is shown a 信易医 or a 绿色通道 code, then it is the wrong kind; 信用办 checks 绿色通道', async () => {
    const medical = await own('citizen-red', 'medical-first')
    const res = await check(live(medical))
    assert.deepEqual([res.statusCode, res.json().error.code], [422, 'PASS_WRONG_KIND'])
    assert.equal(res.json().error.message, '这是“信易医·先诊疗后付费”的核验码，本窗口只能查验：信易阅·图书馆免押借阅')
    const green = await own('citizen-red', 'green-channel')
    assert.equal((await check(live(green))).json().error.code, 'PASS_WRONG_KIND')
    const ok = await check(live(green), 'staff-officer')
    assert.deepEqual([ok.statusCode, ok.json().title, ok.json().eligible], [200, '绿色通道 / 容缺受理', true])
    assert.ok((await accessLog('citizen-red')).some((l) => l.reader === '杭州市发展和改革委员会（市信用办）' && l.purpose === '绿色通道 / 容缺受理资格核验'))
  })

  it('when someone without a counter checks, or asks for an unknown kind, then 403 / 400 in Chinese', async () => {
    const pass = await own('citizen-red', 'reading-library')
    assert.equal((await check(live(pass), 'staff-verifier')).statusCode, 403)
    assert.equal((await check(live(pass), 'citizen-new')).statusCode, 403)
    const bad = await get('citizen-red', '/api/me/counter-passes/spa')
    assert.deepEqual([bad.statusCode, bad.json().error.message], [400, '没有这种核验码'])
  })

  it('20 simultaneous first opens make one pass', async () => {
    const all = await Promise.all(Array.from({ length: 20 }, () => get('staff-verifier', '/api/me/counter-passes/medical-first')))
    assert.ok(all.every((r) => r.statusCode === 200))
    assert.equal(new Set(all.map((r) => r.json().code)).size, 1)
  })
})
