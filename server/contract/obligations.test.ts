// /api/officer/records/:id/obligation-met answers in the shape of src/contract/obligations.ts (strict:
// a field the contract does not name fails): the push, its idempotent repeat and its replay; every
// refusal in the error shape with a Chinese message.
import { after, before, describe, it } from 'node:test'
import assert from 'node:assert/strict'
import { ObligationMet } from '../../src/contract/obligations'
import { addCalendarDays, chinaDate } from '../../src/domain/dates'
import { createRecord } from '../records/lifecycle'
import { bearer, loginAs, startTestApp, type TestApp } from '../testing/app'
import { answers, refuses } from './check'

let t: TestApp
const tokens: Record<string, string> = {}
const today = chinaDate()
before(async () => {
  t = await startTestApp()
  for (const p of ['citizen-red', 'staff-officer', 'staff-officer-housing']) tokens[p] = (await loginAs(t.app, p)).accessToken
})
after(() => t.close())

const push = (p: string | null, id: string, payload: object, key?: string) =>
  t.app.inject({ method: 'POST', url: `/api/officer/records/${id}/obligation-met`, payload, headers: { ...(p ? bearer(tokens[p]) : {}), ...(key ? { 'idempotency-key': key } : {}) } })

async function record(department: string, duty: string | null) {
  const { id } = await createRecord(t.ctx.db, {
    subjectId: 'person-chen', kind: '行政处罚', polarity: 'negative', severity: '轻微', title: '未缴罚款', content: '处罚款。', department,
    documentNo: null, legalBasis: null, decisionDate: addCalendarDays(today, -5), obligation: duty ? { duty } : null,
  }, { kind: 'officer', name: department })
  return id
}

describe('obligation push answers follow the contract', () => {
  it('the push, its repeat and its replay; refusals in the error shape', async () => {
    const id = await record('杭州市住房保障和房产管理局', '补缴拖欠的公租房租金')
    const first = answers(ObligationMet, await push('staff-officer-housing', id, { metOn: today, note: '已补缴' }, 'contract-obligation-1'))
    assert.deepEqual([first.recordId, first.source], [id, '部门推送'])
    answers(ObligationMet, await push('staff-officer-housing', id, { metOn: today, note: '已补缴' }, 'contract-obligation-1'))
    answers(ObligationMet, await push('staff-officer', id, { metOn: today }))

    refuses(await push('staff-officer', id, { metOn: addCalendarDays(today, -1) }), 409, 'OBLIGATION_ALREADY_MET')
    refuses(await push('staff-officer', await record('杭州市住房保障和房产管理局', null), { metOn: today }), 409, 'NO_OBLIGATION')
    refuses(await push('staff-officer-housing', await record('杭州市市场监督管理局', '缴纳罚款 800 元'), { metOn: today }), 404)
    refuses(await push('staff-officer', id, { metOn: addCalendarDays(today, 1) }), 400, 'MET_ON_IN_FUTURE')
    refuses(await push('staff-officer', id, { metOn: 'yesterday' }), 400, 'VALIDATION_ERROR')
    refuses(await push('citizen-red', id, { metOn: today }), 403)
    refuses(await push(null, id, { metOn: today }), 401)
  })
})
