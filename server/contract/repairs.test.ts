// /api/repairs and /api/officer/repairs answer in the shapes of src/contract/repairs.ts (strict: a
// field the contract does not name fails), through a whole case: eligibility and plan, filed with
// proof and a signed commitment, listed, viewed by the subject and by the officer (the whole
// record with its history and obligation), decided; refusals in the error shape.
import assert from 'node:assert/strict'
import crypto from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import {
  OfficerRepairCase, OfficerRepairPage, RepairApplication, RepairEligibilityResponse, RepairPage, RepairPlanResponse,
} from '../../src/contract/repairs'
import { bearer, loginAs, startTestApp, type TestApp } from '../testing/app'
import { multipartBody, samples } from '../testing/multipart'
import { signaturePng } from '../testing/png'
import { answers, refuses } from './check'

let t: TestApp
const tokens: Record<string, string> = {}
before(async () => {
  t = await startTestApp()
  for (const p of ['citizen-repairable', 'staff-officer']) tokens[p] = (await loginAs(t.app, p)).accessToken
})
after(() => t.close())

const RECORD = 'rec-li-fire-penalty'
const get = (p: string, url: string) => t.app.inject({ url, headers: bearer(tokens[p]) })
const post = (p: string, url: string, payload: object = {}, key?: string) =>
  t.app.inject({ method: 'POST', url, payload, headers: { ...bearer(tokens[p]), ...(key ? { 'idempotency-key': key } : {}) } })

async function sign(p: string) {
  const tpl = (await get(p, '/api/commitments/templates/tpl-repair')).json()
  const png = `data:image/png;base64,${signaturePng().toString('base64')}`
  const res = await post(p, '/api/commitments', { templateId: 'tpl-repair', version: tpl.version, textSha256: tpl.textSha256, agreed: true, signaturePng: png })
  assert.equal(res.statusCode, 201, res.body)
  return res.json().id as string
}

describe('repair answers follow the contract', () => {
  it('a case from eligibility to approval, as the subject and as the officer sees it', async () => {
    const before = answers(RepairEligibilityResponse, await get('citizen-repairable', '/api/repairs/eligibility'))
    assert.equal(before.items.find((i) => i.recordId === RECORD)?.state, 'later')
    const plan = answers(RepairPlanResponse, await get('citizen-repairable', '/api/repairs/plan'))
    assert.ok(plan.eligibility.some((i) => i.recordId === RECORD))

    // the hours the record asks for, as the public-service module credits them
    await t.ctx.db.insertInto('service_hours').values({ id: crypto.randomUUID(), subject_id: 'person-li', source: 'hour_code', source_id: crypto.randomUUID(), hours: 10, title: '社区公益服务', organization: '杭州市志愿者协会' }).execute()
    const body = multipartBody([{ field: 'file', filename: 'proof.pdf', type: 'application/pdf', data: samples.pdf }])
    const up = await t.app.inject({ method: 'POST', url: '/api/uploads', payload: body.payload, headers: { ...bearer(tokens['citizen-repairable']), ...body.headers } })
    const filing = { recordId: RECORD, commitmentId: await sign('citizen-repairable'), attachmentIds: [up.json().id] }
    const first = await post('citizen-repairable', '/api/repairs', filing, 'contract-repair-1')
    const filed = answers(RepairApplication, first, 201)
    assert.deepEqual([filed.status, filed.attachments.length], ['审核中', 1])
    // The replay of a unit of work is the stored answer, byte for byte.
    const replay = await post('citizen-repairable', '/api/repairs', filing, 'contract-repair-1')
    assert.equal(replay.headers['idempotent-replayed'], 'true')
    assert.equal(replay.body, first.body)

    const mine = answers(RepairPage, await get('citizen-repairable', '/api/repairs'))
    assert.deepEqual(mine.items.map((a) => a.id), [filed.id])
    answers(RepairApplication, await get('citizen-repairable', `/api/repairs/${filed.id}`))

    const queue = answers(OfficerRepairPage, await get('staff-officer', '/api/officer/repairs'))
    assert.ok(queue.items.some((a) => a.id === filed.id))
    const seen = answers(OfficerRepairCase, await get('staff-officer', `/api/officer/repairs/${filed.id}`))
    assert.equal(seen.record.id, RECORD)
    assert.ok(seen.record.history.length > 0)
    assert.deepEqual(seen.hours, { required: 10, confirmed: 10 })

    const decided = answers(RepairApplication, await post('staff-officer', `/api/officer/repairs/${filed.id}/decision`, { outcome: 'approve', reasons: '义务已履行，公益服务时长已满足' }))
    assert.deepEqual([decided.status, decided.outcome], ['已通过', 'approve'])
    assert.equal(decided.steps.at(-1)?.outcomeLabel, '准予修复')
    answers(OfficerRepairPage, await get('staff-officer', '/api/officer/repairs?status=已通过'))
    const after = answers(OfficerRepairCase, await get('staff-officer', `/api/officer/repairs/${filed.id}`))
    assert.equal(after.record.status, '已修复')
    answers(RepairEligibilityResponse, await get('citizen-repairable', '/api/repairs/eligibility'))
  })

  it('bad input is refused in the contract\'s error shape', async () => {
    refuses(await get('citizen-repairable', `/api/repairs?cursor=${'x'.repeat(301)}`), 400, 'VALIDATION_ERROR')
    refuses(await get('citizen-repairable', '/api/repairs/no-such-repair'), 404)
    refuses(await get('staff-officer', '/api/officer/repairs?status=done'), 400, 'VALIDATION_ERROR')
    refuses(await get('citizen-repairable', '/api/officer/repairs'), 403, 'FORBIDDEN')
    refuses(await get('staff-officer', '/api/officer/repairs/no-such-repair'), 404)
    refuses(await post('staff-officer', '/api/officer/repairs/no-such-repair/decision', { outcome: 'maybe', reasons: '理由' }), 400, 'VALIDATION_ERROR')
    refuses(await post('citizen-repairable', '/api/repairs', { recordId: '', commitmentId: 'c' }), 400, 'VALIDATION_ERROR')
  })
})
