import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { DeliveryResult, SubscribeMessage } from '../../adapters/wechat-subscribe'
import { deliverPending } from '../../messages/deliver'
import { notify } from '../../messages/messages'
import { parseMessageTemplates } from '../../messages/templates'
import { bearer, loginAs, startTestApp, type TestApp } from '../../testing/app'

let t: TestApp
const tokens: Record<string, string> = {}
before(async () => {
  t = await startTestApp()
  for (const p of ['citizen-repairable', 'citizen-new', 'agent-yunqi']) tokens[p] = (await loginAs(t.app, p)).accessToken
})
after(() => t.close())

const YUNQI = '91330106MA2H3K5Q7N'
const get = (p: string, url: string, headers: Record<string, string> = {}) => t.app.inject({ url, headers: { ...bearer(tokens[p]), ...headers } })
const post = (p: string, url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'POST', url, headers: { ...bearer(tokens[p]), ...headers } })
type Page = { items: { id: string; title: string; body: string; createdAt: string; readAt: string | null; link: string | null }[]; nextCursor: string | null; unread: number }

describe('message centre', () => {
  it('lists a subject its messages newest first, in cursor pages, with the unread count', async () => {
    for (let i = 0; i < 25; i++) {
      await notify(t.ctx.db, { to: { subjectId: 'person-li' }, kind: 'test', title: `通知 ${i}`, body: `正文 ${i}`, link: i === 24 ? '/pages/credit/index' : null })
      // "Newest first" needs an order: two notices in one millisecond are a tie on created_at.
      await new Promise((r) => setTimeout(r, 2))
    }
    const first = (await get('citizen-repairable', '/api/messages')).json() as Page
    assert.equal(first.items.length, 20)
    assert.equal(first.unread, 25)
    assert.equal(first.items[0].title, '通知 24')
    assert.equal(first.items[0].link, '/pages/credit/index')
    assert.deepEqual(Object.keys(first.items[0]).sort(), ['body', 'createdAt', 'id', 'link', 'readAt', 'title'])
    assert.ok(first.nextCursor)
    const second = (await get('citizen-repairable', `/api/messages?cursor=${first.nextCursor}`)).json() as Page
    assert.equal(second.items.length, 5)
    assert.equal(second.nextCursor, null)
    const all = [...first.items, ...second.items].map((m) => m.title)
    assert.equal(new Set(all).size, 25)
  })

  it('marks one read (once), then all; the unread count follows', async () => {
    const page = (await get('citizen-repairable', '/api/messages')).json() as Page
    const id = page.items[3].id
    const r1 = await post('citizen-repairable', `/api/messages/${id}/read`)
    assert.equal(r1.statusCode, 200)
    const r2 = await post('citizen-repairable', `/api/messages/${id}/read`)
    assert.equal(r2.json().readAt, r1.json().readAt)
    const after1 = (await get('citizen-repairable', '/api/messages')).json() as Page
    assert.equal(after1.unread, page.unread - 1)
    assert.ok(after1.items[3].readAt)
    const all = await post('citizen-repairable', '/api/messages/read-all')
    assert.equal(all.json().updated, page.unread - 1)
    assert.equal(((await get('citizen-repairable', '/api/messages')).json() as Page).unread, 0)
  })

  it("another subject's message is 404 and never listed; an enterprise's messages are its agents'", async () => {
    const id = await notify(t.ctx.db, { to: { subjectId: 'ent-yunqi' }, kind: 'test', title: '企业通知', body: '仅企业可见' })
    const mine = (await get('citizen-new', '/api/messages')).json() as Page
    assert.ok(!mine.items.some((m) => m.id === id))
    const res = await post('citizen-new', `/api/messages/${id}/read`)
    assert.equal(res.statusCode, 404)
    assert.equal(res.json().error.code, 'NOT_FOUND')
    // the agent sees it acting for the enterprise, not acting as themselves
    assert.ok(!((await get('agent-yunqi', '/api/messages')).json() as Page).items.some((m) => m.id === id))
    const asEnt = (await get('agent-yunqi', '/api/messages', { 'x-subject': YUNQI })).json() as Page
    assert.equal(asEnt.items[0].id, id)
    assert.equal((await post('agent-yunqi', `/api/messages/${id}/read`, { 'x-subject': YUNQI })).statusCode, 200)
  })

  it('a message for one user is read by them acting as themselves', async () => {
    const id = await notify(t.ctx.db, { to: { userId: 'user-citizen-new' }, kind: 'test', title: '个人通知', body: '给本人' })
    assert.equal(((await get('citizen-new', '/api/messages')).json() as Page).items[0].id, id)
  })

  it('bad input is a 400 with a Chinese message, never a 500', async () => {
    for (const url of ['/api/messages?cursor=abc', '/api/messages?limit=0', '/api/messages?limit=x']) {
      const res = await get('citizen-new', url)
      assert.equal(res.statusCode, 400, url)
      assert.match(res.json().error.message, /[\u4e00-\u9fa5]/)
    }
    assert.equal((await t.app.inject({ url: '/api/messages' })).statusCode, 401)
  })

  it('a dedupe key makes a second notify a no-op', async () => {
    const a = await notify(t.ctx.db, { to: { subjectId: 'person-zhou' }, kind: 'test', title: '一次', body: '一次', dedupeKey: 'once-1' })
    const b = await notify(t.ctx.db, { to: { subjectId: 'person-zhou' }, kind: 'test', title: '一次', body: '一次', dedupeKey: 'once-1' })
    assert.ok(a)
    assert.equal(b, null)
  })
})

