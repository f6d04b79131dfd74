import assert from 'node:assert/strict'
import crypto from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { addCalendarDays, chinaDate } from '../../../src/domain/dates'
import { addMonths } from '../../../src/domain/publicity'
import { usccCheckChar } from '../../../src/domain/uscc'
import { runJob } from '../../jobs/jobs'
import { createRecord } from '../../records/lifecycle'
import { setTaskSource } from '../../repairs/tasks'
import { bearer, loginAs, startTestApp, type TestApp } from '../../testing/app'
import { multipartBody, samples } from '../../testing/multipart'
import { signaturePng } from '../../testing/png'

let t: TestApp
const tokens: Record<string, string> = {}
const PERSONAS = ['citizen-repairable', 'citizen-serious', 'citizen-blacklist', 'citizen-new', 'citizen-red', 'agent-yunqi', 'staff-officer', 'staff-organizer']
before(async () => {
  t = await startTestApp()
  for (const p of PERSONAS) tokens[p] = (await loginAs(t.app, p)).accessToken
})
after(async () => {
  setTaskSource()
  await t.close()
})

const LI_RECORD = 'rec-li-fire-penalty'
const YUNQI = { 'x-subject': `91330106MA2H3K5Q7${usccCheckChar('91330106MA2H3K5Q7')}` }
const today = chinaDate()
const get = (p: string, url: string, headers: Record<string, string> = {}) => t.app.inject({ url, headers: { ...bearer(tokens[p]), ...headers } })
const post = (p: string, url: string, payload: unknown = {}, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, payload: payload as object, headers: { ...bearer(tokens[p]), ...headers } })

async function upload(p: string, headers: Record<string, string> = {}) {
  const body = multipartBody([{ field: 'file', filename: 'proof.pdf', type: 'application/pdf', data: Buffer.concat([samples.pdf, Buffer.from(crypto.randomUUID())]) }])
  const res = await t.app.inject({ method: 'POST', url: '/api/uploads', payload: body.payload, headers: { ...bearer(tokens[p]), ...headers, ...body.headers } })
  assert.equal(res.statusCode, 201, res.body)
  return res.json().id as string
}
async function sign(p: string, templateId = 'tpl-repair', headers: Record<string, string> = {}) {
  const tpl = (await get(p, `/api/commitments/templates/${templateId}`, headers)).json()
  const png = `data:image/png;base64,${signaturePng().toString('base64')}`
  const res = await post(p, '/api/commitments', { templateId, version: tpl.version, textSha256: tpl.textSha256, agreed: true, signaturePng: png }, headers)
  assert.equal(res.statusCode, 201, res.body)
  return res.json().id as string
}
/** Confirmed hours as the public-service module credits them: one ledger row per source. */
async function creditHours(subjectId: string, hours: number) {
  await t.ctx.db.insertInto('service_hours').values({ id: crypto.randomUUID(), subject_id: subjectId, source: 'hour_code', source_id: crypto.randomUUID(), hours, title: '社区公益服务', organization: '杭州市志愿者协会' }).execute()
}
const apply = (p: string, body: Record<string, unknown>, headers: Record<string, string> = {}) => post(p, '/api/repairs', body, headers)
const decide = (id: string, body: unknown, p = 'staff-officer') => post(p, `/api/officer/repairs/${id}/decision`, body)
const item = async (p: string, recordId: string, headers: Record<string, string> = {}) =>
  (await get(p, '/api/repairs/eligibility', headers)).json().items.find((i: { recordId: string }) => i.recordId === recordId)
