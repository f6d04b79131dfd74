import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { chinaDate, addCalendarDays } from '../../../src/domain/dates'
import { fromBase64Url, rotatingDigits, windowOf } from '../../../src/domain/rotating-code'
import { sign } from '../../incentives/codes'
import { bearer, loginAs, startTestApp, type TestApp } from '../../testing/app'
import { unrecognisedDigits } from '../../testing/rotating'

let t: TestApp
const tokens: Record<string, string> = {}
before(async () => {
  t = await startTestApp()
  // Mid-morning in China: every spot still lets visitors in today (see hours.test.ts for the evening).
  t.ctx.now = () => new Date(`${chinaDate()}T10:00:00+08:00`)
  for (const p of ['citizen-red', 'citizen-new', 'citizen-blacklist', 'citizen-objection', 'citizen-repairable', 'staff-verifier', 'staff-rental', 'agent-yunqi']) {
    tokens[p] = (await loginAs(t.app, p)).accessToken
  }
})
after(() => t.close())

const today = chinaDate()
const get = (p: string, url: string, headers: Record<string, string> = {}) => t.app.inject({ url, headers: { ...bearer(tokens[p]), ...headers } })
const post = (p: string, url: string, payload: unknown = {}, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, payload: payload as object, headers: { ...bearer(tokens[p]), ...headers } })
const item = async (p: string, id: string) => ((await get(p, '/api/incentives')).json().items as { id: string; eligible: boolean; reasons: string[] }[]).find((i) => i.id === id)!
const claim = (p: string, id: string, visitDate = today, benefit = 'ticket_discount', headers: Record<string, string> = {}) =>
  post(p, `/api/incentives/${id}/claims`, { visitDate, benefit }, headers)
const verify = (code: string, p = 'staff-verifier') => post(p, '/api/staff/vouchers/verify', { code })
/** What the visitor's phone shows now: the code and the 6 digits of the current 30-s window. */
const live = (v: { code: string; pass: { secret: string } }, at = t.ctx.now()) => `${v.code}-${rotatingDigits(fromBase64Url(v.pass.secret), windowOf(at))}`

describe('eligibility in the catalog', () => {
  it('the red-list citizen may use 灵隐 (red list or 优秀) and 兰亭 (red list only)', async () => {
    assert.equal((await item('citizen-red', 'travel-lingyin')).eligible, true)
    assert.deepEqual(await item('citizen-red', 'travel-lanting').then((i) => [i.eligible, i.reasons]), [true, ['已列入守信红名单']])
  })

  it('a 良好 newcomer sees why 灵隐 is not for them, and may use 西溪', async () => {
    assert.deepEqual((await item('citizen-new', 'travel-lingyin')).reasons, ['需信用等级达到“优秀”，当前“良好”，或需列入守信红名单'])
    assert.equal((await item('citizen-new', 'travel-xixi')).eligible, true)
  })

  it('a subject on the 严重失信 list is excluded from everything', async () => {
    const items = (await get('citizen-blacklist', '/api/incentives')).json().items as { eligible: boolean; reasons: string[] }[]
    assert.ok(items.every((i) => !i.eligible && i.reasons[0].includes('严重失信')))
  })

  it('an entry under objection does not block', async () => {
    assert.equal((await item('citizen-objection', 'travel-xixi')).eligible, false) // 550 一般
    await t.ctx.db.updateTable('credit_records').set({ status: '异议中' }).where('id', '=', 'rec-zhao-rent-arrears').execute()
    try {
      assert.equal((await item('citizen-objection', 'travel-xixi')).eligible, true) // back to 600 良好
    } finally {
      await t.ctx.db.updateTable('credit_records').set({ status: '公示中' }).where('id', '=', 'rec-zhao-rent-arrears').execute()
    }
  })

  it('绿色通道: red list yes, no negative record yes, a recent penalty no', async () => {
    const gc = async (p: string) => (await get(p, '/api/incentives')).json().greenChannel
    assert.equal((await gc('citizen-red')).eligible, true)
    assert.deepEqual(await gc('citizen-new'), { eligible: true, reasons: ['近 3 年无失信记录'] })
    assert.equal((await gc('citizen-repairable')).eligible, false)
  })

  it('filters by category and rejects an unknown one in Chinese', async () => {
    const rental = (await get('citizen-red', '/api/incentives?category=rental')).json().items as { categoryName: string }[]
    assert.ok(rental.length >= 4 && rental.every((i) => i.categoryName === '信易租'))
    const bad = await get('citizen-red', '/api/incentives?category=food')
    assert.equal(bad.statusCode, 400)
    assert.equal(bad.json().error.message, '激励类别不正确')
  })
})

