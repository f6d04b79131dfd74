import assert from 'node:assert/strict'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, beforeEach, describe, it } from 'node:test'
import { startTestApp, type TestApp } from '../testing/app'
import { fitSubscribeValue, WechatSubscribeMessenger } from './wechat-subscribe'

describe('subscribe message field limits', () => {
  it('cuts each field type to what WeChat accepts, counting characters', () => {
    const long = '您的行政处罚记录公示期已届满并已停止公示，请知悉详细情况'
    const thing = fitSubscribeValue('thing1', long)
    assert.equal(Array.from(thing).length, 20)
    assert.ok(thing.endsWith('…'))
    assert.equal(fitSubscribeValue('thing2', '短'), '短')
    assert.equal(fitSubscribeValue('name3', '杭州市市场监督管理局上城分局'), '杭州市市场监督管理局')
    assert.equal(fitSubscribeValue('phrase4', '已到期 ok'), '已到期')
    assert.equal(fitSubscribeValue('phrase4', '异议核查办结中'), '异议核查办')
    assert.equal(fitSubscribeValue('character_string5', 'CP20261130ABCDEFGH-记录-0123456789ABCDEFGHIJ'), 'CP20261130ABCDEFGH--0123456789AB')
    assert.equal(fitSubscribeValue('character_string5', 'CP20261130ABCDEFGH-记录-0123456789ABCDEFGHIJ').length, 32)
    assert.equal(fitSubscribeValue('time6', '2026-11-30 10:00'), '2026-11-30 10:00')
    // emoji and other astral characters count as one character and are never split
    assert.equal(fitSubscribeValue('name1', '😀'.repeat(12)), '😀'.repeat(10))
  })
})

/** A local server speaking WeChat's token and subscribeMessage.send protocol. */
type Mode = 'ok' | 'refused' | 'expired-once' | 'expired-always' | 'hang' | 'malformed' | 'token-error'
let mode: Mode = 'ok'
let tokenCalls = 0
let sendCalls: { token: string | null; body: Record<string, unknown> }[] = []
let issued = 0
const server = http.createServer((req, res) => {
  const url = new URL(req.url!, 'http://x')
  let raw = ''
  req.on('data', (c) => (raw += c))
  req.on('end', () => {
    const json = (o: unknown) => {
      res.setHeader('content-type', 'application/json')
      res.end(JSON.stringify(o))
    }
    if (url.pathname === '/cgi-bin/token') {
      tokenCalls++
      if (mode === 'token-error') return json({ errcode: 40013, errmsg: 'invalid appid' })
      assert.equal(url.searchParams.get('grant_type'), 'client_credential')
      assert.equal(url.searchParams.get('appid'), 'wx-test')
      assert.equal(url.searchParams.get('secret'), 'secret-test')
      return json({ access_token: `token-${++issued}`, expires_in: 7200 })
    }
    if (url.pathname === '/cgi-bin/message/subscribe/send' && req.method === 'POST') {
      const token = url.searchParams.get('access_token')
      sendCalls.push({ token, body: JSON.parse(raw) })
      if (mode === 'hang') return // never answers
      if (mode === 'malformed') return res.end('<html>502 Bad Gateway</html>')
      if (mode === 'refused') return json({ errcode: 43101, errmsg: 'user refuse to accept the msg' })
      if (mode === 'expired-always' || (mode === 'expired-once' && token === 'token-1')) return json({ errcode: 40001, errmsg: 'invalid credential' })
      return json({ errcode: 0, errmsg: 'ok', msgid: 1 })
    }
    res.statusCode = 404
    res.end()
  })
})

let t: TestApp
let base: string
before(async () => {
  t = await startTestApp()
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
after(async () => {
  server.closeAllConnections()
  await new Promise((r) => server.close(r))
  await t.close()
})
beforeEach(async () => {
  mode = 'ok'
  tokenCalls = 0
  issued = 0
  sendCalls = []
  await t.ctx.db.deleteFrom('wechat_access_tokens').execute()
})

const messenger = (timeoutMs = 2000) => new WechatSubscribeMessenger(t.ctx.db, { appid: 'wx-test', secret: 'secret-test', baseUrl: base, timeoutMs })
const message = { openid: 'openid-1', templateId: 'TPL-1', data: { thing1: '一二三四五六七八九十一二三四五六七八九十一二', date2: '2026-12-01' }, page: 'pages/messages/index' }

describe('WeChat subscribe messages against a WeChat-speaking server', () => {
  it('sends with a token fetched once and kept in the database for every instance', async () => {
    assert.deepEqual(await messenger().send(message), { status: 'sent' })
    assert.deepEqual(await messenger().send(message), { status: 'sent' })
    assert.equal(tokenCalls, 1)
    assert.deepEqual(sendCalls.map((c) => c.token), ['token-1', 'token-1'])
    const row = await t.ctx.db.selectFrom('wechat_access_tokens').selectAll().where('appid', '=', 'wx-test').executeTakeFirstOrThrow()
    assert.equal(row.access_token, 'token-1')
    assert.ok(Math.abs(row.expires_at.getTime() - (Date.now() + 7200_000)) < 60_000)
    const body = sendCalls[0].body as { touser: string; template_id: string; page: string; data: Record<string, { value: string }> }
    assert.equal(body.touser, 'openid-1')
    assert.equal(body.template_id, 'TPL-1')
    assert.equal(body.page, 'pages/messages/index')
    assert.equal(Array.from(body.data.thing1.value).length, 20)
    assert.equal(body.data.date2.value, '2026-12-01')
  })

  it('43101 (no subscription) is a refusal, not a retryable failure', async () => {
    mode = 'refused'
    const r = await messenger().send(message)
    assert.equal(r.status, 'refused')
    assert.equal(sendCalls.length, 1)
  })

  it('an expired token (40001) is refreshed once and the message sent', async () => {
    await messenger().send(message) // caches token-1
    mode = 'expired-once'
    assert.deepEqual(await messenger().send(message), { status: 'sent' })
    assert.equal(tokenCalls, 2)
    assert.deepEqual(sendCalls.slice(1).map((c) => c.token), ['token-1', 'token-2'])
    assert.equal((await t.ctx.db.selectFrom('wechat_access_tokens').select('access_token').executeTakeFirstOrThrow()).access_token, 'token-2')
  })

  it('a token refused again after one refresh is a failure to retry later, not a loop', async () => {
    mode = 'expired-always'
    const r = await messenger().send(message)
    assert.equal(r.status, 'failed')
    assert.equal(r.status === 'failed' && r.retry, true)
    assert.equal(sendCalls.length, 2)
    assert.equal(tokenCalls, 2)
  })

  it('a timeout is a retryable failure', async () => {
    mode = 'hang'
    const started = Date.now()
    const r = await messenger(300).send(message)
    assert.deepEqual(r, { status: 'failed', retry: true, error: '微信接口超时' })
    assert.ok(Date.now() - started < 2000)
  })

  it('a malformed answer or a failed token request is a retryable failure with a reason', async () => {
    mode = 'malformed'
    const r = await messenger().send(message)
    assert.equal(r.status, 'failed')
    assert.match(r.status === 'failed' ? r.error : '', /格式异常/)
    mode = 'token-error'
    await t.ctx.db.deleteFrom('wechat_access_tokens').execute()
    const r2 = await messenger().send(message)
    assert.equal(r2.status, 'failed')
    assert.match(r2.status === 'failed' ? r2.error : '', /40013/)
  })
})
