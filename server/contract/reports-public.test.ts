// /api/reports, /api/public/reports, /api/public/lists and /api/health answer in the shapes of
// src/contract/{reports,public,auth}.ts (strict: a field the contract does not name fails);
// refusals in the error shape.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { Health } from '../../src/contract/auth'
import { ListHitPage } from '../../src/contract/public'
import { FileVerdict, PublicReportSummary, Report, ReportPage, ReportRequested } from '../../src/contract/reports'
import { settleReportGeneration } from '../reports/runner'
import { bearer, loginAs, startTestApp, type TestApp } from '../testing/app'
import { answers, refuses } from './check'

let t: TestApp
let token = ''
before(async () => {
  t = await startTestApp()
  token = (await loginAs(t.app, 'citizen-repairable')).accessToken
})
after(() => t.close())

const get = (url: string, auth = true) => t.app.inject({ url, headers: auth ? bearer(token) : {} })

describe('report answers follow the contract', () => {
  it('request (202), list, status, the public summary and the file check', async () => {
    const requested = answers(ReportRequested, await t.app.inject({ method: 'POST', url: '/api/reports', payload: { kind: 'full' }, headers: { ...bearer(token), 'idempotency-key': 'contract-report-1' } }), 202)
    answers(Report, await get(`/api/reports/${requested.id}`))
    await settleReportGeneration()
    const ready = answers(Report, await get(`/api/reports/${requested.id}`))
    assert.equal(ready.status, 'ready')
    answers(ReportPage, await get('/api/reports'))
    const summary = answers(PublicReportSummary, await get(`/api/public/reports/${ready.number}?code=${ready.verificationCode}`, false))
    assert.equal(summary.sha256, ready.sha256)
    const pdf = (await get(`/api/reports/${ready.id}/file`)).rawPayload
    const check = (body: Buffer, number = '') => t.app.inject({ method: 'POST', url: `/api/public/reports/verify${number}`, payload: body, headers: { 'content-type': 'application/pdf' } })
    assert.equal(answers(FileVerdict, await check(pdf)).number, ready.number)
    const altered = Buffer.concat([pdf, Buffer.from('\n%')])
    assert.equal(answers(FileVerdict, await check(altered, `?number=${ready.number}`)).genuine, false)
  })

  it('bad input is refused in the contract\'s error shape', async () => {
    refuses(await t.app.inject({ method: 'POST', url: '/api/reports', payload: { kind: 'monthly' }, headers: bearer(token) }), 400, 'VALIDATION_ERROR')
    refuses(await get('/api/reports?cursor=' + 'x'.repeat(301)), 400, 'VALIDATION_ERROR')
    refuses(await get('/api/reports/not-a-uuid'), 404)
    refuses(await get('/api/reports/00000000-0000-4000-8000-000000000000'), 404)
    refuses(await get('/api/public/reports/BG2026113000000000?code=12', false), 400, 'VALIDATION_ERROR')
    refuses(await get('/api/public/reports/nonsense?code=ABC234', false), 404, 'REPORT_NOT_FOUND')
    refuses(await t.app.inject({ method: 'POST', url: `/api/public/reports/verify?number=${'B'.repeat(41)}`, payload: Buffer.from('%PDF-1.7'), headers: { 'content-type': 'application/pdf' } }), 400, 'VALIDATION_ERROR')
  })
})

describe('public list and health answers follow the contract', () => {
  it('the red and black lists, by name and by USCC; bad queries refused', async () => {
    for (const list of ['red', 'black']) {
      const page = answers(ListHitPage, await get(`/api/public/lists?list=${list}`, false))
      assert.ok(page.items.length > 0, list)
    }
    answers(ListHitPage, await get(`/api/public/lists?list=black&q=${encodeURIComponent('有限公司')}`, false))
    refuses(await get('/api/public/lists?list=grey', false), 400, 'VALIDATION_ERROR')
    refuses(await get('/api/public/lists?list=red&q=91330106MA2XXXXXX1', false), 400, 'INVALID_USCC')
    refuses(await get('/api/public/receipts/nope', false), 404, 'RECEIPT_NOT_FOUND')
  })

  it('health', async () => {
    const h = answers(Health, await get('/api/health', false))
    assert.equal(h.status, 'ok')
  })
})