describe('信易游 claim', () => {
  it('claims a voucher: signed short code, the spot, the benefit and the date; the same claim again is the same voucher', async () => {
    const res = await claim('citizen-red', 'travel-lingyin', today, 'ticket_discount', { 'idempotency-key': 'claim-key-0001' })
    assert.equal(res.statusCode, 201)
    const v = res.json().voucher
    assert.match(v.code, /^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/)
    assert.deepEqual([v.spot, v.benefit.name, v.visitDate, v.statusText], ['灵隐景区', '门票优惠', today, '可使用'])
    const replay = await claim('citizen-red', 'travel-lingyin', today, 'ticket_discount', { 'idempotency-key': 'claim-key-0001' })
    assert.equal(replay.headers['idempotent-replayed'], 'true')
    assert.equal(replay.json().voucher.id, v.id)
    const again = await claim('citizen-red', 'travel-lingyin')
    assert.equal(again.json().voucher.id, v.id)
  })

  it('holds the daily limit per spot', async () => {
    const day = addCalendarDays(today, 3)
    assert.equal((await claim('citizen-red', 'travel-lingyin', day, 'ticket_discount')).statusCode, 201)
    assert.equal((await claim('citizen-red', 'travel-lingyin', day, 'fast_lane')).statusCode, 201)
    const third = await claim('citizen-red', 'travel-lingyin', day, 'peak_window')
    assert.equal(third.statusCode, 409)
    assert.equal(third.json().error.message, '同一景区每人每天最多领取 2 张卡券')
  })

  it('refuses past dates, far dates, unknown benefits, the ineligible and enterprises', async () => {
    assert.equal((await claim('citizen-red', 'travel-lingyin', addCalendarDays(today, -1))).json().error.message, '游览日期不能早于今天')
    assert.match((await claim('citizen-red', 'travel-lingyin', addCalendarDays(today, 31))).json().error.message, /^最多可预约 30 天内/)
    assert.equal((await claim('citizen-red', 'travel-lingyin', '2026-02-30')).json().error.message, '游览日期不存在')
    assert.equal((await claim('citizen-red', 'travel-lingyin', today, 'spa')).json().error.message, '该景区没有这项优惠，请重新选择')
    const ineligible = await claim('citizen-new', 'travel-lingyin')
    assert.equal(ineligible.statusCode, 403)
    assert.match(ineligible.json().error.message, /需信用等级达到“优秀”/)
    const ent = await claim('agent-yunqi', 'travel-xixi', today, 'ticket_discount', { 'x-subject': '91330106MA2H3K5Q7N' })
    assert.equal(ent.json().error.code, 'PERSON_ONLY')
  })
})