describe('deliveries', () => {
  const templates = parseMessageTemplates({
    WECHAT_SUBSCRIBE_TEMPLATES: JSON.stringify({ record_expired: { templateId: 'TPL-EXP', data: { thing1: 'title', date2: 'dueDate', thing3: 'body' } } }),
    SMS_NOTICE_TEMPLATES: JSON.stringify({ record_expired: { template: 'SMS_100', params: { title: 'title' } } }),
  })

  class FakeSubscribe {
    readonly sandbox = true
    sent: SubscribeMessage[] = []
    constructor(private answer: (m: SubscribeMessage) => DeliveryResult) {}
    async send(m: SubscribeMessage) {
      this.sent.push(m)
      return this.answer(m)
    }
  }

  it('queues one WeChat and one SMS delivery per recipient as configured, and sends each once', async () => {
    await t.ctx.db.updateTable('users').set({ wechat_openid: 'openid-li' }).where('id', '=', 'user-citizen-repairable').execute()
    const id = await notify(
      t.ctx.db,
      { to: { subjectId: 'person-li' }, kind: 'record_expired', title: '您的一条信用记录公示期已届满，已不再公示', body: '记录：消防行政处罚', link: '/pages/credit/index', fields: { dueDate: '2026-12-01' } },
      templates,
    )
    const rows = await t.ctx.db.selectFrom('message_deliveries').selectAll().where('message_id', '=', id!).orderBy('channel').execute()
    assert.deepEqual(rows.map((r) => [r.channel, r.template, r.status]), [['sms', 'SMS_100', 'pending'], ['wechat', 'TPL-EXP', 'pending']])
    const subscribe = new FakeSubscribe(() => ({ status: 'sent' }))
    const first = await deliverPending(t.ctx.db, { subscribe, sms: t.sms })
    assert.deepEqual(first, { sent: 2, refused: 0, failed: 0 })
    assert.equal(subscribe.sent[0].openid, 'openid-li')
    assert.equal(subscribe.sent[0].data.date2, '2026-12-01')
    assert.equal(subscribe.sent[0].page, 'pages/credit/index')
    assert.deepEqual(t.sms.notices.at(-1), { phone: '13800000002', template: 'SMS_100', params: { title: '您的一条信用记录公示期已届满，已不再公示' } })
    assert.deepEqual(await deliverPending(t.ctx.db, { subscribe, sms: t.sms }), { sent: 0, refused: 0, failed: 0 })
  })

  it('a refusal (43101) is recorded and not retried; a failure is retried, then given up', async () => {
    const id = await notify(t.ctx.db, { to: { userId: 'user-citizen-repairable' }, kind: 'record_expired', title: '到期', body: '到期' }, { wechat: templates.wechat, sms: {} })
    const refusing = new FakeSubscribe(() => ({ status: 'refused', error: '43101 user refuse to accept the msg' }))
    assert.deepEqual(await deliverPending(t.ctx.db, { subscribe: refusing, sms: t.sms }), { sent: 0, refused: 1, failed: 0 })
    assert.deepEqual(await deliverPending(t.ctx.db, { subscribe: refusing, sms: t.sms }), { sent: 0, refused: 0, failed: 0 })
    const refused = await t.ctx.db.selectFrom('message_deliveries').select(['status', 'last_error', 'attempts']).where('message_id', '=', id!).executeTakeFirstOrThrow()
    assert.deepEqual(refused, { status: 'refused', last_error: '43101 user refuse to accept the msg', attempts: 1 })

    const id2 = await notify(t.ctx.db, { to: { userId: 'user-citizen-repairable' }, kind: 'record_expired', title: '到期', body: '到期' }, { wechat: templates.wechat, sms: {} })
    const failing = new FakeSubscribe(() => ({ status: 'failed', retry: true, error: '微信接口超时' }))
    for (let i = 0; i < 7; i++) await deliverPending(t.ctx.db, { subscribe: failing, sms: t.sms })
    assert.equal(failing.sent.length, 5)
    const gaveUp = await t.ctx.db.selectFrom('message_deliveries').select(['status', 'attempts']).where('message_id', '=', id2!).executeTakeFirstOrThrow()
    assert.deepEqual(gaveUp, { status: 'failed', attempts: 5 })
  })
})
