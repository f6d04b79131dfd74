// /api/dishonesty-reports and /api/officer/dishonesty-reports answer in the shapes of
// src/contract/dishonesty-reports.ts (strict: a field the contract does not name fails — the
// reporter appears only in the handling officer's view), through a whole case: filed with evidence,
// listed, accepted, verified, concluded; refusals in the error shape.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { DishonestyReport, DishonestyReportPage, OfficerDishonestyReport, OfficerDishonestyReportPage } from '../../src/contract/dishonesty-reports'
import { bearer, loginAs, startTestApp, type TestApp } from '../testing/app'
import { uploadProof } from '../testing/cases'
import { answers, refuses } from './check'

let t: TestApp
const tokens: Record<string, string> = {}
before(async () => {
  t = await startTestApp()
  for (const p of ['citizen-new', 'staff-officer']) tokens[p] = (await loginAs(t.app, p)).accessToken
})
after(() => t.close())

const YUNQI = '91330106MA2H3K5Q7N'
const get = (p: string, url: string) => t.app.inject({ url, headers: bearer(tokens[p]) })
const post = (p: string, url: string, payload: object = {}, key?: string) =>
  t.app.inject({ method: 'POST', url, payload, headers: { ...bearer(tokens[p]), ...(key ? { 'idempotency-key': key } : {}) } })

describe('dishonesty report answers follow the contract', () => {
  it('a case from filing to conclusion, as the reporter and as the officer sees it', async () => {
    const proof = await uploadProof(t.app, tokens['citizen-new'])
    const filing = { uscc: YUNQI, category: 'false_advertising', description: '该公司在官网宣称产品获得国家级认证，经查询并无此认证，属于虚假宣传。', attachmentIds: [proof] }
    const first = await post('citizen-new', '/api/dishonesty-reports', filing, 'contract-report-1')
    const filed = answers(DishonestyReport, first, 201)
    assert.equal(filed.attachments.length, 1)
    const replay = await post('citizen-new', '/api/dishonesty-reports', filing, 'contract-report-1')
    assert.equal(replay.headers['idempotent-replayed'], 'true')
    assert.equal(replay.body, first.body)

    assert.deepEqual(answers(DishonestyReportPage, await get('citizen-new', '/api/dishonesty-reports')).items.map((r) => r.id), [filed.id])
    answers(DishonestyReport, await get('citizen-new', `/api/dishonesty-reports/${filed.id}`))

    const queue = answers(OfficerDishonestyReportPage, await get('staff-officer', '/api/officer/dishonesty-reports?status=已提交'))
    assert.equal(queue.items.find((r) => r.id === filed.id)?.reporter, null)
    const accepted = answers(OfficerDishonestyReport, await post('staff-officer', `/api/officer/dishonesty-reports/${filed.id}/accept`))
    assert.deepEqual([accepted.status, accepted.handledByMe, accepted.reporter?.kind], ['已受理', true, 'person'])
    answers(OfficerDishonestyReport, await post('staff-officer', `/api/officer/dishonesty-reports/${filed.id}/verify`, { note: '已调取官网页面存档' }))
    const concluded = answers(OfficerDishonestyReport, await post('staff-officer', `/api/officer/dishonesty-reports/${filed.id}/conclude`, { outcome: 'substantiated', reply: '经核查，举报属实，已依法处理。' }))
    assert.deepEqual([concluded.status, concluded.outcome], ['已办结', 'substantiated'])
    answers(OfficerDishonestyReport, await get('staff-officer', `/api/officer/dishonesty-reports/${filed.id}`))
    const mine = answers(DishonestyReport, await get('citizen-new', `/api/dishonesty-reports/${filed.id}`))
    assert.equal(mine.reply, '经核查，举报属实，已依法处理。')
  })

  it('bad input is refused in the contract\'s error shape', async () => {
    refuses(await get('citizen-new', `/api/dishonesty-reports?cursor=${'x'.repeat(301)}`), 400, 'VALIDATION_ERROR')
    refuses(await get('citizen-new', '/api/dishonesty-reports/no-such-report'), 404)
    refuses(await get('staff-officer', '/api/officer/dishonesty-reports?status=done'), 400, 'VALIDATION_ERROR')
    refuses(await get('citizen-new', '/api/officer/dishonesty-reports?status=done'), 403, 'FORBIDDEN')
    refuses(await post('staff-officer', '/api/officer/dishonesty-reports/no-such-report/accept'), 404)
    refuses(await post('staff-officer', '/api/officer/dishonesty-reports/no-such-report/conclude', { outcome: 'maybe', reply: '答复' }), 400, 'VALIDATION_ERROR')
    refuses(await post('citizen-new', '/api/dishonesty-reports', { uscc: '9133', category: 'false_advertising', description: '短' }), 400, 'VALIDATION_ERROR')
  })
})