describe('信易游 verification at the gate', () => {
  it('redeems once, shows the masked holder; a second scan says when and where it was used', async () => {
    const v = (await claim('citizen-red', 'travel-lingyin', today, 'fast_lane')).json().voucher
    const ok = await verify(live(v).toLowerCase().replace(/-/g, ' '))
    assert.equal(ok.statusCode, 200, ok.body)
    assert.deepEqual([ok.json().holder, ok.json().holderIdLast4, ok.json().benefit.name, ok.json().statusText], ['陈*远', '001X', '快捷通道入园', '已使用'])
    assert.ok(!ok.body.includes('330106') && !ok.body.includes('"secret"'), 'no ID number and no pass secret reach the verifier')
    const again = await verify(live(v))
    assert.equal(again.statusCode, 409)
    assert.match(again.json().error.message, /^该卡券已于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 在 西湖风景名胜区灵隐景区 核销，不能重复使用$/)
    const mine = (await get('citizen-red', '/api/vouchers')).json().items as { id: string }[]
    assert.ok(!mine.some((x) => x.id === v.id), 'a used voucher leaves 可用')
    const history = (await get('citizen-red', '/api/vouchers?status=history')).json().items as { id: string; statusText: string }[]
    assert.equal(history.find((x) => x.id === v.id)?.statusText, '已使用')
    const log = (await get('citizen-red', '/api/me/access-log')).json().items
    assert.equal(log[0].purpose, '信易游卡券核销')
    const cancel = await post('citizen-red', `/api/vouchers/${v.id}/cancel`)
    assert.deepEqual([cancel.statusCode, cancel.json().error.message], [409, '该卡券已使用，不能作废'])
  })

  it('50 simultaneous scans of one voucher: exactly one succeeds', async () => {
    // The verifier also works at 兰亭 (a red-list-only spot) for this case.
    await t.ctx.db.insertInto('staff_sites').values({ user_id: 'user-staff-verifier', incentive_id: 'travel-lanting' }).execute()
    const v = (await claim('citizen-red', 'travel-lanting', today, 'ticket_discount')).json().voucher
    const results = await Promise.all(Array.from({ length: 50 }, () => verify(live(v))))
    assert.equal(results.filter((r) => r.statusCode === 200).length, 1)
    assert.ok(results.filter((r) => r.statusCode !== 200).every((r) => r.json().error.code === 'VOUCHER_USED'))
  })

  it('a screenshot is useless: the QR changes every 30 s and only the current code (± one window) redeems', async () => {
    const v = (await claim('citizen-red', 'travel-lanting', today, 'peak_window')).json().voucher // 兰亭: the verifier works there since the race test
    const shotAt = t.ctx.now()
    const screenshot = live(v, shotAt)
    const bare = await verify(v.code)
    assert.deepEqual([bare.statusCode, bare.json().error.code], [400, 'PASS_REQUIRED'])
    const later = t.ctx.now
    try {
      t.ctx.now = () => new Date(shotAt.getTime() + 61_000) // two windows later
      const old = await verify(screenshot)
      assert.deepEqual([old.statusCode, old.json().error.code], [409, 'PASS_EXPIRED'])
      assert.match(old.json().error.message, /^二维码已过期，请让游客刷新/)
      const wrongDigits = `${v.code}-${unrecognisedDigits(fromBase64Url(v.pass.secret), t.ctx.now())}`
      assert.equal((await verify(wrongDigits)).json().error.code, 'PASS_INVALID')
      t.ctx.now = () => new Date(shotAt.getTime() + 30_000) // the phone's clock one window behind
      const ok = await verify(screenshot)
      assert.equal(ok.statusCode, 200, ok.body)
    } finally {
      t.ctx.now = later
    }
  })

  it('the owner gets the pass secret with an available voucher; it is not in a used one', async () => {
    const list = (await get('citizen-red', '/api/vouchers')).json().items as { pass: { secret: string; period: number; serverTime: string } | null }[]
    assert.ok(list.length > 0 && list.every((x) => x.pass && x.pass.period === 30 && x.pass.secret.length >= 40))
    const history = (await get('citizen-red', '/api/vouchers?status=history')).json().items as { statusText: string; pass: unknown }[]
    assert.ok(history.filter((x) => x.statusText === '已使用').every((x) => x.pass === null))
  })

  it('each wrong case has its own message: wrong spot, wrong date, expired, revoked, forged, tampered', async () => {
    const xixi = (await claim('citizen-red', 'travel-xixi', today, 'free_shuttle')).json().voucher
    assert.deepEqual((await verify(xixi.code)).json().error, { code: 'VOUCHER_WRONG_SPOT', message: '该卡券不适用于本景区（适用于：西溪国家湿地公园）' })

    const future = (await claim('citizen-red', 'travel-lingyin', addCalendarDays(today, 5), 'ticket_discount')).json().voucher
    assert.equal((await verify(future.code)).json().error.code, 'VOUCHER_WRONG_DATE')

    const old = (await claim('citizen-red', 'travel-lingyin', addCalendarDays(today, 6), 'ticket_discount')).json().voucher
    const yesterday = addCalendarDays(today, -1)
    const row = await t.ctx.db.selectFrom('vouchers').selectAll().where('id', '=', old.id).executeTakeFirstOrThrow()
    const resigned = sign(t.ctx.config.jwtSecret, [row.id, row.subject_id, row.incentive_id, row.benefit, yesterday])
    await t.ctx.db.updateTable('vouchers').set({ visit_date: yesterday, signature: resigned }).where('id', '=', old.id).execute()
    assert.equal((await verify(old.code)).json().error.message, `该卡券仅限 ${yesterday} 使用，已过期`)

    const cancelled = (await claim('citizen-red', 'travel-lingyin', addCalendarDays(today, 7), 'ticket_discount')).json().voucher
    assert.equal((await post('citizen-red', `/api/vouchers/${cancelled.id}/cancel`)).json().statusText, '已作废')
    assert.equal((await verify(cancelled.code)).json().error.code, 'VOUCHER_REVOKED')

    const forged = (await verify('ABCD-EFGH-JKMN')).json().error
    assert.equal(forged.code, 'VOUCHER_FORGED')

    const tampered = (await claim('citizen-red', 'travel-lingyin', addCalendarDays(today, 8), 'ticket_discount')).json().voucher
    await t.ctx.db.updateTable('vouchers').set({ visit_date: addCalendarDays(today, 10) }).where('id', '=', tampered.id).execute()
    assert.equal((await verify(tampered.code)).json().error.message, '卡券数据校验失败，请联系平台核实')
  })

  it('only verifier staff may verify, and another person\'s voucher cannot be cancelled (404)', async () => {
    const v = (await claim('citizen-red', 'travel-lingyin', addCalendarDays(today, 9), 'ticket_discount')).json().voucher
    const res = await post('citizen-new', '/api/staff/vouchers/verify', { code: v.code })
    assert.equal(res.statusCode, 403)
    assert.equal((await post('citizen-new', `/api/vouchers/${v.id}/cancel`)).statusCode, 404)
  })
})

