// Every officer decision writes one log line (logDecision): the ids of what was decided, the outcome,
// the officer's id and department — and nothing personal (no names, ID numbers, phones, free text).
// Captured from a second app on the same context whose logger writes into an array. Runs on PostgreSQL too.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { Writable } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import pino from 'pino'
import { chinaDate } from '../../src/domain/dates'
import { buildApp } from '../app'
import { createRecord } from '../records/lifecycle'
import { scanLogLines } from '../security/log-scan'
import { fileOfficerCases, type OfficerCases } from '../testing/cases'
import { bearer, loginAs, startTestApp, type TestApp } from '../testing/app'

const HOUSING = '杭州市住房保障和房产管理局'
const AUTHORITY_OFFICER = 'user-staff-officer'
const HOUSING_OFFICER = 'user-staff-officer-housing'
let t: TestApp
let logged: FastifyInstance
let cases: OfficerCases
const lines: string[] = []
const tokens: Record<string, string> = {}

before(async () => {
  t = await startTestApp()
  for (const p of ['citizen-objection', 'citizen-new', 'staff-officer', 'staff-officer-housing']) tokens[p] = (await loginAs(t.app, p)).accessToken
  cases = await fileOfficerCases(t, { objector: tokens['citizen-objection'], applicant: tokens['citizen-new'] }, HOUSING)
  logged = await buildApp(t.ctx, { loggerInstance: pino({ level: 'info' }, new Writable({ write: (c, _e, d) => (lines.push(String(c)), d()) })) })
})
after(async () => {
  await logged.close()
  await t.close()
})

const post = async (who: string, url: string, payload: unknown = {}) => {
  const res = await logged.inject({ method: 'POST', url, payload: payload as object, headers: bearer(tokens[who]) })
  assert.equal(res.statusCode, 200, `${who} POST ${url}: ${res.body}`)
  return res.json()
}
const decisions = () => lines.map((l) => JSON.parse(l)).filter((l) => l.decision)

describe('decision log lines', () => {
  it('when officers accept, transfer and decide objections, handle reports, verify registrations, decide repairs and push fulfilment, then each writes one line with ids, outcome, officer and department only', async () => {
    const o = `/api/officer/objections/${cases.objection}`
    await post('staff-officer', `${o}/accept`)
    await post('staff-officer', `${o}/transfer`, { department: HOUSING, note: '请核查缴费记录，当事人赵磊电话 13800000004' })
    await post('staff-officer-housing', `${o}/decision`, { outcome: 'revoke', reasons: '经核查租金已缴清。' })
    const r = `/api/officer/dishonesty-reports/${cases.dishonestyReport}`
    await post('staff-officer', `${r}/accept`)
    await post('staff-officer', `${r}/verify`, {})
    await post('staff-officer', `${r}/conclude`, { outcome: 'partly', reply: '部分属实。' })
    const registration = await post('staff-officer', `/api/officer/voluntary-registrations/${cases.registration}/verify`, { note: '证书真实有效。' })
    const repair = await post('staff-officer-housing', `/api/officer/repairs/${cases.repair}/decision`, { outcome: 'approve', reasons: '已履行义务。' })
    const { id: recordId } = await createRecord(t.ctx.db, {
      subjectId: 'person-zhou', kind: '行政处罚', polarity: 'negative', severity: '轻微', title: '未缴罚款', content: '处罚款。', department: HOUSING,
      documentNo: null, legalBasis: null, decisionDate: chinaDate(), obligation: { duty: '缴纳罚款 200 元' },
    }, { kind: 'officer', name: HOUSING })
    await post('staff-officer-housing', `/api/officer/records/${recordId}/obligation-met`, { metOn: chinaDate(), note: '周晓已缴清' })

    const expected: [string, Record<string, unknown>][] = [
      ['异议受理', { objectionId: cases.objection, outcome: '受理', recordId: 'rec-zhao-rent-arrears', officerId: AUTHORITY_OFFICER }],
      ['异议转办', { objectionId: cases.objection, outcome: '转办', recordId: 'rec-zhao-rent-arrears', officerId: AUTHORITY_OFFICER }],
      ['异议决定', { objectionId: cases.objection, outcome: 'revoke', recordId: 'rec-zhao-rent-arrears', officerId: HOUSING_OFFICER, department: HOUSING }],
      ['失信举报受理', { reportId: cases.dishonestyReport, outcome: '受理', officerId: AUTHORITY_OFFICER }],
      ['失信举报核查', { reportId: cases.dishonestyReport, outcome: '核查', officerId: AUTHORITY_OFFICER }],
      ['失信举报办结', { reportId: cases.dishonestyReport, outcome: 'partly', officerId: AUTHORITY_OFFICER }],
      ['自愿注册核验', { registrationId: cases.registration, outcome: '核验通过', recordId: registration.recordId, officerId: AUTHORITY_OFFICER }],
      ['信用修复决定', { repairId: cases.repair, outcome: 'approve', recordId: repair.recordId, officerId: HOUSING_OFFICER, department: HOUSING }],
      ['义务履行记录', { recordId, outcome: '已履行', officerId: HOUSING_OFFICER, department: HOUSING }],
    ]
    const found = decisions()
    for (const [msg, fields] of expected) {
      const matching = found.filter((l) => l.msg === msg && Object.entries(fields).every(([k, v]) => l.decision[k] === v))
      assert.equal(matching.length, 1, `${msg} ${JSON.stringify(fields)} in ${JSON.stringify(found.map((l) => [l.msg, l.decision]))}`)
      assert.ok('department' in matching[0].decision, `${msg}: the department is named`)
    }
    assert.equal(found.length, expected.length)

    // Nothing personal: only ids, the outcome and the department; no name, phone, ID number or free text.
    for (const l of found) {
      for (const [k, v] of Object.entries(l.decision as Record<string, unknown>)) {
        assert.ok(k === 'outcome' || k === 'department' || k.endsWith('Id'), `${l.msg}: unexpected field ${k}`)
        if (k.endsWith('Id')) assert.match(String(v), /^[A-Za-z0-9-]+$/, `${l.msg}: ${k} is an id`)
      }
      const text = JSON.stringify(l)
      for (const personal of ['赵磊', '周晓', '13800000004', '核查缴费记录', '已缴清']) assert.ok(!text.includes(personal), `${l.msg} carries ${personal}`)
    }
    assert.deepEqual(scanLogLines(found.map((l) => JSON.stringify(l))), [])
  })
})
