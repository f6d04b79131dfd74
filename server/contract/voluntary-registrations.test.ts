// /api/voluntary-registrations and its officer routes answer in the shapes of
// src/contract/voluntary-registrations.ts (strict: a field the contract does not name fails),
// through whole cases: filed with evidence and a signed truth commitment, listed, viewed, verified
// (a positive record follows) or rejected; refusals in the error shape.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { OfficerRegistration, OfficerRegistrationPage, VoluntaryRegistration, VoluntaryRegistrationPage } from '../../src/contract/voluntary-registrations'
import { bearer, loginAs, startTestApp, type TestApp } from '../testing/app'
import { signCommitment, uploadProof } from '../testing/cases'
import { answers, refuses } from './check'

let t: TestApp
const tokens: Record<string, string> = {}
before(async () => {
  t = await startTestApp()
  for (const p of ['citizen-new', 'staff-officer']) tokens[p] = (await loginAs(t.app, p)).accessToken
})
after(() => t.close())

const get = (p: string, url: string) => t.app.inject({ url, headers: bearer(tokens[p]) })
const post = (p: string, url: string, payload: object = {}, key?: string) =>
  t.app.inject({ method: 'POST', url, payload, headers: { ...bearer(tokens[p]), ...(key ? { 'idempotency-key': key } : {}) } })

async function filing(title: string) {
  const token = tokens['citizen-new']
  const attachmentIds = [await uploadProof(t.app, token)]
  const commitmentId = await signCommitment(t.app, token, 'tpl-voluntary-registration')
  return { category: 'welfare', title, description: '向杭州市慈善总会捐赠助学款 5 万元，附捐赠票据。', attachmentIds, commitmentId }
}

describe('voluntary registration answers follow the contract', () => {
  it('a registration filed, listed, viewed by the subject and the officer, verified; another rejected', async () => {
    const body = await filing('2026 年度慈善捐赠')
    const first = await post('citizen-new', '/api/voluntary-registrations', body, 'contract-registration-1')
    const filed = answers(VoluntaryRegistration, first, 201)
    assert.deepEqual([filed.status, filed.attachments.length], ['已提交', 1])
    const replay = await post('citizen-new', '/api/voluntary-registrations', body, 'contract-registration-1')
    assert.equal(replay.headers['idempotent-replayed'], 'true')
    assert.equal(replay.body, first.body)

    assert.deepEqual(answers(VoluntaryRegistrationPage, await get('citizen-new', '/api/voluntary-registrations')).items.map((r) => r.id), [filed.id])
    answers(VoluntaryRegistration, await get('citizen-new', `/api/voluntary-registrations/${filed.id}`))
    const queue = answers(OfficerRegistrationPage, await get('staff-officer', '/api/officer/voluntary-registrations'))
    assert.ok(queue.items.some((r) => r.id === filed.id))
    const seen = answers(OfficerRegistration, await get('staff-officer', `/api/officer/voluntary-registrations/${filed.id}`))
    assert.equal(seen.subject.kind, 'person')
    const verified = answers(OfficerRegistration, await post('staff-officer', `/api/officer/voluntary-registrations/${filed.id}/verify`, { note: '票据与慈善总会记录一致' }))
    assert.equal(verified.status, '已核验')
    assert.ok(verified.recordId)
    answers(OfficerRegistrationPage, await get('staff-officer', '/api/officer/voluntary-registrations?status=已核验'))

    const other = answers(VoluntaryRegistration, await post('citizen-new', '/api/voluntary-registrations', await filing('2026 年度无偿献血')), 201)
    const rejected = answers(OfficerRegistration, await post('staff-officer', `/api/officer/voluntary-registrations/${other.id}/reject`, { reasons: '证明材料与所述事项不符' }))
    assert.deepEqual([rejected.status, rejected.reasons], ['未通过', '证明材料与所述事项不符'])
    answers(VoluntaryRegistration, await get('citizen-new', `/api/voluntary-registrations/${other.id}`))
  })

  it('bad input is refused in the contract\'s error shape', async () => {
    refuses(await get('citizen-new', `/api/voluntary-registrations?cursor=${'x'.repeat(301)}`), 400, 'VALIDATION_ERROR')
    refuses(await get('citizen-new', '/api/voluntary-registrations/no-such-registration'), 404)
    refuses(await get('staff-officer', '/api/officer/voluntary-registrations?status=done'), 400, 'VALIDATION_ERROR')
    refuses(await get('citizen-new', '/api/officer/voluntary-registrations?status=done'), 403, 'FORBIDDEN')
    refuses(await post('staff-officer', '/api/officer/voluntary-registrations/no-such-registration/verify'), 404)
    refuses(await post('staff-officer', '/api/officer/voluntary-registrations/no-such-registration/reject', {}), 400, 'VALIDATION_ERROR')
    refuses(await post('citizen-new', '/api/voluntary-registrations', { category: 'fame' }), 400, 'VALIDATION_ERROR')
  })
})