describe('信易租 grant under revocable authorisation', () => {
  it('the partner can check only while authorised; each check is logged; a revoke stops the next check at once', async () => {
    const grant = (await post('citizen-red', '/api/incentives/rental-bike/claims')).json().grant
    assert.deepEqual([grant.partner, grant.depositWaived, grant.statusText], ['杭州城市公共自行车服务有限公司', '200 元', '有效'])
    assert.equal((await post('citizen-red', '/api/incentives/rental-bike/claims')).json().grant.id, grant.id, 'one active grant')

    const check = () => post('staff-rental', '/api/partner/grants/check', { code: grant.code })
    const before = await check()
    assert.equal(before.statusCode, 403)
    assert.equal(before.json().error.code, 'NOT_AUTHORIZED')

    const auth = await post('citizen-red', '/api/me/authorizations', { incentiveId: 'rental-bike', days: 30 })
    assert.equal(auth.statusCode, 201)
    const ok = await check()
    assert.equal(ok.statusCode, 200)
    assert.deepEqual([ok.json().holder, ok.json().depositFree], ['陈**', true])
    const log = (await get('citizen-red', '/api/me/access-log')).json().items
    assert.deepEqual([log[0].reader, log[0].purpose], ['杭州城市公共自行车服务有限公司', '信易租免押资格查验'])

    const revoked = await post('citizen-red', `/api/me/authorizations/${auth.json().id}/revoke`)
    assert.equal(revoked.json().statusText, '已撤销')
    assert.equal((await check()).statusCode, 403)
  })

  it('authorising needs a grant; checking needs the partner role; a foreign authorisation is 404', async () => {
    const res = await post('citizen-new', '/api/me/authorizations', { incentiveId: 'rental-car', days: 30 })
    assert.equal(res.json().error.code, 'NO_GRANT')
    assert.equal((await post('citizen-new', '/api/partner/grants/check', { code: 'ABCD-EFGH-JKMN' })).statusCode, 403)
    const mine = (await get('citizen-red', '/api/me/authorizations')).json().items
    assert.equal((await post('citizen-new', `/api/me/authorizations/${mine[0].id}/revoke`)).statusCode, 404)
    const tooLong = await post('citizen-red', '/api/me/authorizations', { incentiveId: 'rental-bike', days: 9999 })
    assert.equal(tooLong.json().error.message, '授权期限最长 365 天')
  })
})

describe('what a partner learns, and one authorisation per partner', () => {
  it('when the partner checks a grant, then it learns eligible or not and the validity, never the level or a list status', async () => {
    const grant = (await post('citizen-red', '/api/incentives/rental-bike/claims')).json().grant
    await post('citizen-red', '/api/me/authorizations', { incentiveId: 'rental-bike', days: 30 })
    const res = await post('staff-rental', '/api/partner/grants/check', { code: grant.code })
    assert.equal(res.statusCode, 200)
    assert.deepEqual([res.json().depositFree, res.json().validUntil, res.json().reasons], [true, grant.validUntil, []])
    assert.doesNotMatch(res.body, /红名单|黑名单|失信|极好|优秀|良好|一般|待提升|score|level/)
  })

  it('when a person authorises the same partner again, then the new period replaces the active one', async () => {
    await post('citizen-red', '/api/incentives/rental-bike/claims')
    const first = (await post('citizen-red', '/api/me/authorizations', { incentiveId: 'rental-bike', days: 30 })).json()
    const second = await post('citizen-red', '/api/me/authorizations', { incentiveId: 'rental-bike', days: 90 })
    assert.equal(second.statusCode, 201)
    const items = (await get('citizen-red', '/api/me/authorizations')).json().items as { id: string; incentiveId: string; status: string; expiresAt: string }[]
    const active = items.filter((a) => a.incentiveId === 'rental-bike' && a.status === 'active')
    assert.deepEqual(active.map((a) => a.id), [second.json().id])
    assert.ok(new Date(active[0].expiresAt).getTime() - Date.now() > 89 * 86400_000)
    assert.equal(items.find((a) => a.id === first.id)?.status, 'revoked')
  })

  it('when 10 authorisations for one partner arrive at once, then exactly one is active', async () => {
    await post('citizen-red', '/api/incentives/rental-bike/claims')
    const results = await Promise.all(Array.from({ length: 10 }, () => post('citizen-red', '/api/me/authorizations', { incentiveId: 'rental-bike', days: 7 })))
    assert.ok(results.every((r) => r.statusCode === 201))
    const items = (await get('citizen-red', '/api/me/authorizations')).json().items as { incentiveId: string; status: string }[]
    assert.equal(items.filter((a) => a.incentiveId === 'rental-bike' && a.status === 'active').length, 1)
  })
})

