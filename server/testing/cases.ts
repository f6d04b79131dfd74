// One case of each kind an officer handles (objection, repair application, report of dishonesty,
// voluntary registration), filed through the API as citizens do: for tests of who may see and
// decide them. The repair is about a record made by `repairDepartment` (a 轻微 entry, repairable at once).
import assert from 'node:assert/strict'
import crypto from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { enterprises } from '../../mock/personas'
import { chinaDate } from '../../src/domain/dates'
import { createRecord } from '../records/lifecycle'
import { bearer } from './app'
import type { TestApp } from './app'
import { multipartBody, samples } from './multipart'
import { signaturePng } from './png'

export interface OfficerCases {
  objection: string
  repair: string
  dishonestyReport: string
  registration: string
  /** uploads attached to each case (the evidence its officers read) */
  evidence: { objection: string; repair: string }
}

async function call(app: FastifyInstance, token: string, method: 'GET' | 'POST', url: string, payload?: unknown, expected = 201) {
  const res = await app.inject({ method, url, headers: bearer(token), ...(payload === undefined ? {} : { payload: payload as object }) })
  assert.equal(res.statusCode, expected, `${method} ${url}: ${res.body}`)
  return res.json()
}

export async function uploadProof(app: FastifyInstance, token: string): Promise<string> {
  const body = multipartBody([{ field: 'file', filename: 'proof.pdf', type: 'application/pdf', data: Buffer.concat([samples.pdf, Buffer.from(crypto.randomUUID())]) }])
  const res = await app.inject({ method: 'POST', url: '/api/uploads', payload: body.payload, headers: { ...bearer(token), ...body.headers } })
  assert.equal(res.statusCode, 201, res.body)
  return res.json().id
}

export async function signCommitment(app: FastifyInstance, token: string, templateId: string): Promise<string> {
  const tpl = await call(app, token, 'GET', `/api/commitments/templates/${templateId}`, undefined, 200)
  const png = `data:image/png;base64,${signaturePng().toString('base64')}`
  return (await call(app, token, 'POST', '/api/commitments', { templateId, version: tpl.version, textSha256: tpl.textSha256, agreed: true, signaturePng: png })).id
}

/**
 * Files the four cases: 赵磊 objects to his rent-arrears entry (made by the housing department), the
 * applicant (周晓 unless told) applies to repair a minor entry made by `repairDepartment`, reports an
 * enterprise and registers a volunteer honour. Tokens: citizen-objection's and the applicant's.
 */
export async function fileOfficerCases(
  t: TestApp, tokens: { objector: string; applicant: string }, repairDepartment = '杭州市住房保障和房产管理局', applicantSubject = 'person-zhou',
): Promise<OfficerCases> {
  const { app } = t
  const objectionProof = await uploadProof(app, tokens.objector)
  const objection = (await call(app, tokens.objector, 'POST', '/api/objections', {
    recordId: 'rec-zhao-rent-arrears', reason: 'wrong_info', description: '该期租金已按期缴清，附银行回单。', attachmentIds: [objectionProof],
  })).id

  const { id: recordId } = await createRecord(t.ctx.db, {
    subjectId: applicantSubject, kind: '行政处罚', polarity: 'negative', severity: '轻微', title: `测试轻微处罚 ${crypto.randomUUID().slice(0, 6)}`, content: '责令改正。',
    department: repairDepartment, documentNo: null, legalBasis: null, decisionDate: chinaDate(),
  }, { kind: 'officer', name: repairDepartment })
  const repairProof = await uploadProof(app, tokens.applicant)
  const repair = (await call(app, tokens.applicant, 'POST', '/api/repairs', {
    recordId, commitmentId: await signCommitment(app, tokens.applicant, 'tpl-repair'), attachmentIds: [repairProof],
  })).id

  const dishonestyReport = (await call(app, tokens.applicant, 'POST', '/api/dishonesty-reports', {
    uscc: enterprises.find((e) => e.id === 'ent-hengxin')!.identifier, category: 'false_advertising',
    description: '该企业在招聘广告中承诺按月足额发放工资，实际拖欠数月，涉嫌虚假宣传。', attachmentIds: [],
  })).id

  const registration = (await call(app, tokens.applicant, 'POST', '/api/voluntary-registrations', {
    category: 'qualification', title: '红十字救护员证', description: '取得红十字会颁发的救护员证书。', attachmentIds: [await uploadProof(app, tokens.applicant)],
    commitmentId: await signCommitment(app, tokens.applicant, 'tpl-voluntary-registration'),
  })).id

  return { objection, repair, dishonestyReport, registration, evidence: { objection: objectionProof, repair: repairProof } }
}
