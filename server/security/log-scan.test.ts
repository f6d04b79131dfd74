// The log scan finds what must never be logged, and not what merely looks like it (counters, times,
// masked values): the run-wide scan (scripts/test-api.js) is only as good as these detectors.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { personas } from '../../mock/personas'
import { signAccessToken } from '../auth/jwt'
import { scanLogLines } from './log-scan'

describe('log scan', () => {
  it('finds a full ID number, a mobile number, a JWT, a refresh token and an SMS code, each on its line', async () => {
    const jwt = await signAccessToken(new TextEncoder().encode('x'.repeat(32)), { userId: 'u', roles: ['citizen'] })
    const lines = [
      JSON.stringify({ level: 50, msg: 'duplicate key value violates unique constraint', detail: `Key (identifier)=(${personas[0].subject.identifier}) already exists.` }),
      JSON.stringify({ level: 30, msg: 'sms sent to 13800000012' }),
      JSON.stringify({ level: 30, req: { url: '/api/me', headers: { authorization: `Bearer ${jwt}` } } }),
      JSON.stringify({ level: 30, msg: 'refresh', value: 'Zq3xK9vB2mN8pL4rT6wY1cE5hJ7sD0aF3gU9iO2kQ8e' }),
      JSON.stringify({ level: 30, msg: '您的验证码：482913，5 分钟内有效' }),
      JSON.stringify({ level: 30, body: { code: '482913' } }),
    ]
    const found = scanLogLines(lines)
    assert.deepEqual(found.map((f) => [f.line, f.kind]), [
      [1, 'full ID number'], [2, 'mobile number'], [3, 'JWT'], [4, 'refresh token'], [5, 'SMS code'], [6, 'SMS code'],
    ])
    assert.match(found[0].excerpt, /⟦\d{17}[\dX]⟧/)
  })

  it('leaves alone masked values, times, uuids, hashes, report numbers and the sandbox SMS line', () => {
    const lines = [
      JSON.stringify({ level: 30, time: 1764507600123, pid: 4242, reqId: 'req-1f', msg: 'request completed', responseTime: 12.345678901234567 }),
      JSON.stringify({ level: 30, msg: '[沙箱短信] 138****0012 的登录验证码：482913（5 分钟内有效）', sandboxSms: { phone: '138****0012', code: '482913' } }),
      JSON.stringify({ level: 30, id: '4c2249b3-bbcb-4e7b-b85c-879b01dd990d', hash: 'a'.repeat(64), number: 'BG202611304P6AGZ2E', idNumber: '330106********0012' }),
      JSON.stringify({ level: 30, msg: 'counter 123456789012345678 rows' }),
    ]
    assert.deepEqual(scanLogLines(lines), [])
  })
})
