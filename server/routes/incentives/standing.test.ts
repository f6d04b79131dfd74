import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { addCalendarDays, chinaDate } from '../../../src/domain/dates'
import { bearer, loginAs, startTestApp, type TestApp } from '../../testing/app'

let t: TestApp
const tokens: Record<string, string> = {}
const today = chinaDate()
let clock = `${today}T10:00:00+08:00`
before(async () => {
  t = await startTestApp()
  t.ctx.now = () => new Date(clock)
  for (const p of ['citizen-red', 'citizen-serious', 'citizen-blacklist', 'agent-yunqi']) tokens[p] = (await loginAs(t.app, p)).accessToken
})
after(() => t.close())

const YUNQI = { 'x-subject': '91330106MA2H3K5Q7N' }
const get = (p: string, url: string, headers: Record<string, string> = {}) => t.app.inject({ url, headers: { ...bearer(tokens[p]), ...headers } })
const claim = (p: string, id: string, visitDate: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: `/api/incentives/${id}/claims`, payload: { visitDate, benefit: 'ticket_discount' }, headers: { ...bearer(tokens[p]), ...headers } })

type Item = { id: string; eligible: boolean; reasons: string[]; audience: string; audienceName: string; hours: { lastEntry: string } | null }

describe('the standing badge comes from the items\' own rules', () => {
  it('when the 待提升 persona is eligible for nothing, then the badge says 暂无可享激励 and why', async () => {
    const body = (await get('citizen-serious', '/api/incentives')).json()
    assert.equal(body.standing.level, '待提升')
    assert.ok((body.items as Item[]).every((i) => !i.eligible))
    assert.deepEqual(body.standing.incentives, {
      count: 0, total: 9, label: '暂无可享激励', reason: '当前信用等级“待提升”，各项激励最低需达到“良好”，或列入守信红名单',
    })
  })

  it('when a category tab is open, then the badge still counts every item', async () => {
    const all = (await get('citizen-red', '/api/incentives')).json()
    const eligible = (all.items as Item[]).filter((i) => i.eligible).length
    assert.equal(all.standing.incentives.label, `可享 ${eligible} 项激励`)
    assert.deepEqual((await get('citizen-red', '/api/incentives?category=medical')).json().standing.incentives, all.standing.incentives)
  })

  it('when on the 严重失信 list, then 不能享受激励 with the reason', async () => {
    const s = (await get('citizen-blacklist', '/api/incentives')).json().standing.incentives
    assert.deepEqual([s.count, s.label], [0, '不能享受激励'])
  })
})

describe('audience: personal incentives and an enterprise', () => {
  it('when acting for an enterprise, then every personal item says 面向个人 and to switch, and the badge agrees', async () => {
    const body = (await get('agent-yunqi', '/api/incentives', YUNQI)).json()
    for (const i of body.items as Item[]) {
      assert.deepEqual([i.audience, i.audienceName, i.eligible, i.reasons], ['person', '面向个人', false, ['该激励面向个人，企业身份不能领取，请切换为本人身份']])
    }
    assert.equal(body.standing.incentives.reason, '现有激励均面向个人，请切换为本人身份查看和领取')
    const detail = (await get('agent-yunqi', '/api/incentives/travel-xixi', YUNQI)).json() as Item
    assert.equal(detail.eligible, false)
    const refused = await claim('agent-yunqi', 'travel-xixi', addCalendarDays(today, 1), YUNQI)
    assert.deepEqual(refused.json().error, { code: 'PERSON_ONLY', message: '该激励面向个人，企业身份不能领取，请切换为本人身份后领取' })
  })

  it('when the same user switches back to themself, then the personal items are theirs again', async () => {
    const own = (await get('agent-yunqi', '/api/incentives')).json()
    assert.equal((own.items as Item[]).find((i) => i.id === 'travel-xixi')?.eligible, true)
    assert.match(own.standing.incentives.label, /^可享 \d+ 项激励$/)
  })
})

describe('same-day vouchers and the last entry (China time)', () => {
  it('the catalog gives each spot its last entry', async () => {
    const items = (await get('citizen-red', '/api/incentives?category=travel')).json().items as Item[]
    assert.deepEqual(items.map((i) => [i.id, i.hours?.lastEntry]), [['travel-lingyin', '17:30'], ['travel-xixi', '17:00'], ['travel-lanting', '16:30']])
  })

  it('when it is 17:29 at 灵隐 (last entry 17:30), then today is still claimable', async () => {
    clock = `${today}T17:29:59+08:00`
    const res = await claim('citizen-red', 'travel-lingyin', today)
    assert.equal(res.statusCode, 201, res.body)
  })

  it('when it is 17:30, then today is refused in Chinese and tomorrow is fine', async () => {
    clock = `${today}T17:30:00+08:00`
    const res = await claim('citizen-red', 'travel-xixi', today)
    assert.deepEqual([res.statusCode, res.json().error], [422, { code: 'PAST_LAST_ENTRY', message: '今天已过最晚入园时间（17:00），请选择明天或以后的日期' }])
    const lingyin = await claim('citizen-red', 'travel-lingyin', addCalendarDays(today, 1))
    assert.equal(lingyin.statusCode, 201)
    const sameDayLingyin = await t.app.inject({
      method: 'POST', url: '/api/incentives/travel-lingyin/claims', payload: { visitDate: today, benefit: 'fast_lane' }, headers: bearer(tokens['citizen-red']),
    })
    assert.equal(sameDayLingyin.json().error.message, '今天已过最晚入园时间（17:30），请选择明天或以后的日期')
  })
})
