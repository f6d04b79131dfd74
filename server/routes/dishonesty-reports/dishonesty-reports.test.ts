import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { CREDIT_AUTHORITY } from '../../../mock/personas'
import { signAccessToken } from '../../auth/jwt'
import { bearer, loginAs, startTestApp, type TestApp } from '../../testing/app'
import { multipartBody, samples } from '../../testing/multipart'

let t: TestApp
const tokens: Record<string, string> = {}
before(async () => {
  t = await startTestApp()
  for (const p of ['citizen-new', 'citizen-red', 'agent-yunqi', 'staff-officer']) tokens[p] = (await loginAs(t.app, p)).accessToken
  // a second officer of the credit authority (reports go there) who did not accept the reports below
  await t.ctx.db.insertInto('users').values({ id: 'user-second-authority-officer', roles: ['citizen', 'officer'], org_name: CREDIT_AUTHORITY }).execute()
  tokens['other-officer'] = await signAccessToken(t.ctx.config.jwtSecret, { userId: 'user-second-authority-officer', roles: ['citizen', 'officer'] })
})
after(() => t.close())

const YUNQI = '91330106MA2H3K5Q7N'
const get = (p: string, url: string, headers: Record<string, string> = {}) => t.app.inject({ url, headers: { ...bearer(tokens[p]), ...headers } })
const post = (p: string, url: string, payload: unknown = {}, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, payload: payload as object, headers: { ...bearer(tokens[p]), ...headers } })
async function upload(p: string) {
  const body = multipartBody([{ field: 'file', filename: 'proof.pdf', type: 'application/pdf', data: Buffer.concat([samples.pdf, Buffer.from(String(Math.random()))]) }])
  const res = await t.app.inject({ method: 'POST', url: '/api/uploads', payload: body.payload, headers: { ...bearer(tokens[p]), ...body.headers } })
  assert.equal(res.statusCode, 201, res.body)
  return res.json().id as string
}
const DESCRIPTION = '该公司在官网宣称产品获得国家级认证，经查询并无此认证，属于虚假宣传。'
const file = (p: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  post(p, '/api/dishonesty-reports', { uscc: YUNQI, category: 'false_advertising', description: DESCRIPTION, attachmentIds: [], ...extra }, headers)
const officer = (id: string, action: string, body: unknown = {}, who = 'staff-officer') => post(who, `/api/officer/dishonesty-reports/${id}/${action}`, body)
const kinds = async (subjectId: string) =>
  (await t.ctx.db.selectFrom('messages').select('kind').where('subject_id', '=', subjectId).where('kind', 'like', 'dishonesty_report_%').orderBy('created_at').execute()).map((m) => m.kind)
const openDeadlines = async (id: string) => (await t.ctx.db.selectFrom('deadlines').select('step').where('case_id', '=', id).where('done_at', 'is', null).execute()).map((d) => d.step)

describe('filing a report', () => {
  it('refuses a wrong check digit, an unknown category, a short description and too much evidence, in Chinese', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ uscc: '91330106MA2H3K5Q7M' }, /校验位不正确/],
      [{ uscc: '9133' }, /应为18位/],
      [{ uscc: undefined }, /请填写被举报企业的统一社会信用代码/],
      [{ category: 'gossip' }, /请选择举报类别/],
      [{ description: '很差' }, /至少 20 个字/],
      [{ description: 'x'.repeat(2001) }, /不能超过 2000 个字/],
      [{ attachmentIds: Array.from({ length: 10 }, (_, i) => `u${i}`) }, /最多 9 个文件/],
    ]
    for (const [extra, message] of cases) {
      const res = await file('citizen-new', extra)
      assert.equal(res.statusCode, 400, JSON.stringify(extra))
      assert.match(res.json().error.message, message)
    }
    const self = await file('agent-yunqi', {}, { 'x-subject': YUNQI })
    assert.deepEqual([self.statusCode, self.json().error.message], [400, '不能举报本单位，请核对被举报企业的统一社会信用代码'])
    assert.equal((await t.ctx.db.selectFrom('dishonesty_reports').select('id').execute()).length, 0)
  })

  it('files once under a retried Idempotency-Key; lists it for the reporter only; another subject gets 404', async () => {
    const evidence = await upload('citizen-new')
    const key = { 'idempotency-key': 'dishonesty-report-0001' }
    const a = await file('citizen-new', { attachmentIds: [evidence], uscc: YUNQI.toLowerCase() }, key)
    const b = await file('citizen-new', { attachmentIds: [evidence], uscc: YUNQI.toLowerCase() }, key)
    assert.equal(a.statusCode, 201, a.body)
    assert.equal(b.json().id, a.json().id)
    const r = a.json()
    assert.deepEqual([r.status, r.uscc, r.enterpriseName, r.categoryLabel, r.attachments.length], ['已提交', YUNQI, '杭州云栖数字科技有限公司', '虚假宣传、价格欺诈', 1])
    assert.deepEqual(r.steps.map((s: { status: string }) => s.status), ['已提交', '已受理', '核查中', '已办结'])
    assert.match(r.dueDate, /^\d{4}-\d{2}-\d{2}$/)
    assert.deepEqual(await kinds('person-zhou'), ['dishonesty_report_filed'])
    assert.deepEqual(await openDeadlines(r.id), ['accept'])
    assert.deepEqual((await get('citizen-new', '/api/dishonesty-reports')).json().items.map((x: { id: string }) => x.id), [r.id])
    assert.equal((await get('citizen-red', `/api/dishonesty-reports/${r.id}`)).statusCode, 404)
    assert.deepEqual((await get('citizen-red', '/api/dishonesty-reports')).json().items, [])
    assert.equal((await get('agent-yunqi', `/api/dishonesty-reports/${r.id}`, { 'x-subject': YUNQI })).statusCode, 404)
    // before acceptance no officer reads the evidence (it may show who the reporter is)
    assert.equal((await get('staff-officer', `/api/uploads/${evidence}`)).statusCode, 404)
  })

  it('the reporter pages through many reports with the cursor, newest first, none twice', async () => {
    for (let i = 0; i < 23; i++) assert.equal((await file('citizen-red', { description: `${DESCRIPTION}（第 ${i} 次）` })).statusCode, 201)
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const page: { items: { id: string; description: string }[]; nextCursor: string | null } = (await get('citizen-red', `/api/dishonesty-reports${cursor ? `?cursor=${cursor}` : ''}`)).json()
      seen.push(...page.items.map((x) => x.id))
      cursor = page.nextCursor
    } while (cursor)
    assert.equal(new Set(seen).size, 23)
    assert.equal((await get('citizen-red', '/api/dishonesty-reports?cursor=bad')).statusCode, 400)
  })
})

