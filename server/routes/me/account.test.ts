import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { chinaDate } from '../../../src/domain/dates'
import { bearer, loginAs, startTestApp, type TestApp } from '../../testing/app'

let t: TestApp
before(async () => {
  t = await startTestApp()
  t.ctx.now = () => new Date(`${chinaDate()}T10:00:00+08:00`)
})
after(() => t.close())

const post = (token: string, url: string, payload: unknown = {}) => t.app.inject({ method: 'POST', url, payload: payload as object, headers: bearer(token) })
const get = (token: string, url: string) => t.app.inject({ url, headers: bearer(token) })

describe('个人信息副本 (PIPL Art. 45)', () => {
  it('when the user downloads their data, then it is theirs, masked, as a JSON attachment', async () => {
    const { accessToken } = await loginAs(t.app, 'citizen-red')
    await post(accessToken, '/api/incentives/travel-lingyin/claims', { visitDate: chinaDate(), benefit: 'ticket_discount' })
    const res = await get(accessToken, '/api/me/export')
    assert.equal(res.statusCode, 200)
    assert.match(String(res.headers['content-disposition']), /attachment; filename="creditpass-personal-data\.json"/)
    const data = res.json()
    assert.equal(data.account.realName.name, '陈明远')
    assert.match(data.account.realName.idNumber, /^330106\*{8}\d{3}[\dX]$/)
    assert.match(data.account.phone, /^138\*{4}\d{4}$/)
    assert.ok(data.creditRecords.length > 0 && data.vouchers.some((v: { spot: string }) => v.spot === '灵隐景区'))
    assert.ok(!res.body.includes('13800000001') && !res.body.includes('330106198503120'), 'no full phone or ID number')
  })
})

describe('注销账号 (PIPL Art. 47)', () => {
  it('when the user confirms, then logins, bindings, authorisations and unused vouchers go; public records stay with the department', async () => {
    const { accessToken, refreshToken } = await loginAs(t.app, 'citizen-new')
    const claimed = await post(accessToken, '/api/incentives/travel-xixi/claims', { visitDate: chinaDate(), benefit: 'free_shuttle' })
    assert.equal(claimed.statusCode, 201)
    const subject = (await t.ctx.db.selectFrom('users').select('subject_id').where('id', '=', 'user-citizen-new').executeTakeFirstOrThrow()).subject_id!

    const unconfirmed = await post(accessToken, '/api/me/deletion', {})
    assert.deepEqual([unconfirmed.statusCode, unconfirmed.json().error.message], [400, '请输入“注销”确认注销账号'])

    const res = await post(accessToken, '/api/me/deletion', { confirm: '注销' })
    assert.equal(res.statusCode, 200, res.body)
    assert.equal(res.json().removed.vouchers, 1)
    const user = await t.ctx.db.selectFrom('users').selectAll().where('id', '=', 'user-citizen-new').executeTakeFirstOrThrow()
    assert.deepEqual([user.phone, user.wechat_openid, user.subject_id, user.roles.length, user.deleted_at !== null], [null, null, null, 0, true])
    assert.equal((await t.ctx.db.selectFrom('vouchers').select('id').where('subject_id', '=', subject).execute()).length, 0)
    assert.equal((await t.ctx.db.selectFrom('refresh_tokens').select('id').where('user_id', '=', 'user-citizen-new').execute()).length, 0)
    // The subject (a public credit subject) stays with the departments.
    assert.ok(await t.ctx.db.selectFrom('subjects').select('id').where('id', '=', subject).executeTakeFirst())

    const refresh = await t.app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken } })
    assert.equal(refresh.statusCode, 401, 'the session is gone')
    assert.equal((await post(accessToken, '/api/me/deletion', { confirm: '注销' })).json().error.code, 'ACCOUNT_DELETED')
  })

  it('when the phone logs in again, then it is a new, empty account', async () => {
    await t.app.inject({ method: 'POST', url: '/api/auth/sms/send', payload: { phone: '13800000006' } })
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/sms/verify', payload: { phone: '13800000006', code: t.sms.last('13800000006') } })
    assert.equal(login.statusCode, 200, login.body)
    const me = (await get(login.json().accessToken, '/api/me')).json()
    assert.deepEqual([me.id === 'user-citizen-new', me.realNameVerified], [false, false])
  })

  it('when the account is deleted, then every access token issued before stops at once (401), on every route', async () => {
    const phone = await loginAs(t.app, 'citizen-repairable')
    const otherDevice = await loginAs(t.app, 'citizen-repairable')
    // Both sessions work, and this instance has cached the account's own subject.
    for (const s of [phone, otherDevice]) assert.equal((await get(s.accessToken, '/api/reports')).statusCode, 200)
    assert.equal((await post(phone.accessToken, '/api/me/deletion', { confirm: '注销' })).statusCode, 200)
    for (const s of [phone, otherDevice]) {
      for (const url of ['/api/me', '/api/reports']) {
        const res = await get(s.accessToken, url)
        assert.deepEqual([res.statusCode, res.json().error], [401, { code: 'ACCOUNT_DELETED', message: '该账号已注销' }], url)
      }
    }
  })

  it('5 simultaneous deletions of one account: one succeeds, the others say it is already deleted', async () => {
    const { accessToken } = await loginAs(t.app, 'citizen-objection')
    const results = await Promise.all(Array.from({ length: 5 }, () => post(accessToken, '/api/me/deletion', { confirm: '注销' })))
    assert.equal(results.filter((r) => r.statusCode === 200).length, 1)
    assert.ok(results.filter((r) => r.statusCode !== 200).every((r) => r.json().error.code === 'ACCOUNT_DELETED'))
  })
})