const score = async (p: string, headers: Record<string, string> = {}) => (await get(p, '/api/credit/overview', headers)).json().score as number
const status = async (id: string) => (await t.ctx.db.selectFrom('credit_records').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status
const messageKinds = async (subjectId: string) =>
  (await t.ctx.db.selectFrom('messages').select('kind').where('subject_id', '=', subjectId).where('kind', 'like', 'repair_%').orderBy('created_at').orderBy('id').execute()).map((m) => m.kind)

/** A negative record of `subjectId`, decided `monthsAgo` months before today (轻微: repairable at once). */
async function negativeRecord(subjectId: string, severity: '轻微' | '一般' | '严重', decisionDate: string, extra: { kind?: string; list?: { kind: 'black'; name: string }; obligation?: string } = {}) {
  const { id } = await createRecord(t.ctx.db, {
    subjectId, kind: extra.kind ?? '行政处罚', polarity: 'negative', severity, title: `测试处罚 ${crypto.randomUUID().slice(0, 6)}`, content: '处罚款。',
    department: '杭州市上城区市场监督管理局', documentNo: '杭上市监罚〔2026〕1号', legalBasis: null, decisionDate, list: extra.list ?? null,
    obligation: extra.obligation ? { duty: extra.obligation } : null,
  }, { kind: 'officer', name: '测试' })
  return id
}

describe('eligibility: whether, how and from when each negative record can be repaired', () => {
  it('shows every negative record of the subject with its state, date, what is missing and the score before and after', async () => {
    const li = await item('citizen-repairable', LI_RECORD)
    assert.equal(li.state, 'later')
    assert.deepEqual(li.missing, ['还需参加公益服务 10 小时（已确认 0 / 需 10 小时）'])
    assert.deepEqual([li.hoursRequired, li.hoursConfirmed, li.scoreNow, li.scoreAfter], [10, 0, 570, 620])
    assert.equal(li.scoreNow, await score('citizen-repairable'))
    assert.ok(li.eligibleFrom <= today)
    const wang = (await get('citizen-serious', '/api/repairs/eligibility')).json().items
    assert.equal(wang.length, 1)
    assert.equal(wang[0].state, 'later')
    assert.ok(wang[0].eligibleFrom > today)
    assert.match(wang[0].missing[0], /严重失信信息需公示满 12 个月/)
    const sun = (await get('citizen-blacklist', '/api/repairs/eligibility')).json().items
    assert.deepEqual(sun.map((i: { state: string; missing: string[] }) => [i.state, i.missing]), [['never', ['依照法律、法规规定，该类失信信息不予修复']]])
    assert.equal((await get('citizen-new', '/api/repairs/eligibility')).json().items.length, 0)
    assert.equal((await t.app.inject({ url: '/api/repairs/eligibility' })).statusCode, 401)
  })
})

describe('applying', () => {
  it('refuses while hours are short, with a foreign or wrong commitment; applies once under retry; a second open one is 409', async () => {
    const commitment = await sign('citizen-repairable')
    const proof = await upload('citizen-repairable')
    const early = await apply('citizen-repairable', { recordId: LI_RECORD, commitmentId: commitment, attachmentIds: [proof] })
    assert.deepEqual([early.statusCode, early.json().error.code], [400, 'NOT_YET_REPAIRABLE'])
    assert.match(early.json().error.message, /还需参加公益服务 10 小时/)
    await creditHours('person-li', 9)
    assert.match((await apply('citizen-repairable', { recordId: LI_RECORD, commitmentId: commitment, attachmentIds: [proof] })).json().error.message, /还需参加公益服务 1 小时/)
    await creditHours('person-li', 1)
    assert.equal((await item('citizen-repairable', LI_RECORD)).state, 'eligible')

    const foreign = await apply('citizen-repairable', { recordId: LI_RECORD, commitmentId: await sign('citizen-red'), attachmentIds: [proof] })
    assert.equal(foreign.statusCode, 404)
    const wrongKind = await apply('citizen-repairable', { recordId: LI_RECORD, commitmentId: await sign('citizen-repairable', 'tpl-person-benefit'), attachmentIds: [proof] })
    assert.deepEqual([wrongKind.statusCode, wrongKind.json().error.code], [400, 'WRONG_COMMITMENT'])
    const otherRecord = await apply('citizen-repairable', { recordId: 'rec-wang-food-safety', commitmentId: commitment, attachmentIds: [proof] })
    assert.equal(otherRecord.statusCode, 404)
    const positive = await apply('citizen-repairable', { recordId: 'rec-li-volunteer', commitmentId: commitment, attachmentIds: [proof] })
    assert.deepEqual([positive.statusCode, positive.json().error.message], [400, '守信记录无需修复'])
    const bad = await apply('citizen-repairable', { recordId: '', commitmentId: commitment })
    assert.deepEqual([bad.statusCode, bad.json().error.message], [400, '请填写要修复的信用记录'])
    assert.deepEqual(await messageKinds('person-li'), [])

    const key = { 'idempotency-key': 'repair-apply-retry-0001' }
    const body = { recordId: LI_RECORD, commitmentId: commitment, attachmentIds: [proof] }
    const [a, b] = [await apply('citizen-repairable', body, key), await apply('citizen-repairable', body, key)]
    assert.equal(a.statusCode, 201, a.body)
    assert.deepEqual([b.statusCode, b.json().id], [201, a.json().id])
    const r = a.json()
    assert.deepEqual([r.status, r.recordId, r.scoreExpected, r.attachments.map((x: { id: string }) => x.id), r.commitment.id], ['审核中', LI_RECORD, 630, [proof], commitment])
    assert.deepEqual(r.steps.map((s: { status: string }) => s.status), ['已提交', '平台审核', '作出决定'])
    assert.ok(r.steps[1].dueDate < r.steps[2].dueDate && r.dueDate === r.steps[2].dueDate)
    assert.deepEqual(await messageKinds('person-li'), ['repair_filed'])
    const deadlines = await t.ctx.db.selectFrom('deadlines').select(['step', 'link']).where('case_id', '=', r.id).where('done_at', 'is', null).orderBy('step').execute()
    assert.deepEqual(deadlines.map((d) => d.step), ['decision', 'reply'])
    assert.equal(deadlines[0].link, `/packages/officer/pages/repair/index?id=${r.id}`)

    const second = await apply('citizen-repairable', { recordId: LI_RECORD, commitmentId: await sign('citizen-repairable'), attachmentIds: [await upload('citizen-repairable')] })
    assert.deepEqual([second.statusCode, second.json().error.code], [409, 'REPAIR_OPEN'])
    assert.deepEqual((await item('citizen-repairable', LI_RECORD)).missing, ['已有一份修复申请正在办理，请等待结果'])
    const mine = (await get('citizen-repairable', '/api/repairs')).json()
    assert.deepEqual([mine.items.map((x: { id: string }) => x.id), mine.nextCursor], [[r.id], null])
    assert.equal((await get('citizen-repairable', `/api/repairs/${r.id}`)).json().id, r.id)
    assert.equal((await get('citizen-red', `/api/repairs/${r.id}`)).statusCode, 404)
    assert.equal((await get('citizen-repairable', '/api/repairs?cursor=garbage')).statusCode, 400)
  })
})

describe('the officer', () => {
  it('a citizen or an organizer on officer routes is 403; the queue is by due date; the case shows proof, commitment and hours', async () => {
    for (const p of ['citizen-repairable', 'staff-organizer']) {
      assert.equal((await get(p, '/api/officer/repairs')).statusCode, 403)
      assert.equal((await decide('anything', { outcome: 'approve', reasons: '同意。' }, p)).statusCode, 403)
    }
    const queue = (await get('staff-officer', '/api/officer/repairs')).json()
    const open = queue.items.find((x: { recordId: string }) => x.recordId === LI_RECORD)
    assert.ok(open)
    const dues = queue.items.map((x: { steps: { dueDate: string }[] }) => x.steps[1].dueDate)
    assert.deepEqual(dues, [...dues].sort())
    assert.equal((await get('staff-officer', '/api/officer/repairs?status=不存在')).statusCode, 400)
    assert.equal((await get('staff-officer', '/api/officer/repairs/nope')).statusCode, 404)
    const c = (await get('staff-officer', `/api/officer/repairs/${open.id}`)).json()
    assert.deepEqual([c.subject.name, c.hours, c.score, c.record.history[0].status], ['李建国', { required: 10, confirmed: 10 }, { now: 580, after: 630 }, '公示中'])
    assert.equal((await get('staff-officer', c.attachments[0].url)).statusCode, 200)
    assert.equal((await get('citizen-red', c.attachments[0].url)).statusCode, 404)
    const noReason = await decide(open.id, { outcome: 'approve', reasons: '' })
    assert.deepEqual([noReason.statusCode, noReason.json().error.message], [400, '请填写决定理由'])
    assert.equal((await decide(open.id, { outcome: 'maybe', reasons: '理由' })).statusCode, 400)
  })

  it('approval: the record turns 已修复, the score rises exactly as the planner predicted, a second decision is 409', async () => {
    setTaskSource(async () => [{ id: 'task-1', title: '社区图书整理', date: addCalendarDays(today, 3), hours: 2 }])
    const plan = (await get('citizen-repairable', '/api/repairs/plan')).json()
    setTaskSource()
    assert.equal(plan.scoreNow, 580) // 570 from the records, +10 for the 10 confirmed hours
    const step = plan.steps.find((s: { recordId: string }) => s.recordId === LI_RECORD)
    // the hours are there (10/10): no task is needed for this record
    assert.deepEqual([step.kind, step.tasks, step.todo, step.scoreAfter, step.levelAfter], ['repair', [], [], 630, '良好'])
    assert.match(plan.summary, /^按这个顺序，您的信用分预计在 .+回到“良好”$/)
    const { id } = (await get('staff-officer', '/api/officer/repairs')).json().items.find((x: { recordId: string }) => x.recordId === LI_RECORD)
    const res = await decide(id, { outcome: 'approve', reasons: '已缴清罚款并完成公益服务，准予修复。' })
    assert.equal(res.statusCode, 200, res.body)
    assert.deepEqual([res.json().status, res.json().outcomeLabel], ['已通过', '准予修复'])
    assert.equal(await status(LI_RECORD), '已修复')
    assert.equal(await score('citizen-repairable'), step.scoreAfter)
    const history = (await get('citizen-repairable', `/api/credit/records/${LI_RECORD}`)).json().history
    assert.deepEqual([history.at(-1).status, history.at(-1).actor], ['已修复', '杭州市发展和改革委员会（市信用办）'])
    assert.deepEqual(await messageKinds('person-li'), ['repair_filed', 'repair_approved'])
    // met by the department's data before: the approval keeps that source and day
    const obligation = (await get('citizen-repairable', `/api/credit/records/${LI_RECORD}`)).json().obligation
    assert.deepEqual([obligation.source, obligation.metOn < today], ['部门推送', true])
    assert.equal((await t.ctx.db.selectFrom('deadlines').select('id').where('case_id', '=', id).where('done_at', 'is', null).execute()).length, 0)
    const again = await decide(id, { outcome: 'reject', reasons: '重复决定。' })
    assert.deepEqual([again.statusCode, again.json().error.code], [409, 'REPAIR_DECIDED'])
    assert.deepEqual([(await item('citizen-repairable', LI_RECORD)).state, (await item('citizen-repairable', LI_RECORD)).missing], ['never', ['该记录已修复，无需再次申请']])
  })

  it('a repaired entry leaves the public lists (an enterprise on the black list, applied for by its agent)', async () => {
    const recordId = await negativeRecord('ent-yunqi', '轻微', today, { list: { kind: 'black', name: '严重失信主体名单' } })
    const listed = async () => (await t.app.inject({ url: '/api/public/lists?list=black&q=杭州云栖数字科技有限公司' })).json().items.length
    assert.equal(await listed(), 1)
    const res = await apply('agent-yunqi', { recordId, commitmentId: await sign('agent-yunqi', 'tpl-repair', YUNQI), attachmentIds: [await upload('agent-yunqi', YUNQI)] }, YUNQI)
    assert.equal(res.statusCode, 201, res.body)
    assert.equal((await get('agent-yunqi', `/api/repairs/${res.json().id}`)).statusCode, 404) // acting as himself, not the enterprise
    assert.equal((await decide(res.json().id, { outcome: 'approve', reasons: '准予修复。' })).statusCode, 200)
    assert.equal(await listed(), 0)
  })

  it('rejection: reasons are shown, the citizen may apply again with a new commitment and new proof', async () => {
    const recordId = await negativeRecord('person-zhou', '轻微', today)
    const commitment = await sign('citizen-new')
    const first = (await apply('citizen-new', { recordId, commitmentId: commitment, attachmentIds: [await upload('citizen-new')] })).json()
    const res = await decide(first.id, { outcome: 'reject', reasons: '缴款凭证不清晰，请重新上传' })
    assert.equal(res.statusCode, 200, res.body)
    assert.deepEqual([res.json().status, res.json().decisionReasons, res.json().steps[2].reasons], ['未通过', '缴款凭证不清晰，请重新上传', '缴款凭证不清晰，请重新上传'])
    assert.equal(await status(recordId), '公示中')
    const e = await item('citizen-new', recordId)
    assert.deepEqual([e.state, e.lastRejection.reasons], ['eligible', '缴款凭证不清晰，请重新上传'])
    assert.deepEqual(await messageKinds('person-zhou'), ['repair_filed', 'repair_rejected'])
    const reused = await apply('citizen-new', { recordId, commitmentId: commitment, attachmentIds: [await upload('citizen-new')] })
    assert.deepEqual([reused.statusCode, reused.json().error.code], [409, 'COMMITMENT_USED'])
    const again = await apply('citizen-new', { recordId, commitmentId: await sign('citizen-new'), attachmentIds: [await upload('citizen-new')] })
    assert.equal(again.statusCode, 201, again.body)
    assert.equal((await get('citizen-new', '/api/repairs')).json().items.length, 2)
  })

  it('an objection while a repair is open is refused (409) and the repair is then decided; a repair while an objection is open likewise', async () => {
    const recordId = await negativeRecord('person-zhou', '轻微', today)
    const filed = (await apply('citizen-new', { recordId, commitmentId: await sign('citizen-new'), attachmentIds: [await upload('citizen-new')] })).json()
    const objection = await post('citizen-new', '/api/objections', { recordId, reason: 'wrong_info', description: '处罚对象不是本人经营的店铺，请核查。', attachmentIds: [] })
    assert.deepEqual([objection.statusCode, objection.json().error.code], [409, 'REPAIR_OPEN'])
    assert.match(objection.json().error.message, /^该记录有正在办理的信用修复申请（编号 .+），修复决定作出前不能提出异议/)
    assert.equal(await status(recordId), '公示中')
    assert.equal((await decide(filed.id, { outcome: 'approve', reasons: '准予修复。' })).statusCode, 200)
    assert.equal(await status(recordId), '已修复')

    const other = await negativeRecord('person-zhou', '轻微', today)
    assert.equal((await post('citizen-new', '/api/objections', { recordId: other, reason: 'wrong_info', description: '处罚对象不是本人经营的店铺，请核查。', attachmentIds: [] })).statusCode, 201)
    const repair = await apply('citizen-new', { recordId: other, commitmentId: await sign('citizen-new'), attachmentIds: [await upload('citizen-new')] })
    assert.deepEqual([repair.statusCode, repair.json().error.code], [409, 'OBJECTION_OPEN'])
    assert.match(repair.json().error.message, /^该记录有正在办理的异议（编号 .+），异议办结后才能申请信用修复$/)
  })
})

describe('the obligation', () => {
  const unpaid = (severity: '轻微' | '一般', decisionDate: string) =>
    createRecord(t.ctx.db, {
      subjectId: 'person-chen', kind: '行政处罚', polarity: 'negative', severity, title: `未缴罚款 ${crypto.randomUUID().slice(0, 6)}`, content: '处罚款人民币捌佰元整。',
      department: '杭州市上城区市场监督管理局', documentNo: '杭上市监罚〔2026〕9号', legalBasis: null, decisionDate, obligation: { duty: '缴纳罚款 800 元' },
    }, { kind: 'officer', name: '测试' }).then((r) => r.id)
  const obligation = async (recordId: string) => (await get('citizen-red', `/api/credit/records/${recordId}`)).json().obligation

  it('met by department data: the record says so, and an approval keeps that source', async () => {
    const li = (await get('citizen-repairable', `/api/credit/records/${LI_RECORD}`)).json().obligation
    assert.deepEqual([li.duty, li.source], ['缴纳罚款 5,000 元', '部门推送'])
    assert.ok(li.metOn < today)
    assert.equal((await get('citizen-repairable', '/api/credit/records/rec-li-volunteer')).json().obligation.duty, null)
  })

  it('not on record, only thing missing: eligible with the missing item; filed with proof; the approval records it met (修复审核确认)', async () => {
    const recordId = await unpaid('轻微', today)
    assert.deepEqual(await obligation(recordId), { duty: '缴纳罚款 800 元', metOn: null, source: null })
    const e = await item('citizen-red', recordId)
    assert.deepEqual([e.state, e.obligationMet, e.missing], ['eligible', false, ['尚未查到履行记录：请先履行“缴纳罚款 800 元”，申请时上传缴款凭证等履行证明']])
    const noProof = await apply('citizen-red', { recordId, commitmentId: await sign('citizen-red'), attachmentIds: [] })
    assert.deepEqual([noProof.statusCode, noProof.json().error.code], [400, 'PROOF_REQUIRED'])

    const first = (await apply('citizen-red', { recordId, commitmentId: await sign('citizen-red'), attachmentIds: [await upload('citizen-red')] })).json()
    assert.equal((await decide(first.id, { outcome: 'reject', reasons: '缴款凭证金额与处罚决定不符' })).statusCode, 200)
    assert.deepEqual(await obligation(recordId), { duty: '缴纳罚款 800 元', metOn: null, source: null })

    const second = await apply('citizen-red', { recordId, commitmentId: await sign('citizen-red'), attachmentIds: [await upload('citizen-red')] })
    assert.equal(second.statusCode, 201, second.body)
    assert.equal((await decide(second.json().id, { outcome: 'approve', reasons: '缴款凭证核实无误，准予修复。' })).statusCode, 200)
    assert.deepEqual(await obligation(recordId), { duty: '缴纳罚款 800 元', metOn: today, source: '修复审核确认' })
    const row = await t.ctx.db.selectFrom('credit_records').select('obligation_met_repair_id').where('id', '=', recordId).executeTakeFirstOrThrow()
    assert.equal(row.obligation_met_repair_id, second.json().id)
  })

  it('not on record and anything else missing: later, and an application is refused naming both', async () => {
    const recordId = await unpaid('一般', addMonths(today, -1))
    const e = await item('citizen-red', recordId)
    assert.equal(e.state, 'later')
    assert.ok(e.missing.some((m: string) => m.startsWith('尚未查到履行记录')))
    const res = await apply('citizen-red', { recordId, commitmentId: await sign('citizen-red'), attachmentIds: [await upload('citizen-red')] })
    assert.deepEqual([res.statusCode, res.json().error.code], [400, 'NOT_YET_REPAIRABLE'])
    assert.match(res.json().error.message, /公示满 3 个月.*尚未查到履行记录/)
  })
})

describe('concurrency', () => {
  it('20 concurrent applications for one record: exactly one is filed', async () => {
    const recordId = await negativeRecord('person-zhou', '轻微', today)
    const inputs = await Promise.all(Array.from({ length: 20 }, async () => ({ recordId, commitmentId: await sign('citizen-new'), attachmentIds: [await upload('citizen-new')] })))
    const results = await Promise.all(inputs.map((b) => apply('citizen-new', b)))
    assert.equal(results.filter((r) => r.statusCode === 201).length, 1)
    assert.ok(results.filter((r) => r.statusCode !== 201).every((r) => r.statusCode === 409), results.map((r) => r.statusCode).join())
    assert.equal((await t.ctx.db.selectFrom('repair_applications').select('id').where('record_id', '=', recordId).execute()).length, 1)
  })

  it('10 objections and 10 repair applications at once for one record: exactly one of all is filed', async () => {
    const recordId = await negativeRecord('person-zhou', '轻微', today)
    const proof = await upload('citizen-new') // only the one filed takes it
    const repairs = await Promise.all(Array.from({ length: 10 }, async () => ({ recordId, commitmentId: await sign('citizen-new'), attachmentIds: [proof] })))
    const objection = { recordId, reason: 'wrong_info', description: '处罚对象不是本人经营的店铺，请核查。', attachmentIds: [] }
    const results = await Promise.all([...repairs.map((b) => apply('citizen-new', b)), ...repairs.map(() => post('citizen-new', '/api/objections', objection))])
    assert.equal(results.filter((r) => r.statusCode === 201).length, 1, results.map((r) => r.statusCode).join())
    assert.ok(results.filter((r) => r.statusCode !== 201).every((r) => r.statusCode === 409), results.map((r) => r.statusCode).join())
    const [applications, objections] = await Promise.all([
      t.ctx.db.selectFrom('repair_applications').select('id').where('record_id', '=', recordId).execute(),
      t.ctx.db.selectFrom('objections').select('id').where('record_id', '=', recordId).execute(),
    ])
    assert.equal(applications.length + objections.length, 1)
  })

  it('20 concurrent decisions: exactly one applies, one event, one message, the obligation recorded by an approval only', async () => {
    const recordId = await negativeRecord('person-zhou', '轻微', today, { obligation: '缴纳罚款 200 元' })
    const { id } = (await apply('citizen-new', { recordId, commitmentId: await sign('citizen-new'), attachmentIds: [await upload('citizen-new')] })).json()
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => decide(id, { outcome: i % 2 ? 'reject' : 'approve', reasons: `并发决定 ${i}` })))
    assert.equal(results.filter((r) => r.statusCode === 200).length, 1)
    assert.ok(results.filter((r) => r.statusCode !== 200).every((r) => r.statusCode === 409))
    const events = await t.ctx.db.selectFrom('credit_record_events').select('event').where('record_id', '=', recordId).where('event', '=', 'approve_repair').execute()
    const winner = results.find((r) => r.statusCode === 200)!.json()
    assert.equal(events.length, winner.outcome === 'approve' ? 1 : 0)
    const decided = await t.ctx.db.selectFrom('messages').select('id').where('kind', 'in', ['repair_approved', 'repair_rejected']).where('link', 'like', `%${id}`).execute()
    assert.equal(decided.length, 1)
    const met = await t.ctx.db.selectFrom('credit_records').select(['obligation_met_source', 'obligation_met_repair_id']).where('id', '=', recordId).executeTakeFirstOrThrow()
    assert.deepEqual([met.obligation_met_source, met.obligation_met_repair_id], winner.outcome === 'approve' ? ['修复审核确认', id] : [null, null])
  })
})

