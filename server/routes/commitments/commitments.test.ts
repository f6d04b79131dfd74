import assert from 'node:assert/strict'
import crypto from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { Writable } from 'node:stream'
import pino from 'pino'
import { buildApp } from '../../app'
import { signAccessToken } from '../../auth/jwt'
import { signaturePng } from '../../testing/png'
import { bearer, loginAs, startTestApp, type TestApp } from '../../testing/app'

let t: TestApp
const tokens: Record<string, string> = {}
before(async () => {
  t = await startTestApp()
  for (const p of ['citizen-red', 'citizen-new', 'agent-yunqi', 'agent-jianhu', 'staff-officer']) tokens[p] = (await loginAs(t.app, p)).accessToken
})
after(() => t.close())

const YUNQI = '91330106MA2H3K5Q7N'
const JIANHU = '91330602MA2D8R6L1D'
const asYunqi = { 'x-subject': YUNQI }
const get = (p: string | null, url: string, headers: Record<string, string> = {}) => t.app.inject({ url, headers: { ...(p ? bearer(tokens[p]) : {}), ...headers } })
const post = (p: string, url: string, payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, payload: payload as object, headers: { ...bearer(tokens[p]), ...headers } })
const png = signaturePng().toString('base64')

async function signAs(p: string, templateId: string, headers: Record<string, string> = {}, extra: Record<string, unknown> = {}) {
  const tpl = (await get(p, `/api/commitments/templates/${templateId}`, headers)).json()
  return post(p, '/api/commitments', { templateId, version: tpl.version, textSha256: tpl.textSha256, agreed: true, signaturePng: `data:image/png;base64,${png}`, ...extra }, headers)
}

describe('templates', () => {
  it('shows a person the person templates and an enterprise the enterprise ones, newest version only', async () => {
    const person = (await get('citizen-red', '/api/commitments/templates')).json().items as { id: string; kind: string }[]
    assert.ok(person.some((x) => x.id === 'tpl-person-integrity') && !person.some((x) => x.id === 'tpl-food-licence'))
    const ent = (await get('agent-yunqi', '/api/commitments/templates', asYunqi)).json().items as { id: string; version: number }[]
    assert.equal(ent.find((x) => x.id === 'tpl-public-integrity')?.version, 2)
    assert.ok(new Set(ent.map((x) => x.id)).size === ent.length)
  })

  it('the hash given with a template is the SHA-256 of its exact text', async () => {
    const tpl = (await get('citizen-red', '/api/commitments/templates/tpl-person-integrity')).json()
    assert.equal(tpl.textSha256, crypto.createHash('sha256').update(tpl.body).digest('hex'))
  })
})

