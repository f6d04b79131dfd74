// A commitment's signature file is read by the officers who may decide that commitment (the
// department its template names) — the same rule as the decision — and by the signer; any other
// officer, the credit authority included, gets 404 as if the file did not exist. Runs on PostgreSQL too.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { signAccessToken } from '../auth/jwt'
import { bearer, loginAs, startTestApp, type TestApp } from '../testing/app'
import { signaturePng } from '../testing/png'

const MARKET = '杭州市市场监督管理局'
const asYunqi = { 'x-subject': '91330106MA2H3K5Q7N' }
let t: TestApp
const tokens: Record<string, string> = {}

before(async () => {
  t = await startTestApp()
  for (const p of ['agent-yunqi', 'staff-officer', 'staff-officer-housing']) tokens[p] = (await loginAs(t.app, p)).accessToken
  await t.ctx.db.insertInto('users').values({ id: 'user-market-officer', roles: ['citizen', 'officer'], org_name: MARKET }).execute()
  tokens.market = await signAccessToken(t.ctx.config.jwtSecret, { userId: 'user-market-officer', roles: ['citizen', 'officer'] })
})
after(() => t.close())

const read = (who: string, uploadId: string, headers: Record<string, string> = {}) => t.app.inject({ url: `/api/uploads/${uploadId}`, headers: { ...bearer(tokens[who]), ...headers } })

async function signFoodLicence() {
  const tpl = (await t.app.inject({ url: '/api/commitments/templates/tpl-food-licence', headers: { ...bearer(tokens['agent-yunqi']), ...asYunqi } })).json()
  const res = await t.app.inject({
    method: 'POST', url: '/api/commitments', headers: { ...bearer(tokens['agent-yunqi']), ...asYunqi },
    payload: { templateId: 'tpl-food-licence', version: tpl.version, textSha256: tpl.textSha256, agreed: true, signaturePng: `data:image/png;base64,${signaturePng().toString('base64')}` },
  })
  assert.equal(res.statusCode, 201, res.body)
  const row = await t.ctx.db.selectFrom('commitments').select('signature_upload_id').where('id', '=', res.json().id).executeTakeFirstOrThrow()
  assert.ok(row.signature_upload_id)
  return row.signature_upload_id
}

describe('who reads a commitment’s signature', () => {
  it('when an officer of another department (or the credit authority) asks, then 404; the accepting department’s officer and the signer get the PNG', async () => {
    const uploadId = await signFoodLicence()
    for (const other of ['staff-officer', 'staff-officer-housing']) {
      const res = await read(other, uploadId)
      assert.equal(res.statusCode, 404, `${other}: ${res.body}`)
      assert.match(res.json().error.message, /[\u4e00-\u9fa5]/)
    }
    const allowed = await read('market', uploadId)
    assert.equal(allowed.statusCode, 200, allowed.body)
    assert.equal(allowed.headers['content-type'], 'image/png')
    assert.deepEqual(allowed.rawPayload.subarray(0, 8), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    assert.equal((await read('agent-yunqi', uploadId, asYunqi)).statusCode, 200)
  })
})