describe('the day a record becomes repairable', () => {
  it('the job tells the subject once, on the day (not the day before), never for an unrepairable kind', async () => {
    const onTheDay = await negativeRecord('person-chen', '一般', addMonths(addCalendarDays(today, 1), -3)) // repairable from tomorrow
    const sent = async () => (await t.ctx.db.selectFrom('messages').select(['dedupe_key', 'body', 'link']).where('kind', '=', 'record_repairable').execute())
    await runJob(t.ctx, 'repair-notices')
    const first = await sent()
    assert.ok(!first.some((m) => m.dedupe_key === `record_repairable:${onTheDay}`))
    assert.ok(!first.some((m) => m.dedupe_key === 'record_repairable:rec-sun-judgment-debtor'))
    assert.ok(!first.some((m) => m.dedupe_key === 'record_repairable:rec-wang-food-safety'))
    const tomorrow = new Date(Date.now() + 86400_000)
    await runJob(t.ctx, 'repair-notices', tomorrow)
    const second = await sent()
    const told = second.find((m) => m.dedupe_key === `record_repairable:${onTheDay}`)
    assert.ok(told)
    assert.match(told.body, /起可以申请信用修复.*还需：还需参加公益服务 10 小时/)
    assert.match(told.body, /免费办理/)
    assert.equal(told.link, '/packages/repair/pages/planner/index')
    assert.deepEqual(await runJob(t.ctx, 'repair-notices', tomorrow), { sent: 0 })
  })
})