describe('signing', () => {
  it('an agent signs for the enterprise: the enterprise commits, the agent signs; the receipt verifies publicly', async () => {
    const res = await signAs('agent-yunqi', 'tpl-public-integrity', asYunqi)
    assert.equal(res.statusCode, 201, res.body)
    const c = res.json()
    assert.match(c.receiptNo, /^CP\d{8}[A-Z2-9]{8}$/)
    assert.deepEqual([c.subject.name, c.signerRelation, c.status, c.template.version], ['杭州云栖数字科技有限公司', '法定代表人', '履约中', 2])
    const stored = await t.ctx.db.selectFrom('commitments').select(['text_sha256', 'signature_png', 'signature_upload_id', 'signature_sha256']).where('id', '=', c.id).executeTakeFirstOrThrow()
    const text = (await get('agent-yunqi', `/api/commitments/${c.id}`, asYunqi)).json().text
    assert.equal(stored.text_sha256, crypto.createHash('sha256').update(text).digest('hex'))
    // The signature is an upload of the enterprise in file storage, attached to the commitment; not a bytea.
    assert.equal(stored.signature_png, null)
    const upload = await t.ctx.db.selectFrom('uploads as u').innerJoin('subjects as s', 's.id', 'u.subject_id').select(['u.storage_key', 'u.sha256', 'u.content_type', 's.identifier'])
      .where('u.id', '=', stored.signature_upload_id).executeTakeFirstOrThrow()
    assert.deepEqual([upload.identifier, upload.content_type, upload.sha256], [YUNQI, 'image/png', stored.signature_sha256])
    assert.deepEqual(await t.ctx.storage.get(upload.storage_key), signaturePng())
    const image = await get('agent-yunqi', `/api/commitments/${c.id}/signature.png`, asYunqi)
    assert.equal(image.headers['content-type'], 'image/png')
    assert.deepEqual(image.rawPayload, signaturePng())
    const pub = await get(null, `/api/public/receipts/${c.receiptNo}`)
    assert.equal(pub.statusCode, 200)
    assert.deepEqual([pub.json().valid, pub.json().subject.name, pub.json().textSha256], [true, '杭州云栖数字科技有限公司', stored.text_sha256])
  })

  it('the same Idempotency-Key signs once', async () => {
    const key = { 'idempotency-key': 'sign-key-00001' }
    const a = await signAs('citizen-red', 'tpl-person-integrity', key)
    const b = await signAs('citizen-red', 'tpl-person-integrity', key)
    assert.equal(a.statusCode, 201)
    assert.equal(b.json().id, a.json().id)
    assert.equal(b.headers['idempotent-replayed'], 'true')
  })

  it('a person cannot sign for an enterprise they are not bound to (404)', async () => {
    const res = await signAs('agent-jianhu', 'tpl-public-integrity', asYunqi)
    assert.equal(res.statusCode, 404)
  })

  it('refuses without consent, a blank or non-PNG signature, an outdated version and a wrong hash', async () => {
    const tpl = (await get('citizen-red', '/api/commitments/templates/tpl-person-integrity')).json()
    const base = { templateId: tpl.id, version: tpl.version, textSha256: tpl.textSha256, agreed: true, signaturePng: png }
    const cases: [Record<string, unknown>, string][] = [
      [{ agreed: false }, '请先勾选“我已阅读并同意”'],
      [{ signaturePng: signaturePng(300, 120, true).toString('base64') }, '签名为空白，请在签名区域手写签名'],
      [{ signaturePng: Buffer.from('GIF89a-not-a-png-at-all-but-long-enough-to-pass-the-size-check-xx').toString('base64') }, '签名必须是 PNG 图片，请重新签名'],
      [{ signaturePng: undefined }, '请先手写签名'],
      [{ signaturePng: 'A'.repeat(400_000) }, '签名图片不能超过 200 KB'],
      [{ textSha256: 'a'.repeat(64) }, '您阅读的承诺书内容与当前版本不一致，请刷新后重新阅读'],
    ]
    for (const [change, message] of cases) {
      const res = await post('citizen-red', '/api/commitments', { ...base, ...change })
      assert.ok(res.statusCode >= 400 && res.statusCode < 500, res.body)
      assert.equal(res.json().error.message, message)
    }
    const old = await post('agent-yunqi', '/api/commitments', { ...base, templateId: 'tpl-public-integrity', version: 1 }, asYunqi)
    assert.equal(old.json().error.code, 'TEMPLATE_UPDATED')
    const wrongAudience = await post('citizen-red', '/api/commitments', { ...base, templateId: 'tpl-food-licence', version: 1 })
    assert.equal(wrongAudience.json().error.message, '该承诺书由企业签署，请切换到企业身份')
  })

  it('a new template version leaves earlier receipts verifiable against the text they signed', async () => {
    const v2 = (await signAs('agent-yunqi', 'tpl-public-integrity', asYunqi)).json()
    await t.ctx.db.insertInto('commitment_templates').values({
      id: 'tpl-public-integrity', version: 3, kind: '主动公示型', audience: 'enterprise', title: '企业诚信经营承诺书',
      body: '新版承诺书正文', body_sha256: crypto.createHash('sha256').update('新版承诺书正文').digest('hex'),
    }).execute()
    const latest = (await get('agent-yunqi', '/api/commitments/templates/tpl-public-integrity', asYunqi)).json()
    assert.equal(latest.version, 3)
    const pub = (await get(null, `/api/public/receipts/${v2.receiptNo}`)).json()
    assert.equal(pub.template.version, 2)
    assert.equal(pub.textSha256, v2.textSha256)
    const detail = (await get('agent-yunqi', `/api/commitments/${v2.id}`, asYunqi)).json()
    assert.equal(crypto.createHash('sha256').update(detail.text).digest('hex'), v2.textSha256)
  })

  it('lists my commitments only, and another subject\'s commitment is 404', async () => {
    const mine = (await get('agent-yunqi', '/api/commitments', asYunqi)).json().items as { id: string }[]
    assert.ok(mine.length >= 2)
    assert.equal((await get('citizen-red', `/api/commitments/${mine[0].id}`)).statusCode, 404)
    const personal = (await get('agent-yunqi', '/api/commitments')).json().items
    assert.deepEqual(personal, [], 'the agent personally signed nothing')
  })
})

