// 对举报人信息严格保密 (000 §17, 004 §10): a whole report's life — filed, accepted, verified, concluded,
// deadline reminders, the reported enterprise's agent reading everything it can, public lookups,
// another officer's queue — with every response body and the server log captured, then searched for
// the reporter's user id, subject id, name, ID number and phone. The handling officer alone sees
// the reporter, and only masked (周*, 138****0006).
import assert from 'node:assert/strict'
import { Writable } from 'node:stream'
import { after, before, describe, it } from 'node:test'
import type { FastifyInstance, InjectOptions } from 'fastify'
import { buildApp } from '../../app'
import { CREDIT_AUTHORITY } from '../../../mock/personas'
import { signAccessToken } from '../../auth/jwt'
import { remindDeadlines } from '../../deadlines/deadlines'
import { createLogger } from '../../http/log'
import { reportData } from '../../reports/data'
import { bearer, loginAs, startTestApp, type TestApp } from '../../testing/app'
import { multipartBody, samples } from '../../testing/multipart'

const YUNQI = '91330106MA2H3K5Q7N'
const REPORTER = { userId: 'user-citizen-new', subjectId: 'person-zhou', name: '周晓', phone: '13800000006' }
const log: string[] = []
const captured: { who: string; url: string; body: string }[] = []
let t: TestApp
let app: FastifyInstance
const tokens: Record<string, string> = {}
let idNumber = ''

before(async () => {
  t = await startTestApp()
  for (const p of ['citizen-new', 'agent-yunqi', 'staff-officer']) tokens[p] = (await loginAs(t.app, p)).accessToken
  // a second officer of the credit authority (reports go there) who did not accept the reports below
  await t.ctx.db.insertInto('users').values({ id: 'user-second-authority-officer', roles: ['citizen', 'officer'], org_name: CREDIT_AUTHORITY }).execute()
  tokens['other-officer'] = await signAccessToken(t.ctx.config.jwtSecret, { userId: 'user-second-authority-officer', roles: ['citizen', 'officer'] })
  idNumber = (await t.ctx.db.selectFrom('subjects').select('identifier').where('id', '=', REPORTER.subjectId).executeTakeFirstOrThrow()).identifier
  // the same service with its real logger writing into memory: what an operator's log would hold
  const memory = new Writable({ write(chunk, _e, done) { log.push(String(chunk)); done() } })
  app = await buildApp(t.ctx, { loggerInstance: createLogger('debug', memory) })
})
after(async () => {
  await app.close()
  await t.close()
})

async function call(who: string, opts: InjectOptions & { url: string }) {
  const headers = { ...(tokens[who] ? bearer(tokens[who]) : {}), ...(opts.headers as Record<string, string> | undefined) }
  const res = await app.inject({ ...opts, headers })
  captured.push({ who, url: opts.url, body: res.body })
  return res
}
const get = (who: string, url: string, headers: Record<string, string> = {}) => call(who, { url, headers })
const post = (who: string, url: string, payload: unknown = {}) => call(who, { method: 'POST', url, payload: payload as object })
const asYunqi = { 'x-subject': YUNQI }

