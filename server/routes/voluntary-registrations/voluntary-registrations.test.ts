import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { bearer, loginAs, startTestApp, type TestApp } from '../../testing/app'
import { multipartBody, samples } from '../../testing/multipart'
import { signaturePng } from '../../testing/png'

let t: TestApp
const tokens: Record<string, string> = {}
before(async () => {
  t = await startTestApp()
  for (const p of ['citizen-new', 'citizen-red', 'agent-yunqi', 'staff-officer']) tokens[p] = (await loginAs(t.app, p)).accessToken
})
after(() => t.close())

const YUNQI = '91330106MA2H3K5Q7N'
const asYunqi = { 'x-subject': YUNQI }
const get = (p: string, url: string, headers: Record<string, string> = {}) => t.app.inject({ url, headers: { ...bearer(tokens[p]), ...headers } })
const post = (p: string, url: string, payload: unknown = {}, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, payload: payload as object, headers: { ...bearer(tokens[p]), ...headers } })
async function upload(p: string, headers: Record<string, string> = {}) {
  const body = multipartBody([{ field: 'file', filename: 'cert.pdf', type: 'application/pdf', data: Buffer.concat([samples.pdf, Buffer.from(String(Math.random()))]) }])
  const res = await t.app.inject({ method: 'POST', url: '/api/uploads', payload: body.payload, headers: { ...bearer(tokens[p]), ...headers, ...body.headers } })
  assert.equal(res.statusCode, 201, res.body)
  return res.json().id as string
}
async function sign(p: string, templateId = 'tpl-voluntary-registration', headers: Record<string, string> = {}) {
  const tpl = (await get(p, `/api/commitments/templates/${templateId}`, headers)).json()
  const res = await post(p, '/api/commitments', { templateId, version: tpl.version, textSha256: tpl.textSha256, agreed: true, signaturePng: `data:image/png;base64,${signaturePng().toString('base64')}` }, headers)
  assert.equal(res.statusCode, 201, res.body)
  return res.json().id as string
}
async function register(p: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const body = { category: 'welfare', title: '2026 年度慈善捐赠', description: '向杭州市慈善总会捐赠助学款 5 万元，附捐赠票据。', attachmentIds: [await upload(p, headers)], commitmentId: await sign(p, undefined, headers), ...extra }
  return post(p, '/api/voluntary-registrations', body, headers)
}
const officer = (id: string, action: string, body: unknown = {}) => post('staff-officer', `/api/officer/voluntary-registrations/${id}/${action}`, body)
const voluntaryRecords = async (subjectId: string) =>
  t.ctx.db.selectFrom('credit_records').select(['id', 'status', 'title', 'polarity']).where('subject_id', '=', subjectId).where('kind', '=', '自愿注册').execute()
const score = async (p: string, headers: Record<string, string> = {}) => (await get(p, '/api/credit/overview', headers)).json().score as number

describe('filing', () => {
  it('needs the subject\'s own, unused truth commitment and evidence; says what is wrong in Chinese', async () => {
    const evidence = await upload('citizen-new')
    const mine = await sign('citizen-new')
    const base = { category: 'qualification', title: '高级电工职业资格证书', description: '人社部门颁发的高级电工职业资格证书。', attachmentIds: [evidence], commitmentId: mine }
    const cases: [Record<string, unknown>, number, RegExp][] = [
      [{ category: 'fame' }, 400, /请选择注册信息的类别/],
      [{ title: '' }, 400, /请填写信息名称/],
      [{ title: 'x'.repeat(61) }, 400, /信息名称不能超过60个字/],
      [{ description: '太短' }, 400, /至少 10 个字/],
      [{ commitmentId: undefined }, 400, /请填写真实性承诺/],
      [{ attachmentIds: [] }, 400, /请上传证明材料/],
      [{ commitmentId: await sign('citizen-red') }, 404, /承诺不存在/],
      [{ commitmentId: await sign('citizen-new', 'tpl-person-integrity') }, 400, /信用信息自愿注册真实性承诺书/],
    ]
    for (const [extra, status, message] of cases) {
      const res = await post('citizen-new', '/api/voluntary-registrations', { ...base, ...extra })
      assert.equal(res.statusCode, status, `${JSON.stringify(extra)} ${res.body}`)
      assert.match(res.json().error.message, message)
    }
    assert.equal((await t.ctx.db.selectFrom('voluntary_registrations').select('id').execute()).length, 0)
    const ok = await post('citizen-new', '/api/voluntary-registrations', base)
    assert.equal(ok.statusCode, 201, ok.body)
    assert.deepEqual([ok.json().status, ok.json().categoryLabel, ok.json().commitment.title], ['已提交', '资质资格', '信用信息自愿注册真实性承诺书'])
    const reused = await post('citizen-new', '/api/voluntary-registrations', { ...base, attachmentIds: [await upload('citizen-new')] })
    assert.deepEqual([reused.statusCode, reused.json().error.code], [409, 'COMMITMENT_USED'])
  })

  it('an agent registers for its enterprise; only that enterprise sees it; another subject gets 404', async () => {
    const res = await register('agent-yunqi', { category: 'contract', title: '西湖区智慧城管项目合同履约' }, asYunqi)
    assert.equal(res.statusCode, 201, res.body)
    const id = res.json().id
    assert.deepEqual((await get('agent-yunqi', '/api/voluntary-registrations', asYunqi)).json().items.map((x: { id: string }) => x.id), [id])
    assert.equal((await get('agent-yunqi', `/api/voluntary-registrations/${id}`)).statusCode, 404)
    assert.equal((await get('citizen-red', `/api/voluntary-registrations/${id}`)).statusCode, 404)
    const msgs = await t.ctx.db.selectFrom('messages').select(['kind', 'link']).where('subject_id', '=', 'ent-yunqi').where('kind', '=', 'registration_filed').execute()
    assert.deepEqual(msgs, [{ kind: 'registration_filed', link: `/packages/cases/pages/registration/index?id=${id}` }])
  })
})