describe('public list and receipts', () => {
  it('lists enterprise commitments by name or USCC without login, never persons', async () => {
    const byName = (await get(null, `/api/public/commitments?q=${encodeURIComponent('云栖')}`)).json().items as { subject: { name: string } }[]
    assert.ok(byName.length >= 1 && byName.every((c) => c.subject.name === '杭州云栖数字科技有限公司'))
    const byUscc = (await get(null, `/api/public/commitments?q=${YUNQI}`)).json().items
    assert.equal(byUscc.length, byName.length)
    const all = (await get(null, '/api/public/commitments')).json().items as { subject: { kind: string } }[]
    assert.ok(all.every((c) => c.subject.kind === 'enterprise'))
    for (const c of all) for (const hidden of ['id', 'recordId', 'signatureSha256']) assert.ok(!(hidden in c), hidden)
    assert.equal((await get(null, '/api/public/commitments?q=HangzhouYunqiTech')).statusCode, 200, 'a Latin name is a name search')
    assert.deepEqual((await get(null, `/api/public/commitments?q=${JIANHU}`)).json().items, [])
  })

  it('a bad USCC in the search is a 400 with a Chinese message', async () => {
    const res = await get(null, '/api/public/commitments?q=91330106MA2H3K5Q7X')
    assert.equal(res.statusCode, 400)
    assert.equal(res.json().error.message, '统一社会信用代码校验位不正确，请核对后重新输入')
  })

  it('says plainly when a receipt number is unknown', async () => {
    const res = await get(null, '/api/public/receipts/CP20260101ABCDEFGH')
    assert.equal(res.statusCode, 404)
    assert.match(res.json().error.message, /^未找到编号为 CP20260101ABCDEFGH 的承诺回执/)
    assert.equal((await get(null, '/api/public/receipts/hello')).statusCode, 404)
  })

  it('a person\'s receipt verifies with the name masked', async () => {
    const c = (await signAs('citizen-new', 'tpl-person-integrity')).json()
    const pub = (await get(null, `/api/public/receipts/${c.receiptNo}`)).json()
    assert.deepEqual(pub.subject, { kind: 'person', name: '周*', uscc: null })
  })
})

