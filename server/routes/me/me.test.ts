import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { requestHash } from '../../http/idempotency'
import { bearer, loginAs, startTestApp, type TestApp } from '../../testing/app'

let t: TestApp
before(async () => {
  t = await startTestApp()
})
after(() => t.close())

async function newSmsUser(phone: string) {
  await t.app.inject({ method: 'POST', url: '/api/auth/sms/send', payload: { phone } })
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/sms/verify', payload: { phone, code: t.sms.last(phone) } })
  return res.json() as { accessToken: string }
}

const realName = (token: string, payload: unknown, key?: string) =>
  t.app.inject({
    method: 'POST', url: '/api/me/real-name', payload: payload as object,
    headers: { ...bearer(token), ...(key ? { 'idempotency-key': key } : {}) },
  })

describe('real-name binding', () => {
  it('rejects an ID number with a wrong check digit with a Chinese message', async () => {
    const { accessToken } = await newSmsUser('13600000001')
    const res = await realName(accessToken, { name: '张三', idNumber: '110105194912310021' })
    assert.equal(res.statusCode, 400)
    assert.deepEqual(res.json().error, { code: 'INVALID_ID_NUMBER', message: '身份证号码校验位不正确，请核对后重新输入' })
  })

  it('rejects an impossible birth date, a missing ID and a non-Chinese name', async () => {
    const { accessToken } = await newSmsUser('13600000002')
    const cases: [unknown, string][] = [
      [{ name: '张三', idNumber: '110105194902300027' }, '身份证号码中的出生日期不正确'],
      [{ name: '张三' }, '请填写身份证号码'],
      [{ name: 'Zhang San', idNumber: '11010519491231002X' }, '请填写身份证上的中文姓名（2–20 个汉字）'],
      [{ idNumber: '11010519491231002X' }, '请填写姓名'],
    ]
    for (const [payload, message] of cases) {
      const res = await realName(accessToken, payload)
      assert.equal(res.statusCode, 400)
      assert.equal(res.json().error.message, message)
    }
  })

  it('binds a valid name and ID number and shows them masked', async () => {
    const { accessToken } = await newSmsUser('13600000003')
    const res = await realName(accessToken, { name: '张三', idNumber: '11010519491231002x' })
    assert.equal(res.statusCode, 200)
    const p = res.json()
    assert.deepEqual([p.name, p.idNumber, p.realNameVerified], ['张*', '110105********002X', true])
    assert.ok(!res.body.includes('11010519491231002X'))
  })

  it('refuses an ID number already bound to another account', async () => {
    const { accessToken } = await newSmsUser('13600000004')
    const res = await realName(accessToken, { name: '张三', idNumber: '11010519491231002X' })
    assert.equal(res.statusCode, 409)
    assert.equal(res.json().error.code, 'ID_NUMBER_BOUND')
  })

  it('refuses a name that does not match the person on record for that ID number', async () => {
    const { accessToken } = await newSmsUser('13600000005')
    const res = await realName(accessToken, { name: '李四', idNumber: '33010619850312001X' })
    assert.equal(res.statusCode, 400)
    assert.equal(res.json().error.code, 'IDENTITY_MISMATCH')
  })

  it('a verified account cannot switch to another identity', async () => {
    const { accessToken } = await loginAs(t.app, 'citizen-new')
    const res = await realName(accessToken, { name: '王五', idNumber: '440304199001010011' })
    assert.equal(res.statusCode, 409)
    assert.equal(res.json().error.code, 'ALREADY_VERIFIED')
  })
})

describe('Idempotency-Key', () => {
  it('the same key and body replays the first answer', async () => {
    const { accessToken } = await newSmsUser('13600000010')
    const body = { name: '钱七', idNumber: '440304199001010011' }
    const first = await realName(accessToken, body, 'real-name-key-1')
    const second = await realName(accessToken, body, 'real-name-key-1')
    assert.equal(first.statusCode, 200)
    assert.equal(second.statusCode, 200)
    assert.equal(second.body, first.body)
    assert.equal(second.headers['idempotent-replayed'], 'true')
  })

  it('the same key with another body is 422', async () => {
    const { accessToken } = await newSmsUser('13600000011')
    await realName(accessToken, { name: '孙八', idNumber: '11010519491231002X' }, 'real-name-key-2')
    const res = await realName(accessToken, { name: '孙八', idNumber: '440304199001010011' }, 'real-name-key-2')
    assert.equal(res.statusCode, 422)
    assert.equal(res.json().error.code, 'IDEMPOTENCY_KEY_REUSED')
  })

  it('a key still in flight is 409', async () => {
    const { accessToken } = await newSmsUser('13600000012')
    const me = (await t.app.inject({ url: '/api/me', headers: bearer(accessToken) })).json()
    const body = { name: '周九', idNumber: '11010519491231002X' }
    // The first request is still running (another instance holds the key).
    const hash = requestHash('POST', '/api/me/real-name', body)
    await t.ctx.db.insertInto('idempotency_keys').values({ scope: `${me.id}|`, key: 'real-name-key-3', request_hash: hash, state: 'in_flight', created_at: new Date() }).execute()
    const res = await realName(accessToken, body, 'real-name-key-3')
    assert.equal(res.statusCode, 409)
    assert.equal(res.json().error.code, 'IDEMPOTENCY_IN_FLIGHT')
  })

  it('keys are per caller: another user with the same key is not replayed', async () => {
    const a = await newSmsUser('13600000013')
    const b = await newSmsUser('13600000014')
    await realName(a.accessToken, { name: 'Bad' }, 'shared-key-123')
    const res = await realName(b.accessToken, { name: 'Bad' }, 'shared-key-123')
    assert.equal(res.headers['idempotent-replayed'], undefined)
  })

  it('a malformed key is 400', async () => {
    const { accessToken } = await newSmsUser('13600000015')
    const res = await realName(accessToken, { name: '张三' }, 'short')
    assert.equal(res.statusCode, 400)
    assert.equal(res.json().error.code, 'INVALID_IDEMPOTENCY_KEY')
  })

  it('a replay survives a server restart', async () => {
    const { accessToken } = await newSmsUser('13600000016')
    const body = { name: '吴十', idNumber: '110101200001010010' }
    const first = await realName(accessToken, body, 'restart-key-1')
    assert.equal(first.statusCode, 200, first.body)
    t = await t.restart()
    const again = await realName(accessToken, body, 'restart-key-1')
    assert.equal(again.statusCode, 200)
    assert.equal(again.headers['idempotent-replayed'], 'true')
    assert.equal(again.body, first.body)
  })
})