describe('verification', () => {
  it('only a verified registration becomes a positive record and moves the score; a rejected one never does', async () => {
    const before = await score('citizen-red')
    const recordsBefore = (await get('citizen-red', '/api/credit/records')).json().items.length
    const a = (await register('citizen-red', { title: '社区助老志愿活动组织' })).json().id
    const b = (await register('citizen-red', { title: '无凭据的荣誉' })).json().id
    // filed, not verified: no record, no points
    assert.deepEqual(await voluntaryRecords('person-chen'), [])
    assert.equal(await score('citizen-red'), before)
    assert.equal((await get('citizen-red', '/api/credit/records')).json().items.length, recordsBefore)

    assert.equal((await post('citizen-red', `/api/officer/voluntary-registrations/${a}/verify`)).statusCode, 403)
    const noReasons = await officer(b, 'reject', {})
    assert.deepEqual([noReasons.statusCode, noReasons.json().error.message], [400, '请填写不予通过的理由'])
    const rejected = await officer(b, 'reject', { reasons: '所附材料不能证明该荣誉，请补充颁发单位的证明。' })
    assert.equal(rejected.statusCode, 200, rejected.body)
    assert.deepEqual([rejected.json().status, rejected.json().recordId], ['未通过', null])
    assert.deepEqual(await voluntaryRecords('person-chen'), [])
    assert.equal(await score('citizen-red'), before)

    const verified = await officer(a, 'verify', { note: '材料齐全，与社区出具的证明一致。' })
    assert.equal(verified.statusCode, 200, verified.body)
    const records = await voluntaryRecords('person-chen')
    assert.deepEqual(records.map((r) => [r.status, r.polarity, r.title]), [['公示中', 'positive', '公益慈善：社区助老志愿活动组织']])
    assert.equal(verified.json().recordId, records[0].id)
    assert.equal(await score('citizen-red'), Math.min(1000, before + 5))
    const detail = (await get('citizen-red', `/api/credit/records/${records[0].id}`)).json()
    assert.equal(detail.kind, '自愿注册')
    const mine = (await get('citizen-red', `/api/voluntary-registrations/${a}`)).json()
    assert.deepEqual([mine.status, mine.steps.map((s: { status: string }) => s.status), mine.dueDate], ['已核验', ['已提交', '已核验'], null])
    const kinds = (await t.ctx.db.selectFrom('messages').select('kind').where('subject_id', '=', 'person-chen').where('kind', 'like', 'registration_%').orderBy('created_at').execute()).map((m) => m.kind)
    assert.deepEqual(kinds, ['registration_filed', 'registration_filed', 'registration_rejected', 'registration_verified'])
    const again = [await officer(a, 'verify'), await officer(b, 'verify'), await officer(a, 'reject', { reasons: '再次处理。' })]
    assert.deepEqual(again.map((r) => r.statusCode), [409, 409, 409])
    assert.equal(again[1].json().error.message, '该注册信息已核验未通过，不能再次处理')
    const open = await t.ctx.db.selectFrom('deadlines').select('step').where('case_id', 'in', [a, b]).where('done_at', 'is', null).execute()
    assert.deepEqual(open, [])
  })

  it('20 concurrent decisions (verify and reject mixed): exactly one applies, at most one record', async () => {
    const id = (await register('citizen-new', { title: '并发核验测试' })).json().id
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? officer(id, 'verify') : officer(id, 'reject', { reasons: `并发理由 ${i}` }))))
    assert.equal(results.filter((r) => r.statusCode === 200).length, 1)
    assert.ok(results.filter((r) => r.statusCode !== 200).every((r) => r.statusCode === 409))
    const status = (await get('citizen-new', `/api/voluntary-registrations/${id}`)).json().status
    const records = (await voluntaryRecords('person-zhou')).filter((r) => r.title.endsWith('并发核验测试'))
    assert.equal(records.length, status === '已核验' ? 1 : 0)
    const decided = await t.ctx.db.selectFrom('messages').select('id').where('kind', 'in', ['registration_verified', 'registration_rejected']).where('link', 'like', `%${id}`).execute()
    assert.equal(decided.length, 1)
  })

  it('the officer queue pages open registrations oldest first, showing whose they are (ID number masked)', async () => {
    for (let i = 0; i < 21; i++) assert.equal((await register('citizen-new', { title: `排队测试 ${i}` })).statusCode, 201)
    const seen: { id: string; status: string; filedAt: string; subject: { name: string; identifier: string } }[] = []
    let cursor: string | null = null
    do {
      const page: { items: typeof seen; nextCursor: string | null } = (await get('staff-officer', `/api/officer/voluntary-registrations${cursor ? `?cursor=${cursor}` : ''}`)).json()
      seen.push(...page.items)
      cursor = page.nextCursor
    } while (cursor)
    assert.ok(seen.length >= 22)
    assert.ok(seen.every((r) => r.status === '已提交'))
    assert.deepEqual(seen.map((r) => r.filedAt), [...seen.map((r) => r.filedAt)].sort())
    const zhou = seen.find((r) => r.subject.name === '周晓')!
    assert.match(zhou.subject.identifier, /^\d{6}\*{8}\d{3}[\dX]$/)
    const done = (await get('staff-officer', '/api/officer/voluntary-registrations?status=已核验')).json().items as { status: string }[]
    assert.ok(done.length >= 1 && done.every((r) => r.status === '已核验'))
    assert.equal((await get('staff-officer', '/api/officer/voluntary-registrations/none')).statusCode, 404)
  })
})