describe('officer transitions', () => {
  it('accept → verify → conclude, each once, with messages and deadlines; every skipped or repeated step is 409; citizens get 403', async () => {
    const id = (await file('citizen-new')).json().id
    assert.equal((await get('citizen-new', '/api/officer/dishonesty-reports')).statusCode, 403)
    assert.equal((await post('citizen-new', `/api/officer/dishonesty-reports/${id}/accept`)).statusCode, 403)
    const early = [await officer(id, 'verify'), await officer(id, 'conclude', { outcome: 'substantiated', reply: '已查实。' })]
    assert.deepEqual(early.map((r) => [r.statusCode, r.json().error.message]), [[409, '请先受理该举报，再开始核查'], [409, '请先开始核查，再办结该举报']])
    const accepted = await officer(id, 'accept')
    assert.equal(accepted.statusCode, 200, accepted.body)
    assert.equal(accepted.json().status, '已受理')
    assert.deepEqual(await openDeadlines(id), ['conclude'])
    assert.deepEqual([(await officer(id, 'accept')).statusCode, (await officer(id, 'accept')).json().error.message], [409, '该举报当前为“已受理”，不能重复受理'])
    const notMine = await officer(id, 'verify', {}, 'other-officer')
    assert.deepEqual([notMine.statusCode, notMine.json().error.code], [409, 'HANDLED_BY_ANOTHER'])
    assert.equal((await officer(id, 'conclude', { outcome: 'partly' })).statusCode, 400)
    const verifying = await officer(id, 'verify', { note: '已转市场监管部门现场核查' })
    assert.deepEqual([verifying.statusCode, verifying.json().status], [200, '核查中'])
    const bad = await officer(id, 'conclude', { outcome: 'maybe', reply: '答复' })
    assert.match(bad.json().error.message, /请选择核查结论/)
    const done = await officer(id, 'conclude', { outcome: 'substantiated', reply: '经核查，举报属实，已责令改正并立案处理。' })
    assert.equal(done.statusCode, 200, done.body)
    const again = await officer(id, 'conclude', { outcome: 'unsubstantiated', reply: '再次办结。' })
    assert.deepEqual([again.statusCode, again.json().error.message], [409, '该举报已办结，不能再次处理'])
    const mine = (await get('citizen-new', `/api/dishonesty-reports/${id}`)).json()
    assert.deepEqual([mine.status, mine.outcomeLabel, mine.reply, mine.dueDate], ['已办结', '举报属实', '经核查，举报属实，已责令改正并立案处理。', null])
    assert.deepEqual(mine.steps.map((s: { done: boolean }) => s.done), [true, true, true, true])
    assert.equal(mine.steps[2].note, '已转市场监管部门现场核查')
    assert.deepEqual(await openDeadlines(id), [])
    const msgs = await t.ctx.db.selectFrom('messages').select(['kind', 'link']).where('link', 'like', `%${id}`).orderBy('created_at').execute()
    assert.deepEqual(msgs.map((m) => m.kind), ['dishonesty_report_filed', 'dishonesty_report_accepted', 'dishonesty_report_verifying', 'dishonesty_report_concluded'])
    assert.equal(msgs[0].link, `/packages/cases/pages/report/index?id=${id}`)
    assert.equal((await officer('no-such-report', 'accept')).statusCode, 404)
  })

  it('20 concurrent accepts: one wins; 20 concurrent conclusions: one applies, one message', async () => {
    const id = (await file('citizen-new')).json().id
    const accepts = await Promise.all(Array.from({ length: 20 }, (_, i) => officer(id, 'accept', {}, i % 2 ? 'staff-officer' : 'other-officer')))
    assert.equal(accepts.filter((r) => r.statusCode === 200).length, 1)
    assert.ok(accepts.filter((r) => r.statusCode !== 200).every((r) => r.statusCode === 409))
    const winner = accepts.findIndex((r) => r.statusCode === 200) % 2 ? 'staff-officer' : 'other-officer'
    assert.equal((await officer(id, 'verify', {}, winner)).statusCode, 200)
    const ends = await Promise.all(Array.from({ length: 20 }, (_, i) => officer(id, 'conclude', { outcome: i % 2 ? 'substantiated' : 'unsubstantiated', reply: `并发答复 ${i}` }, winner)))
    assert.equal(ends.filter((r) => r.statusCode === 200).length, 1)
    assert.ok(ends.filter((r) => r.statusCode !== 200).every((r) => r.statusCode === 409))
    const concluded = await t.ctx.db.selectFrom('messages').select('id').where('kind', '=', 'dishonesty_report_concluded').where('link', 'like', `%${id}`).execute()
    assert.equal(concluded.length, 1)
    const accepted = await t.ctx.db.selectFrom('messages').select('id').where('kind', '=', 'dishonesty_report_accepted').where('link', 'like', `%${id}`).execute()
    assert.equal(accepted.length, 1)
  })

  it('the queue pages open reports oldest first; a status filter shows only that state', async () => {
    const seen: { id: string; filedAt: string; status: string }[] = []
    let cursor: string | null = null
    do {
      const page: { items: typeof seen; nextCursor: string | null } = (await get('staff-officer', `/api/officer/dishonesty-reports${cursor ? `?cursor=${cursor}` : ''}`)).json()
      seen.push(...page.items)
      cursor = page.nextCursor
    } while (cursor)
    assert.ok(seen.length > 20)
    assert.ok(seen.every((r) => r.status !== '已办结'))
    assert.deepEqual(seen.map((r) => r.filedAt), [...seen.map((r) => r.filedAt)].sort())
    const done = (await get('staff-officer', '/api/officer/dishonesty-reports?status=已办结')).json().items as { status: string }[]
    assert.ok(done.length >= 2 && done.every((r) => r.status === '已办结'))
    assert.equal((await get('staff-officer', '/api/officer/dishonesty-reports?status=x')).statusCode, 400)
  })
})
