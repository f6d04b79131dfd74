import assert from 'node:assert/strict'
import { Writable } from 'node:stream'
import { after, before, describe, it } from 'node:test'
import Fastify from 'fastify'
import pino from 'pino'
import { buildApp } from '../app'
import { loggable, registerErrorHandling } from '../http/errors'
import { bearer, startTestApp, type TestApp } from '../testing/app'

let t: TestApp
let app: Awaited<ReturnType<typeof buildApp>>
const logLines: string[] = []
const logStream = new Writable({
  write(chunk, _enc, done) {
    logLines.push(String(chunk))
    done()
  },
})

before(async () => {
  t = await startTestApp()
  // The same service, logging at debug level into memory, to read what it would write.
  app = await buildApp(t.ctx, { loggerInstance: pino({ level: 'debug' }, logStream) })
  await app.ready()
})
after(async () => {
  await app.close()
  await t.close()
})

/** A valid resident ID number (GB 11643 check character) for a birth date and sequence. */
function idNumber(birth: string, seq: number): string {
  const body = `330106${birth}${String(seq).padStart(3, '0')}`
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i], 0)
  return body + '10X98765432'[sum % 11]
}

let phoneSeq = 0
async function newAccount() {
  const phone = `1350000${String(++phoneSeq).padStart(4, '0')}`
  await app.inject({ method: 'POST', url: '/api/auth/sms/send', payload: { phone }, remoteAddress: `10.50.0.${phoneSeq}` })
  const res = await app.inject({ method: 'POST', url: '/api/auth/sms/verify', payload: { phone, code: t.sms.last(phone) } })
  return (res.json() as { accessToken: string }).accessToken
}
const bind = (token: string, name: string, id: string) => app.inject({ method: 'POST', url: '/api/me/real-name', payload: { name, idNumber: id }, headers: bearer(token) })

describe('real-name binding under concurrency', () => {
  it('when 10 new accounts bind one ID number at once, then one succeeds, 9 get a Chinese 409, and the number is never logged', async () => {
    const id = idNumber('19880808', 123)
    const tokens = await Promise.all(Array.from({ length: 10 }, () => newAccount()))
    const results = await Promise.all(tokens.map((tk) => bind(tk, '冯一', id)))
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, ...Array(9).fill(409)], results.map((r) => r.body).join('\n'))
    for (const r of results.filter((x) => x.statusCode === 409)) {
      assert.equal(r.json().error.code, 'ID_NUMBER_BOUND')
      assert.match(r.json().error.message, /已绑定其他账号/)
    }
    const bound = await t.ctx.db.selectFrom('users as u').innerJoin('subjects as s', 's.id', 'u.subject_id').select('u.id').where('s.identifier', '=', id).execute()
    assert.equal(bound.length, 1)
    assert.ok(logLines.length > 0, 'the service did log')
    assert.deepEqual(logLines.filter((l) => l.includes(id) || l.includes(id.slice(6, 14) + id.slice(14))), [])
  })

  it('when one account sends two different ID numbers at once, then at most one is bound', async () => {
    for (let round = 0; round < 5; round++) {
      const token = await newAccount()
      const [a, b] = await Promise.all([bind(token, '褚二', idNumber('19900101', 200 + round)), bind(token, '褚二', idNumber('19900102', 300 + round))])
      assert.equal([a, b].filter((r) => r.statusCode === 200).length, 1, `${a.body} ${b.body}`)
      const loser = a.statusCode === 200 ? b : a
      assert.equal(loser.statusCode, 409)
      assert.equal(loser.json().error.code, 'ALREADY_VERIFIED')
      const me = (await app.inject({ url: '/api/me', headers: bearer(token) })).json()
      assert.equal(me.realNameVerified, true)
    }
  })

  it('when any database unique violation reaches the error handler, then it is a Chinese 409 and its detail is not logged', async () => {
    const lines: string[] = []
    const probe = Fastify({ loggerInstance: pino({ level: 'debug' }, new Writable({ write: (c, _e, d) => (lines.push(String(c)), d()) })) })
    registerErrorHandling(probe as never)
    probe.get('/dup', async () => {
      await t.ctx.db.insertInto('subjects').values({ id: 'dup-probe-0', kind: 'person', name: '重复', identifier: '11010519491231002X' }).onConflict((oc) => oc.doNothing()).execute()
      await t.ctx.db.insertInto('subjects').values({ id: 'dup-probe', kind: 'person', name: '重复', identifier: '11010519491231002X' }).execute()
      return {}
    })
    const res = await probe.inject('/dup')
    await probe.close()
    assert.equal(res.statusCode, 409)
    assert.equal(res.json().error.code, 'CONFLICT')
    assert.ok(!lines.join('').includes('11010519491231002X'))
    const err = Object.assign(new Error('invalid input syntax for type date: "11010519491231002X"'), { code: '22007', severity: 'ERROR', detail: 'x' })
    assert.ok(!JSON.stringify(loggable(err)).includes('11010519491231002X'))
  })
})
