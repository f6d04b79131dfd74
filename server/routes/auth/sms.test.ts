import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'kysely'
import { SMS_MAX_WRONG_ATTEMPTS, SMS_PER_IP_PER_HOUR, SMS_PER_PHONE_PER_HOUR } from '../../../src/domain/policy'
import { startTestApp, type TestApp } from '../../testing/app'

let t: TestApp
before(async () => {
  t = await startTestApp()
})
after(() => t.close())

let ipCounter = 0
const freshIp = () => `10.9.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`
const send = (phone: unknown, ip = freshIp()) => t.app.inject({ method: 'POST', url: '/api/auth/sms/send', payload: { phone }, remoteAddress: ip })
const verify = (phone: string, code: string) => t.app.inject({ method: 'POST', url: '/api/auth/sms/verify', payload: { phone, code } })
/** Moves this phone's codes back in time, as if the resend interval had passed. */
const age = (phone: string, seconds: number) =>
  sql`update sms_codes set created_at = created_at - make_interval(secs => ${seconds}) where phone = ${phone}`.execute(t.ctx.db)

describe('SMS login', () => {
  it('sends a 6-digit code and logs in a new user with it, once', async () => {
    const res = await send('13900000001')
    assert.equal(res.statusCode, 200)
    const code = t.sms.last('13900000001')!
    assert.match(code, /^\d{6}$/)
    const ok = await verify('13900000001', code)
    assert.equal(ok.statusCode, 200)
    assert.equal(ok.json().user.phone, '139****0001')
    assert.equal(ok.json().user.realNameVerified, false)
    const again = await verify('13900000001', code)
    assert.equal(again.statusCode, 400, 'a code works once')
  })

  it('the same phone logs into the same account', async () => {
    await send('13900000002')
    const a = (await verify('13900000002', t.sms.last('13900000002')!)).json()
    await age('13900000002', 61)
    await send('13900000002')
    const b = (await verify('13900000002', t.sms.last('13900000002')!)).json()
    assert.equal(a.user.id, b.user.id)
  })

  it('a code expires after 5 minutes', async () => {
    await send('13900000003')
    await sql`update sms_codes set expires_at = now() - interval '1 second' where phone = ${'13900000003'}`.execute(t.ctx.db)
    const res = await verify('13900000003', t.sms.last('13900000003')!)
    assert.equal(res.statusCode, 400)
    assert.deepEqual(res.json().error, { code: 'SMS_CODE_EXPIRED', message: '验证码已过期，请重新获取' })
  })

  it('5 wrong tries burn the code, even the right one fails afterwards', async () => {
    await send('13900000004')
    const right = t.sms.last('13900000004')!
    const wrong = right === '000000' ? '111111' : '000000'
    for (let i = 1; i < SMS_MAX_WRONG_ATTEMPTS; i++) {
      const res = await verify('13900000004', wrong)
      assert.equal(res.json().error.message, `验证码不正确，还可尝试 ${SMS_MAX_WRONG_ATTEMPTS - i} 次`)
    }
    const last = await verify('13900000004', wrong)
    assert.equal(last.json().error.code, 'SMS_CODE_BURNT')
    const late = await verify('13900000004', right)
    assert.equal(late.statusCode, 400)
  })

  it('once the code is burnt, a new one can be asked for at once, and it works', async () => {
    await send('13900000014')
    const right = t.sms.last('13900000014')!
    const wrong = right === '000000' ? '111111' : '000000'
    for (let i = 0; i < SMS_MAX_WRONG_ATTEMPTS; i++) await verify('13900000014', wrong)
    const again = await send('13900000014')
    assert.equal(again.statusCode, 200, 'no resend wait for a burnt code')
    assert.equal((await verify('13900000014', t.sms.last('13900000014')!)).statusCode, 200)
  })

  it('after a burnt code, five simultaneous resends send exactly one code', async () => {
    await send('13900000015')
    const right = t.sms.last('13900000015')!
    const wrong = right === '000000' ? '111111' : '000000'
    for (let i = 0; i < SMS_MAX_WRONG_ATTEMPTS; i++) await verify('13900000015', wrong)
    const results = await Promise.all(Array.from({ length: 5 }, () => send('13900000015')))
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 429, 429, 429, 429])
  })

  it('a second send within 60 seconds is refused with Retry-After', async () => {
    assert.equal((await send('13900000005')).statusCode, 200)
    const res = await send('13900000005')
    assert.equal(res.statusCode, 429)
    assert.match(res.json().error.message, /^验证码已发送，请 \d+ 秒后再试$/)
    assert.ok(Number(res.headers['retry-after']) > 0)
  })

  it('a new code replaces the earlier one', async () => {
    await send('13900000006')
    const first = t.sms.last('13900000006')!
    await age('13900000006', 61)
    await send('13900000006')
    const second = t.sms.last('13900000006')!
    if (first !== second) assert.equal((await verify('13900000006', first)).statusCode, 400)
    assert.equal((await verify('13900000006', second)).statusCode, 200)
  })

  it(`a phone gets at most ${SMS_PER_PHONE_PER_HOUR} codes an hour`, async () => {
    for (let i = 0; i < SMS_PER_PHONE_PER_HOUR; i++) {
      assert.equal((await send('13900000007')).statusCode, 200)
      await age('13900000007', 61)
    }
    const res = await send('13900000007')
    assert.equal(res.statusCode, 429)
    assert.equal(res.json().error.message, '该手机号获取验证码过于频繁，请 1 小时后再试')
  })

  it(`one network address gets at most ${SMS_PER_IP_PER_HOUR} codes an hour`, async () => {
    const ip = '10.200.0.1'
    for (let i = 0; i < SMS_PER_IP_PER_HOUR; i++) {
      assert.equal((await send(`1370000${String(i).padStart(4, '0')}`, ip)).statusCode, 200)
    }
    const res = await send('13799999999', ip)
    assert.equal(res.statusCode, 429)
    assert.equal(res.json().error.message, '当前网络获取验证码过于频繁，请稍后再试')
  })

  it('rejects malformed phones and codes with Chinese messages', async () => {
    for (const [phone, message] of [
      [undefined, '请填写手机号'],
      ['12345', '请输入正确的 11 位手机号'],
      [13900000008, '手机号格式不正确'],
    ] as const) {
      const res = await send(phone)
      assert.equal(res.statusCode, 400)
      assert.equal(res.json().error.message, message)
    }
    const res = await verify('13900000008', '12ab')
    assert.equal(res.json().error.message, '请输入 6 位数字验证码')
  })

  it('when 200 wrong codes arrive at once, then exactly 5 are compared with the live code and the right one then fails', async () => {
    const phone = '13900000020'
    await send(phone)
    const right = t.sms.last(phone)!
    const wrongs = Array.from({ length: 200 }, (_, i) => String((Number(right) + 1 + i) % 1_000_000).padStart(6, '0'))
    const results = await Promise.all(wrongs.map((c) => verify(phone, c)))
    const codes = results.map((r) => r.json().error?.code)
    assert.equal(codes.filter((c) => c === 'SMS_CODE_WRONG').length, SMS_MAX_WRONG_ATTEMPTS - 1)
    assert.ok(results.every((r) => r.statusCode === 400))
    const row = await t.ctx.db.selectFrom('sms_codes').select(['wrong_attempts', 'consumed_at']).where('phone', '=', phone).executeTakeFirstOrThrow()
    assert.equal(row.wrong_attempts, SMS_MAX_WRONG_ATTEMPTS)
    assert.ok(row.consumed_at)
    assert.equal((await verify(phone, right)).json().error.code, 'SMS_CODE_BURNT')
  })

  it('when the right code is sent 20 times at once, then exactly one login succeeds', async () => {
    const phone = '13900000021'
    await send(phone)
    const results = await Promise.all(Array.from({ length: 20 }, () => verify(phone, t.sms.last(phone)!)))
    assert.equal(results.filter((r) => r.statusCode === 200).length, 1)
  })

  it(`when 45 sends from one address arrive at once, then exactly ${SMS_PER_IP_PER_HOUR} codes go out`, async () => {
    const ip = '10.201.0.1'
    const results = await Promise.all(Array.from({ length: 45 }, (_, i) => send(`1360001${String(i).padStart(4, '0')}`, ip)))
    assert.equal(results.filter((r) => r.statusCode === 200).length, SMS_PER_IP_PER_HOUR)
    assert.equal(results.filter((r) => r.statusCode === 429).length, 45 - SMS_PER_IP_PER_HOUR)
    const sent = await t.ctx.db.selectFrom('sms_codes').select((eb) => eb.fn.countAll<string>().as('n')).where('ip', '=', ip).executeTakeFirstOrThrow()
    assert.equal(Number(sent.n), SMS_PER_IP_PER_HOUR)
  })

  it('when one phone asks for a code 10 times at once, then one code is sent', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => send('13900000022')))
    assert.equal(results.filter((r) => r.statusCode === 200).length, 1)
  })
})
