// The adapters production uses, against a local server that speaks each service's protocol:
// success, the service's own error codes, a timeout and a malformed answer.
import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'
import { AppError } from '../http/errors'
import { hang, json, raw, startFakeService, type FakeService } from '../testing/fake-service'
import { HttpIdentityVerifier } from './identity'
import { HttpSmsProvider } from './sms'
import { WechatApiAuth } from './wechat'

let svc: FakeService
before(async () => {
  svc = await startFakeService()
})
after(() => svc.close())
beforeEach(() => {
  svc.received.length = 0
})

async function appError(p: Promise<unknown>): Promise<AppError> {
  try {
    await p
  } catch (e) {
    assert.ok(e instanceof AppError, `expected an AppError, got ${String(e)}`)
    return e
  }
  assert.fail('expected a failure')
}

describe('identity verification (HTTP gateway)', () => {
  const verifier = () => new HttpIdentityVerifier(`${svc.url}/verify`, 'id-token', { timeoutMs: 1500 })

  it('posts the name and ID number with the bearer token and reads the match', async () => {
    svc.answer(json(200, { match: true }))
    assert.equal(await verifier().verify('陈明远', '11010519491231002X'), true)
    const req = svc.received[0]
    assert.equal(req.method, 'POST')
    assert.equal(req.headers.authorization, 'Bearer id-token')
    assert.deepEqual(JSON.parse(req.body), { name: '陈明远', idNumber: '11010519491231002X' })
    svc.answer(json(200, { match: false }))
    assert.equal(await verifier().verify('陈明远', '11010519491231002X'), false)
  })

  for (const [what, answer] of [
    ['an error status', json(503, { error: 'busy' })],
    ['a malformed body', raw(200, '<html>gateway</html>')],
    ['an answer without a yes or no', json(200, { result: 'ok' })],
    ['no answer in time', hang],
  ] as const) {
    it(`${what} is "service unavailable" (502), never "does not match"`, async () => {
      svc.answer(answer)
      const e = await appError(verifier().verify('陈明远', '11010519491231002X'))
      assert.equal(e.status, 502)
      assert.equal(e.code, 'IDENTITY_UNAVAILABLE')
      assert.match(e.message, /实名核验服务暂时不可用/)
    })
  }
})

describe('SMS gateway', () => {
  const gateway = () => new HttpSmsProvider(`${svc.url}/sms`, 'sms-token', { timeoutMs: 1500 })

  it('posts the phone, the login template and the code', async () => {
    svc.answer(json(200, { ok: true }))
    await gateway().sendLoginCode('13800001234', '482913')
    const req = svc.received[0]
    assert.equal(req.headers.authorization, 'Bearer sms-token')
    assert.deepEqual(JSON.parse(req.body), { phone: '13800001234', template: 'login_code', params: { code: '482913' } })
  })

  for (const [what, answer] of [
    ['an error status', json(500, {})],
    ['no answer in time', hang],
  ] as const) {
    it(`${what} fails the send, and the error names neither the phone nor the code`, async () => {
      svc.answer(answer)
      await assert.rejects(gateway().sendLoginCode('13800001234', '482913'), (e: Error) => !/13800001234|482913/.test(`${e.message} ${e.stack}`))
    })
  }
})

describe('WeChat jscode2session', () => {
  const wechat = () => new WechatApiAuth('wx-appid', 'wx-secret', { baseUrl: svc.url, timeoutMs: 1500 })

  it('exchanges the code for the openid', async () => {
    svc.answer(json(200, { openid: 'o-123', session_key: 'k', unionid: 'u-9' }))
    assert.deepEqual(await wechat().code2Session('code-1'), { openid: 'o-123', unionid: 'u-9' })
    const url = new URL(svc.received[0].url, svc.url)
    assert.equal(url.pathname, '/sns/jscode2session')
    assert.equal(url.searchParams.get('appid'), 'wx-appid')
    assert.equal(url.searchParams.get('js_code'), 'code-1')
    assert.equal(url.searchParams.get('grant_type'), 'authorization_code')
  })

  it('the session key is never handed back', async () => {
    svc.answer(json(200, { openid: 'o-123', session_key: 'secret-session-key' }))
    assert.ok(!JSON.stringify(await wechat().code2Session('code-1')).includes('secret-session-key'))
  })

  for (const [what, answer, status, code] of [
    ['an invalid code (40029)', json(200, { errcode: 40029, errmsg: 'invalid code' }), 400, 'WECHAT_CODE_INVALID'],
    ['a used code (40163)', json(200, { errcode: 40163, errmsg: 'code been used' }), 400, 'WECHAT_CODE_INVALID'],
    ['too frequent (45011)', json(200, { errcode: 45011, errmsg: 'api minute-quota reach limit' }), 429, 'RATE_LIMITED'],
    ['system busy (-1)', json(200, { errcode: -1, errmsg: 'system error' }), 502, 'WECHAT_UNAVAILABLE'],
    ['a malformed body', raw(502, '<html>bad gateway</html>'), 502, 'WECHAT_UNAVAILABLE'],
    ['no answer in time', hang, 502, 'WECHAT_UNAVAILABLE'],
  ] as const) {
    it(`${what} → ${status} ${code} with a Chinese message`, async () => {
      svc.answer(answer)
      const e = await appError(wechat().code2Session('code-1'))
      assert.equal(e.status, status)
      assert.equal(e.code, code)
      assert.match(e.message, /[\u4e00-\u9fa5]/)
    })
  }
})