describe('fulfilment and breach', () => {
  it('an officer marks a breach: a negative 一般 entry appears and the score drops by 50', async () => {
    const c = (await signAs('agent-yunqi', 'tpl-industry-tourism', asYunqi)).json()
    const before = (await get('agent-yunqi', '/api/credit/overview', asYunqi)).json().score
    const denied = await post('citizen-red', `/api/officer/commitments/${c.id}/decision`, { outcome: '违诺', reason: 'x' })
    assert.equal(denied.statusCode, 403)
    const res = await post('staff-officer', `/api/officer/commitments/${c.id}/decision`, { outcome: '违诺', reason: '经核查，该企业存在强迫游客购物行为' })
    assert.equal(res.statusCode, 200, res.body)
    const after = (await get('agent-yunqi', '/api/credit/overview', asYunqi)).json()
    assert.equal(after.score, before - 50)
    const record = (await get('agent-yunqi', `/api/credit/records/${res.json().recordId}`, asYunqi)).json()
    assert.deepEqual([record.kind, record.severity, record.documentNo], ['信用承诺', '一般', c.receiptNo])
    assert.equal((await get('agent-yunqi', `/api/commitments/${c.id}`, asYunqi)).json().status, '违诺')
    const twice = await post('staff-officer', `/api/officer/commitments/${c.id}/decision`, { outcome: '已履约', reason: 'x' })
    assert.equal(twice.statusCode, 409)
  })

  it('a fulfilled commitment adds a positive entry', async () => {
    const c = (await signAs('citizen-new', 'tpl-person-integrity')).json()
    const res = await post('staff-officer', `/api/officer/commitments/${c.id}/decision`, { outcome: '已履约', reason: '承诺期内无违诺情形' })
    assert.equal(res.statusCode, 200)
    const o = (await get('citizen-new', '/api/credit/overview')).json()
    assert.equal(o.score, 610)
  })

  it('when 20 officers decide on one commitment at once, then exactly one succeeds with one credit record; the rest get 409', async () => {
    const c = (await signAs('agent-yunqi', 'tpl-industry-tourism', asYunqi)).json()
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        post('staff-officer', `/api/officer/commitments/${c.id}/decision`, { outcome: i % 2 ? '违诺' : '已履约', reason: `第 ${i} 份认定` }),
      ),
    )
    const statuses = results.map((r) => r.statusCode).sort()
    assert.deepEqual(statuses, [200, ...Array(19).fill(409)], results.map((r) => r.body).join('\n'))
    for (const r of results.filter((x) => x.statusCode === 409)) assert.equal(r.json().error.code, 'ALREADY_CONCLUDED')
    const records = await t.ctx.db.selectFrom('credit_records').select('id').where('document_no', '=', c.receiptNo).execute()
    assert.equal(records.length, 1)
    const stored = await t.ctx.db.selectFrom('commitments').select(['status', 'record_id']).where('id', '=', c.id).executeTakeFirstOrThrow()
    const winner = results.find((r) => r.statusCode === 200)!.json()
    assert.deepEqual([stored.status, stored.record_id], [winner.status, records[0].id])
  })
})

describe('officers decide within their department', () => {
  it('when an officer decides on a commitment another department accepts, then 404; its own officer decides, and the log names the department', async () => {
    const market = '杭州市市场监督管理局'
    await t.ctx.db.insertInto('users').values({ id: 'user-market-officer', roles: ['citizen', 'officer'], org_name: market }).execute()
    const marketToken = await signAccessToken(t.ctx.config.jwtSecret, { userId: 'user-market-officer', roles: ['citizen', 'officer'] })
    const food = (await signAs('agent-yunqi', 'tpl-food-licence', asYunqi)).json()
    const tourism = (await signAs('agent-yunqi', 'tpl-industry-tourism', asYunqi)).json()

    const lines: string[] = []
    const logged = await buildApp(t.ctx, { loggerInstance: pino({ level: 'info' }, new Writable({ write: (c, _e, d) => (lines.push(String(c)), d()) })) })
    try {
      const decide = (token: string, id: string) =>
        logged.inject({ method: 'POST', url: `/api/officer/commitments/${id}/decision`, payload: { outcome: '已履约', reason: '现场核查与承诺一致' }, headers: bearer(token) })
      assert.equal((await decide(tokens['staff-officer'], food.id)).statusCode, 404)
      assert.equal((await decide(marketToken, tourism.id)).statusCode, 404)
      const ok = await decide(marketToken, food.id)
      assert.equal(ok.statusCode, 200, ok.body)
      const record = await t.ctx.db.selectFrom('credit_records').select('department').where('id', '=', ok.json().recordId).executeTakeFirstOrThrow()
      assert.equal(record.department, market)
    } finally {
      await logged.close()
    }
    const decision = lines.map((l) => JSON.parse(l)).find((l) => l.decision?.commitmentId === food.id)
    assert.deepEqual([decision?.decision.department, decision?.decision.officerId, decision?.msg], [market, 'user-market-officer', '信用承诺认定'])
    const stored = await t.ctx.db.selectFrom('commitments').select('status').where('id', '=', tourism.id).executeTakeFirstOrThrow()
    assert.equal(stored.status, '履约中')
  })
})

