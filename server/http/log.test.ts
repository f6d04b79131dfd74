import assert from 'node:assert/strict'
import { Writable } from 'node:stream'
import { after, before, describe, it } from 'node:test'
import { SandboxSmsProvider } from '../adapters/sms'
import { buildApp } from '../app'
import { startTestApp, type TestApp } from '../testing/app'
import { createLogger } from './log'

const lines: string[] = []
const memory = new Writable({
  write(chunk, _enc, done) {
    lines.push(String(chunk))
    done()
  },
})
let t: TestApp
before(async () => {
  t = await startTestApp()
})
after(() => t.close())

describe('what the log holds', () => {
  it('request URLs are logged without their query strings', async () => {
    const app = await buildApp(t.ctx, { loggerInstance: createLogger('info', memory) })
    try {
      const res = await app.inject({ url: '/api/public/commitments?q=13800000001&note=secret-cursor' })
      assert.equal(res.statusCode, 200)
    } finally {
      await app.close()
    }
    const text = lines.join('')
    assert.match(text, /"url":"\/api\/public\/commitments"/)
    assert.match(text, /"statusCode":200/)
    assert.ok(!text.includes('13800000001') && !text.includes('secret-cursor'), text)
  })

  it('a path is logged as its route, never with what the client put in its segments; an unknown path with its digits cut', async () => {
    lines.length = 0
    const app = await buildApp(t.ctx, { loggerInstance: createLogger('info', memory) })
    try {
      await app.inject({ url: '/api/public/receipts/11010519491231002X' })
      await app.inject({ url: '/api/nothing-here/13800000001/x' })
    } finally {
      await app.close()
    }
    const text = lines.join('')
    assert.match(text, /"url":"\/api\/public\/receipts\/:no"/)
    assert.match(text, /"url":"\/api\/nothing-here\/…\/x"/)
    assert.ok(!text.includes('11010519491231002X') && !text.includes('13800000001'), text)
  })

  it('the sandbox SMS line shows the masked phone and the code a tester needs, never the full phone', async () => {
    lines.length = 0
    await new SandboxSmsProvider(createLogger('info', memory)).sendLoginCode('13800000012', '482913')
    const text = lines.join('')
    assert.match(text, /\[沙箱短信\] 138\*\*\*\*0012 的登录验证码：482913/)
    assert.ok(!text.includes('13800000012'), text)
  })
})
