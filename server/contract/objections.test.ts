// /api/objections and /api/officer/objections answer in the shapes of src/contract/objections.ts
// (strict: a field the contract does not name fails), through a whole case: filed with evidence,
// listed, accepted, transferred, decided with a correction; refusals in the error shape.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { Objection, ObjectionPage, OfficerObjection, OfficerObjectionPage } from '../../src/contract/objections'
import { bearer, loginAs, startTestApp, type TestApp } from '../testing/app'
import { multipartBody, samples } from '../testing/multipart'
import { answers, refuses } from './check'

let t: TestApp
const tokens: Record<string, string> = {}
before(async () => {
  t = await startTestApp()
  for (const p of ['citizen-objection', 'staff-officer', 'staff-officer-housing']) tokens[p] = (await loginAs(t.app, p)).accessToken
})
after(() => t.close())

const RECORD = 'rec-zhao-rent-arrears'
const HOUSING = '杭州市住房保障和房产管理局'
const get = (p: string, url: string) => t.app.inject({ url, headers: bearer(tokens[p]) })
const post = (p: string, url: string, payload: object = {}, key?: string) =>
  t.app.inject({ method: 'POST', url, payload, headers: { ...bearer(tokens[p]), ...(key ? { 'idempotency-key': key } : {}) } })

describe('objection answers follow the contract', () => {
  it('a case from filing to a correction, as the subject and as the officer sees it', async () => {
    const body = multipartBody([{ field: 'file', filename: 'proof.pdf', type: 'application/pdf', data: samples.pdf }])
    const up = await t.app.inject({ method: 'POST', url: '/api/uploads', payload: body.payload, headers: { ...bearer(tokens['citizen-objection']), ...body.headers } })
    const filing = { recordId: RECORD, reason: 'not_me', description: '该记录的当事人不是本人，身份证号不符。', attachmentIds: [up.json().id] }
    const filed = answers(Objection, await post('citizen-objection', '/api/objections', filing, 'contract-objection-1'), 201)
    assert.equal(filed.attachments.length, 1)
    // The replay of a unit of work is the stored answer, byte for byte.
    const first = await post('citizen-objection', '/api/objections', filing, 'contract-objection-1')
    const replay = await post('citizen-objection', '/api/objections', filing, 'contract-objection-1')
    assert.equal(replay.headers['idempotent-replayed'], 'true')
    assert.equal(replay.body, first.body)

    const mine = answers(ObjectionPage, await get('citizen-objection', '/api/objections'))
    assert.deepEqual(mine.items.map((o) => o.id), [filed.id])
    answers(Objection, await get('citizen-objection', `/api/objections/${filed.id}`))

    const queue = answers(OfficerObjectionPage, await get('staff-officer', '/api/officer/objections?status=已提交'))
    assert.ok(queue.items.some((o) => o.id === filed.id))
    answers(OfficerObjection, await get('staff-officer', `/api/officer/objections/${filed.id}`))
    answers(Objection, await post('staff-officer', `/api/officer/objections/${filed.id}/accept`))
    const transferred = answers(Objection, await post('staff-officer', `/api/officer/objections/${filed.id}/transfer`, { department: HOUSING, note: '请核对当事人身份' }))
    assert.equal(transferred.steps.find((s) => s.status === '已转办')?.department, HOUSING)
    // once transferred, the department it went to decides
    const decided = answers(Objection, await post('staff-officer-housing', `/api/officer/objections/${filed.id}/decision`, { outcome: 'correct', reasons: '当事人信息有误', correction: { title: '更正后的标题', severity: '轻微' } }))
    assert.deepEqual([decided.status, decided.outcome, decided.correction?.after.title], ['已办结', 'correct', '更正后的标题'])
    const seen = answers(OfficerObjection, await get('staff-officer', `/api/officer/objections/${filed.id}`))
    assert.equal(seen.record.title, '更正后的标题')
  })

  it('bad input is refused in the contract\'s error shape', async () => {
    refuses(await get('citizen-objection', `/api/objections?cursor=${'x'.repeat(301)}`), 400, 'VALIDATION_ERROR')
    refuses(await get('citizen-objection', `/api/objections/${'x'.repeat(101)}`), 414)
    refuses(await get('citizen-objection', '/api/objections/no-such-objection'), 404)
    refuses(await get('staff-officer', '/api/officer/objections?status=done'), 400, 'VALIDATION_ERROR')
    refuses(await get('citizen-objection', '/api/officer/objections?status=done'), 403, 'FORBIDDEN')
    refuses(await post('staff-officer', '/api/officer/objections/no-such-objection/accept'), 404)
    refuses(await post('staff-officer', '/api/officer/objections/no-such-objection/decision', { outcome: 'correct', reasons: '理由' }), 400, 'VALIDATION_ERROR')
    refuses(await post('citizen-objection', '/api/objections', { recordId: RECORD, reason: 'wrong_info', description: '短' }), 400, 'VALIDATION_ERROR')
  })
})