describe('reporter confidentiality', () => {
  it('nobody but the handling officer sees the reporter, and that officer only masked; nothing in the log', async () => {
    // the reporter files with evidence
    const form = multipartBody([{ field: 'file', filename: 'evidence.pdf', type: 'application/pdf', data: Buffer.concat([samples.pdf, Buffer.from('x')]) }])
    const up = await call('citizen-new', { method: 'POST', url: '/api/uploads', payload: form.payload, headers: form.headers })
    assert.equal(up.statusCode, 201, up.body)
    const filed = await post('citizen-new', '/api/dishonesty-reports', { uscc: YUNQI, category: 'wage_arrears', description: '该公司拖欠我所在施工班组三个月工资共计八万余元，多次催要未果。', attachmentIds: [up.json().id] })
    assert.equal(filed.statusCode, 201, filed.body)
    const id = filed.json().id
    await get('citizen-new', `/api/dishonesty-reports/${id}`)
    // officers look at the queue; one accepts; the other looks again
    await get('other-officer', '/api/officer/dishonesty-reports')
    await get('staff-officer', `/api/officer/dishonesty-reports/${id}`)
    const accepted = await post('staff-officer', `/api/officer/dishonesty-reports/${id}/accept`)
    assert.deepEqual(accepted.json().reporter, { kind: 'person', name: '周*', phone: '138****0006' })
    const other = await get('other-officer', `/api/officer/dishonesty-reports/${id}`)
    assert.equal(other.json().reporter, null)
    await get('other-officer', '/api/officer/dishonesty-reports?status=已受理')
    assert.equal((await post('other-officer', `/api/officer/dishonesty-reports/${id}/verify`)).statusCode, 409)
    assert.equal((await get('other-officer', `/api/uploads/${up.json().id}`)).statusCode, 404)
    assert.equal((await get('staff-officer', `/api/uploads/${up.json().id}`)).statusCode, 200)
    await post('staff-officer', `/api/officer/dishonesty-reports/${id}/verify`, { note: '已调取工资发放记录' })
    // deadline reminders (to the handling officer) far in the future: reminded, then overdue
    await remindDeadlines(t.ctx.db, t.ctx.config.messageTemplates, '2099-01-01')
    await get('staff-officer', '/api/messages')
    await post('staff-officer', `/api/officer/dishonesty-reports/${id}/conclude`, { outcome: 'substantiated', reply: '经核查举报属实，已移送劳动保障监察部门立案处理。' })
    await get('citizen-new', `/api/dishonesty-reports/${id}`)
    await get('citizen-new', '/api/messages')
    // the reported enterprise's agent reads all it can
    for (const url of ['/api/credit/overview', '/api/credit/records', '/api/credit/score-history', '/api/messages', '/api/me/access-log', '/api/commitments', '/api/dishonesty-reports', `/api/dishonesty-reports/${id}`, '/api/reports']) {
      await get('agent-yunqi', url, asYunqi)
    }
    for (const url of ['/api/me', '/api/me/export', '/api/messages']) await get('agent-yunqi', url)
    // anyone, no login
    for (const q of [YUNQI, '云栖']) {
      await get('nobody', `/api/public/lists?list=black&q=${encodeURIComponent(q)}`)
      await get('nobody', `/api/public/lists?list=red&q=${encodeURIComponent(q)}`)
      await get('nobody', `/api/public/commitments?q=${encodeURIComponent(q)}`)
    }
    const report = JSON.stringify(await reportData(t.ctx.db, 'ent-yunqi', { kind: 'full' }))

    const secrets = [REPORTER.userId, REPORTER.subjectId, REPORTER.name, REPORTER.phone, idNumber]
    assert.ok(captured.length >= 30, `${captured.length} responses`)
    for (const c of captured) for (const s of secrets) assert.ok(!c.body.includes(s), `${s} in ${c.who} ${c.url}`)
    const logText = log.join('')
    assert.ok(logText.includes('/api/officer/dishonesty-reports'), 'the log was captured')
    for (const s of secrets) assert.ok(!logText.includes(s), `${s} in the log`)
    for (const s of secrets) assert.ok(!report.includes(s), `${s} in the enterprise's credit report`)
    // the masked phone is in the handling officer's answers and nowhere else
    const masked = captured.filter((c) => c.body.includes('138****0006'))
    assert.ok(masked.length >= 2)
    assert.ok(masked.every((c) => c.who === 'staff-officer' && c.url.startsWith('/api/officer/dishonesty-reports')), masked.map((c) => `${c.who} ${c.url}`).join())
    // the enterprise was told nothing
    const toYunqi = await t.ctx.db.selectFrom('messages').select('kind').where('subject_id', '=', 'ent-yunqi').where('kind', 'like', 'dishonesty%').execute()
    assert.deepEqual(toYunqi, [])
  })
})
