// /api/commitments (and what the public list and receipt check answer) in the shapes of
// src/contract/commitments.ts; refusals in the contract's error shape.
import { after, before, describe, it } from 'node:test'
import { CommitmentDetail, CommitmentPage, CommitmentTemplate, PublicCommitmentPage, ReceiptVerification, TemplatePage } from '../../src/contract/commitments'
import { CommitmentDecision } from '../../src/contract/officer'
import { signaturePng } from '../testing/png'
import { bearer, loginAs, startTestApp, type TestApp } from '../testing/app'
import { answers, refuses } from './check'

let t: TestApp
const tokens: Record<string, string> = {}
before(async () => {
  t = await startTestApp()
  for (const p of ['citizen-red', 'agent-yunqi', 'staff-officer']) tokens[p] = (await loginAs(t.app, p)).accessToken
})
after(() => t.close())

const asYunqi = { 'x-subject': '91330106MA2H3K5Q7N' }
const get = (p: string | null, url: string, headers: Record<string, string> = {}) => t.app.inject({ url, headers: { ...(p ? bearer(tokens[p]) : {}), ...headers } })
const post = (p: string, url: string, payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, payload: payload as object, headers: { ...bearer(tokens[p]), ...headers } })

describe('commitment answers follow the contract', () => {
  it('templates, one template, signing, my list, one commitment — as a person and as an enterprise; the public list and a receipt', async () => {
    for (const [p, headers] of [['citizen-red', {}], ['agent-yunqi', asYunqi]] as const) {
      const templates = answers(TemplatePage, await get(p, '/api/commitments/templates', headers))
      const tpl = answers(CommitmentTemplate, await get(p, `/api/commitments/templates/${templates.items[0].id}`, headers))
      const signed = answers(
        CommitmentDetail,
        await post(p, '/api/commitments', { templateId: tpl.id, version: tpl.version, textSha256: tpl.textSha256, agreed: true, signaturePng: `data:image/png;base64,${signaturePng().toString('base64')}` }, headers),
        201,
      )
      answers(CommitmentPage, await get(p, '/api/commitments', headers))
      answers(CommitmentDetail, await get(p, `/api/commitments/${signed.id}`, headers))
      answers(ReceiptVerification, await get(null, `/api/public/receipts/${signed.receiptNo}`))
    }
    answers(PublicCommitmentPage, await get(null, '/api/public/commitments'))
  })

  it('an officer\'s finding on a commitment (POST /api/officer/commitments/:id/decision)', async () => {
    const sign = { templateId: 'tpl-industry-tourism', version: 1, agreed: true, signaturePng: `data:image/png;base64,${signaturePng().toString('base64')}` }
    const tpl = answers(CommitmentTemplate, await get('agent-yunqi', '/api/commitments/templates/tpl-industry-tourism', asYunqi))
    const signed = answers(CommitmentDetail, await post('agent-yunqi', '/api/commitments', { ...sign, version: tpl.version, textSha256: tpl.textSha256 }, asYunqi), 201)
    refuses(await post('staff-officer', `/api/officer/commitments/${signed.id}/decision`, { outcome: '作废', reason: '理由' }), 400, 'VALIDATION_ERROR')
    refuses(await post('citizen-red', `/api/officer/commitments/${signed.id}/decision`, { outcome: '作废' }), 403, 'FORBIDDEN')
    const decided = answers(CommitmentDecision, await post('staff-officer', `/api/officer/commitments/${signed.id}/decision`, { outcome: '已履约', reason: '经核查，按承诺经营' }))
    refuses(await post('staff-officer', `/api/officer/commitments/${decided.id}/decision`, { outcome: '违诺', reason: '再认定' }), 409, 'ALREADY_CONCLUDED')
  })

  it('bad input is refused in the contract\'s error shape', async () => {
    refuses(await get('citizen-red', '/api/commitments/templates?kind=x'), 400, 'VALIDATION_ERROR')
    refuses(await post('citizen-red', '/api/commitments', { templateId: 'tpl-person-integrity', version: 1, textSha256: 'x', agreed: true }), 400, 'VALIDATION_ERROR')
    refuses(await post('citizen-red', '/api/commitments', { templateId: 'tpl-person-integrity', version: 1, textSha256: 'a'.repeat(64), agreed: true }), 400, 'INVALID_SIGNATURE')
    refuses(await get('citizen-red', '/api/commitments/nothing-here'), 404)
    refuses(await get('citizen-red', '/api/commitments/templates/nothing-here'), 404)
  })
})
