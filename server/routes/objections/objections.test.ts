import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { ESTIMATED_NOTE } from '../../../src/domain/working-days'
import { signAccessToken } from '../../auth/jwt'
import { setDeadline } from '../../deadlines/deadlines'
import { runJob } from '../../jobs/jobs'
import { createRecord } from '../../records/lifecycle'
import { bearer, loginAs, startTestApp, type TestApp } from '../../testing/app'
import { multipartBody, samples } from '../../testing/multipart'

let t: TestApp
const tokens: Record<string, string> = {}
before(async () => {
  t = await startTestApp()
  for (const p of ['citizen-objection', 'citizen-blacklist', 'citizen-red', 'agent-yunqi', 'staff-officer', 'staff-officer-housing']) tokens[p] = (await loginAs(t.app, p)).accessToken
})
after(() => t.close())

const ZHAO_RECORD = 'rec-zhao-rent-arrears'
const SUN_RECORD = 'rec-sun-judgment-debtor'
const auth = (p: string) => (tokens[p] ? bearer(tokens[p]) : bearer(p))
const get = (p: string, url: string) => t.app.inject({ url, headers: auth(p) })
const post = (p: string, url: string, payload: unknown = {}, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, payload: payload as object, headers: { ...auth(p), ...headers } })
async function upload(p: string) {
  const body = multipartBody([{ field: 'file', filename: 'proof.pdf', type: 'application/pdf', data: Buffer.concat([samples.pdf, Buffer.from(String(Math.random()))]) }])
  const res = await t.app.inject({ method: 'POST', url: '/api/uploads', payload: body.payload, headers: { ...auth(p), ...body.headers } })
  assert.equal(res.statusCode, 201, res.body)
  return res.json().id as string
}
const file = (p: string, recordId: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  post(p, '/api/objections', { recordId, reason: 'wrong_info', description: '该租金已按期缴清，有银行回单为证。', attachmentIds: [], ...extra }, headers)
const officer = (id: string, action: string, body: unknown = {}, p = 'staff-officer') => post(p, `/api/officer/objections/${id}/${action}`, body)
const recordStatus = async (id: string) => (await t.ctx.db.selectFrom('credit_records').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status
const messages = async (subjectId: string) => (await t.ctx.db.selectFrom('messages').select('kind').where('subject_id', '=', subjectId).where('kind', 'like', 'objection_%').orderBy('created_at').execute()).map((m) => m.kind)
const objectionsOf = async (recordId: string) => (await t.ctx.db.selectFrom('objections').select('id').where('record_id', '=', recordId).execute()).length

describe('filing', () => {
  it('refuses bad input, foreign records and refused uploads without filing or attaching anything', async () => {
    const short = await file('citizen-objection', ZHAO_RECORD, { description: '太短' })
    assert.deepEqual([short.statusCode, short.json().error.code], [400, 'VALIDATION_ERROR'])
    const noEvidence = await file('citizen-objection', ZHAO_RECORD, { reason: 'not_me' })
    assert.equal(noEvidence.statusCode, 400)
    assert.match(noEvidence.json().error.message, /请上传证明材料/)
    const foreign = await file('citizen-objection', SUN_RECORD)
    assert.equal(foreign.statusCode, 404)
    const anothers = await upload('citizen-red')
    const own = await upload('citizen-objection')
    const refused = await file('citizen-objection', ZHAO_RECORD, { reason: 'not_me', attachmentIds: [own, anothers] })
    assert.equal(refused.statusCode, 404, refused.body)
    assert.equal(await objectionsOf(ZHAO_RECORD), 0)
    assert.equal(await t.ctx.db.selectFrom('upload_attachments').select('upload_id').where('upload_id', '=', own).executeTakeFirst(), undefined)
    assert.equal(await recordStatus(ZHAO_RECORD), '公示中')
    assert.deepEqual(await messages('person-zhao'), [])
  })

  let firstId = ''
  it('files once under retry with the same Idempotency-Key; the record turns 异议中; a second open one is 409 naming the first', async () => {
    const evidence = await upload('citizen-objection')
    const key = { 'idempotency-key': 'objection-retry-0001' }
    const [a, b] = [await file('citizen-objection', ZHAO_RECORD, { reason: 'not_me', attachmentIds: [evidence] }, key), await file('citizen-objection', ZHAO_RECORD, { reason: 'not_me', attachmentIds: [evidence] }, key)]
    assert.equal(a.statusCode, 201, a.body)
    assert.equal(b.statusCode, 201)
    assert.equal(b.json().id, a.json().id)
    const o = a.json()
    firstId = o.id
    assert.deepEqual([o.status, o.recordId, o.reason, o.attachments.map((x: { id: string }) => x.id)], ['已提交', ZHAO_RECORD, 'not_me', [evidence]])
    assert.match(o.dueDate, /^\d{4}-\d{2}-\d{2}$/)
    assert.deepEqual(o.steps.map((s: { status: string }) => s.status), ['已提交', '核查中', '已办结'])
    assert.equal(await objectionsOf(ZHAO_RECORD), 1)
    assert.equal(await recordStatus(ZHAO_RECORD), '异议中')
    assert.deepEqual(await messages('person-zhao'), ['objection_filed'])
    const onRecord = (await get('citizen-objection', `/api/credit/records/${ZHAO_RECORD}`)).json()
    assert.deepEqual([onRecord.status, onRecord.objection], ['异议中', { id: firstId, status: '已提交', outcome: null, open: true, newEvidenceRequired: false }])
    const second = await file('citizen-objection', ZHAO_RECORD)
    assert.equal(second.statusCode, 409)
    assert.ok(second.json().error.message.includes(firstId))
    const mine = (await get('citizen-objection', '/api/objections')).json()
    assert.deepEqual(mine.items.map((x: { id: string }) => x.id), [firstId])
    assert.equal((await get('citizen-red', `/api/objections/${firstId}`)).statusCode, 404)
  })

  it('the handling officer reads the evidence; another officer and another citizen do not', async () => {
    const o = (await get('citizen-objection', `/api/objections/${firstId}`)).json()
    const fileId = o.attachments[0].id
    assert.equal((await officer(firstId, 'accept')).statusCode, 200)
    assert.equal((await get('staff-officer', `/api/uploads/${fileId}`)).statusCode, 200)
    assert.equal((await get('citizen-red', `/api/uploads/${fileId}`)).statusCode, 404)
    const other = await signAccessToken(t.ctx.config.jwtSecret, { userId: 'user-citizen-red', roles: ['citizen', 'officer'] })
    assert.equal((await t.app.inject({ url: `/api/uploads/${fileId}`, headers: bearer(other) })).statusCode, 404)
  })

  it('a record no longer in publicity cannot be objected to online: says where to go', async () => {
    const revoke = await officer(firstId, 'decision', { outcome: 'revoke', reasons: '经核查，该租金已缴清，记录有误。' })
    assert.equal(revoke.statusCode, 200, revoke.body)
    assert.equal(await recordStatus(ZHAO_RECORD), '已撤销')
    const again = await file('citizen-objection', ZHAO_RECORD)
    assert.equal(again.statusCode, 400)
    assert.match(again.json().error.message, /不能在线提出异议.*请向作出决定的/)
  })
})

describe('the suspended sanction (失信被执行人)', () => {
  const overview = async () => (await get('citizen-blacklist', '/api/credit/overview')).json()
  it('while 异议中 the entry counts neither in the score nor for the black list; after 维持 it counts again', async () => {
    const before = await overview()
    assert.deepEqual(before.blackList, ['失信被执行人名单'])
    const blockedBefore = ((await get('citizen-blacklist', '/api/incentives')).json().items as { reasons: string[] }[]).some((i) => i.reasons.some((r) => r.includes('严重失信主体名单')))
    assert.equal(blockedBefore, true)
    const filed = await file('citizen-blacklist', SUN_RECORD, { description: '该判决义务已经履行完毕，法院已出具结案通知。' })
    assert.equal(filed.statusCode, 201, filed.body)
    const blocked = async () => ((await get('citizen-blacklist', '/api/incentives')).json().items as { reasons: string[] }[]).some((i) => i.reasons.some((r) => r.includes('严重失信主体名单')))
    assert.equal(await blocked(), false, 'while verified the entry does not block incentives')
    const during = await overview()
    assert.deepEqual(during.blackList, [])
    assert.ok(during.suspended.some((s: { recordId: string }) => s.recordId === SUN_RECORD))
    assert.ok(during.score > before.score)
    const id = filed.json().id
    assert.equal((await officer(id, 'accept')).statusCode, 200)
    const noReasons = await officer(id, 'decision', { outcome: 'uphold' })
    assert.equal(noReasons.statusCode, 400)
    assert.match(noReasons.json().error.message, /请填写决定理由/)
    const upheld = await officer(id, 'decision', { outcome: 'uphold', reasons: '法院未出具结案文书，义务尚未履行。' })
    assert.equal(upheld.statusCode, 200, upheld.body)
    assert.deepEqual([upheld.json().status, upheld.json().outcome], ['已办结', 'uphold'])
    const afterUphold = await overview()
    assert.deepEqual(afterUphold.blackList, ['失信被执行人名单'])
    assert.equal(afterUphold.score, before.score)
    assert.equal(await blocked(), true, 'after 维持 the entry blocks incentives again')
    const onRecord = (await get('citizen-blacklist', `/api/credit/records/${SUN_RECORD}`)).json()
    assert.deepEqual([onRecord.status, onRecord.objection.open, onRecord.objection.outcome, onRecord.objection.newEvidenceRequired], ['公示中', false, 'uphold', true])
    assert.equal((await get('citizen-blacklist', `/api/objections/${id}`)).json().decisionReasons, '法院未出具结案文书，义务尚未履行。')
    // a new objection after 维持 needs new evidence, and evidence used before is refused
    const noNew = await file('citizen-blacklist', SUN_RECORD, { description: '该判决义务已经履行完毕，请再次核查。' })
    assert.deepEqual([noNew.statusCode, noNew.json().error.code], [400, 'NEW_EVIDENCE_REQUIRED'])
    const fresh = await upload('citizen-blacklist')
    const ok = await file('citizen-blacklist', SUN_RECORD, { description: '法院已出具结案通知书，见附件。', attachmentIds: [fresh] })
    assert.equal(ok.statusCode, 201, ok.body)
    assert.deepEqual(await messages('person-sun'), ['objection_filed', 'objection_accepted', 'objection_decided', 'objection_filed'])
  })
})

describe('officer transitions', () => {
  async function freshCase(title = '测试记录') {
    const { id: recordId } = await createRecord(t.ctx.db, {
      subjectId: 'person-zhao', kind: '合同履约', polarity: 'negative', severity: '一般', title, content: '原内容', department: '杭州市住房保障和房产管理局',
      documentNo: '杭房〔2026〕1号', legalBasis: null, decisionDate: '2026-11-01',
    }, { kind: 'officer', name: '测试' })
    const res = await file('citizen-objection', recordId)
    assert.equal(res.statusCode, 201, res.body)
    return { id: res.json().id as string, recordId }
  }

  it('a citizen on officer routes is 403; forbidden moves are 409 with the reason', async () => {
    const { id } = await freshCase()
    assert.equal((await get('citizen-objection', '/api/officer/objections')).statusCode, 403)
    assert.equal((await post('citizen-objection', `/api/officer/objections/${id}/accept`)).statusCode, 403)
    const early = await officer(id, 'decision', { outcome: 'revoke', reasons: '理由充分。' })
    assert.deepEqual([early.statusCode, early.json().error.message], [409, '请先受理该异议，再作出决定'])
    const earlyTransfer = await officer(id, 'transfer', { department: '市住保房管局', note: '请核查' })
    assert.equal(earlyTransfer.statusCode, 409)
    assert.equal((await officer(id, 'accept')).statusCode, 200)
    const twice = await officer(id, 'accept')
    assert.deepEqual([twice.statusCode, twice.json().error.code], [409, 'OBJECTION_STATE'])
    const transferred = await officer(id, 'transfer', { department: '杭州市住房保障和房产管理局', note: '请核查缴费记录' })
    assert.equal(transferred.statusCode, 200, transferred.body)
    const o = transferred.json()
    assert.deepEqual(o.steps.map((s: { status: string }) => s.status), ['已提交', '核查中', '已转办', '已办结'])
    assert.equal(o.dueDate, o.steps[3].dueDate)
    assert.equal((await officer(id, 'transfer', { department: 'x', note: 'y' })).json().error.message, '该异议已转办，不能重复转办')
    // transferred: the department decides, no longer the credit authority
    const platform = await officer(id, 'decision', { outcome: 'revoke', reasons: '平台决定。' })
    assert.deepEqual([platform.statusCode, platform.json().error.code], [403, 'DEPARTMENT_SCOPE'])
    const correct = await officer(id, 'decision', { outcome: 'correct', reasons: '文书号录入错误。', correction: { documentNo: '杭房〔2026〕2号', severity: '轻微' } }, 'staff-officer-housing')
    assert.equal(correct.statusCode, 200, correct.body)
    const again = await officer(id, 'decision', { outcome: 'revoke', reasons: '再次决定。' }, 'staff-officer-housing')
    assert.deepEqual([again.statusCode, again.json().error.message], [409, '该异议已办结，不能再次处理'])
    const view = (await get('staff-officer', `/api/officer/objections/${id}`)).json()
    assert.deepEqual([view.record.status, view.record.documentNo, view.record.severity], ['已更正', '杭房〔2026〕2号', '轻微'])
    assert.ok(view.record.history.some((h: { reason: string }) => h.reason.includes('杭房〔2026〕1号')))
    assert.deepEqual(await messages('person-zhao'), ['objection_filed', 'objection_accepted', 'objection_decided', 'objection_filed', 'objection_accepted', 'objection_transferred', 'objection_decided'])
    const open = await t.ctx.db.selectFrom('deadlines').select('step').where('case_id', '=', id).where('done_at', 'is', null).execute()
    assert.deepEqual(open, [])
  })

  it('a correction without fields is 400; the queue lists open cases by due date', async () => {
    const { id } = await freshCase('第二条测试记录')
    await officer(id, 'accept')
    const empty = await officer(id, 'decision', { outcome: 'correct', reasons: '需要更正。' })
    assert.equal(empty.statusCode, 400)
    const queue = (await get('staff-officer', '/api/officer/objections')).json().items as { id: string; dueDate: string; record: { id: string; history: unknown[] } }[]
    assert.ok(queue.some((q) => q.id === id && q.record.history.length >= 2))
    const dates = queue.map((q) => q.dueDate)
    assert.deepEqual(dates, [...dates].sort())
    const accepted = (await get('staff-officer', '/api/officer/objections?status=核查中')).json().items as { status: string }[]
    assert.ok(accepted.length > 0 && accepted.every((q) => q.status === '核查中'))
  })

  it('20 concurrent filings for one record: exactly one is filed; 20 concurrent accepts: one applies; deadlines follow the steps', async () => {
    const { recordId } = await freshCase('并发异议记录').then(async (c) => {
      await officer(c.id, 'accept')
      await officer(c.id, 'decision', { outcome: 'uphold', reasons: '维持。' })
      return c
    })
    const evidence = await Promise.all(Array.from({ length: 20 }, () => upload('citizen-objection')))
    const filed = await Promise.all(evidence.map((e) => file('citizen-objection', recordId, { attachmentIds: [e] })))
    assert.equal(filed.filter((r) => r.statusCode === 201).length, 1)
    assert.ok(filed.filter((r) => r.statusCode !== 201).every((r) => r.statusCode === 409))
    const id = filed.find((r) => r.statusCode === 201)!.json().id
    const open = async () => (await t.ctx.db.selectFrom('deadlines').select('step').where('case_id', '=', id).where('done_at', 'is', null).orderBy('step').execute()).map((d) => d.step)
    assert.deepEqual(await open(), ['decision', 'transfer'])
    const accepts = await Promise.all(Array.from({ length: 20 }, () => officer(id, 'accept')))
    assert.equal(accepts.filter((r) => r.statusCode === 200).length, 1)
    assert.equal((await t.ctx.db.selectFrom('messages').select('id').where('kind', '=', 'objection_accepted').where('link', 'like', `%${id}`).execute()).length, 1)
    const transfers = await Promise.all(Array.from({ length: 5 }, () => officer(id, 'transfer', { department: '杭州市住房保障和房产管理局', note: '请核查' })))
    assert.equal(transfers.filter((r) => r.statusCode === 200).length, 1)
    assert.deepEqual(await open(), ['department'])
  })

  it('a decision in another state, without reasons or twice is refused; another subject\'s objection is 404 to the citizen', async () => {
    const { id } = await freshCase('状态测试记录')
    const unknown = await officer('no-such-objection', 'accept')
    assert.deepEqual([unknown.statusCode, unknown.json().error.code], [404, 'NOT_FOUND'])
    assert.equal((await get('citizen-red', `/api/objections/${id}`)).statusCode, 404)
    assert.equal((await post('citizen-objection', `/api/officer/objections/${id}/decision`, { outcome: 'revoke', reasons: '自己撤销。' })).statusCode, 403)
    assert.equal((await get('citizen-objection', `/api/officer/objections/${id}`)).statusCode, 403)
    await officer(id, 'accept')
    const blank = await officer(id, 'decision', { outcome: 'revoke', reasons: '   ' })
    assert.equal(blank.statusCode, 400)
    const badOutcome = await officer(id, 'decision', { outcome: 'delete', reasons: '理由。' })
    assert.deepEqual([badOutcome.statusCode, badOutcome.json().error.message], [400, '请选择处理结果：更正、撤销或维持'])
    assert.equal((await officer(id, 'decision', { outcome: 'revoke', reasons: '经核查记录有误。' })).statusCode, 200)
    const transferAfter = await officer(id, 'transfer', { department: '某部门', note: '请核查' })
    assert.equal(transferAfter.statusCode, 409)
    assert.match(transferAfter.json().error.message, /已办结/)
    const acceptAfter = await officer(id, 'accept')
    assert.equal(acceptAfter.statusCode, 409)
  })

  it('every message and reminder links to a real page: the citizen\'s case page and the officer\'s case page', async () => {
    const { id } = await freshCase('链接测试记录')
    const links = await t.ctx.db.selectFrom('messages').select('link').where('link', 'like', `%${id}`).execute()
    assert.deepEqual(links.map((l) => l.link), [`/packages/credit/pages/objection/index?id=${id}`])
    const deadlines = await t.ctx.db.selectFrom('deadlines').select('link').where('case_id', '=', id).execute()
    assert.ok(deadlines.length > 0 && deadlines.every((d) => d.link === `/packages/officer/pages/objection/index?id=${id}`))
  })

  it('20 concurrent decisions: exactly one applies', async () => {
    const { id, recordId } = await freshCase('并发测试记录')
    await officer(id, 'accept')
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => officer(id, 'decision', { outcome: i % 2 ? 'revoke' : 'uphold', reasons: `并发决定 ${i}` })))
    assert.equal(results.filter((r) => r.statusCode === 200).length, 1)
    assert.ok(results.filter((r) => r.statusCode !== 200).every((r) => r.statusCode === 409))
    const events = await t.ctx.db.selectFrom('credit_record_events').select('event').where('record_id', '=', recordId).execute()
    assert.equal(events.filter((e) => ['uphold', 'revoke'].includes(e.event ?? '')).length, 1)
    const decided = await t.ctx.db.selectFrom('messages').select('id').where('kind', '=', 'objection_decided').where('link', 'like', `%${id}`).execute()
    assert.equal(decided.length, 1)
  })
})

describe('due dates and the calendar', () => {
  it('a filing in late December rests on the estimated next year; loading that year recomputes it', async () => {
    const later = t.ctx.now
    try {
      t.ctx.now = () => new Date('2026-12-28T02:00:00Z')
      const filed = await file('citizen-red', 'rec-chen-bravery', { description: '该记录信息有误，请核查更正。' })
      assert.equal(filed.statusCode, 201, filed.body)
      const o = filed.json()
      // 12-29, 12-30, 12-31, (元旦 2027-01-01), 01-04, 01-05 by the statutory fallback
      assert.deepEqual([o.dueDate, o.dueDateEstimated, o.dueDateNote], ['2027-01-05', true, ESTIMATED_NOTE])
      const loaded = await post('staff-officer', '/api/officer/calendar/2027', { holidays: [{ date: '2027-01-01', name: '元旦' }, { date: '2027-01-04', name: '元旦' }], workdays: [] })
      assert.equal(loaded.statusCode, 200, loaded.body)
      assert.ok(loaded.json().recomputed >= 1)
      const now = (await get('citizen-red', `/api/objections/${o.id}`)).json()
      assert.deepEqual([now.dueDate, now.dueDateEstimated, now.dueDateNote], ['2027-01-06', false, null])
      const deadline = await t.ctx.db.selectFrom('deadlines').select('due_date').where('case_id', '=', o.id).where('step', '=', 'decision').executeTakeFirstOrThrow()
      assert.equal(deadline.due_date, '2027-01-06')
    } finally {
      t.ctx.now = later
    }
  })
})

describe('an agent for the enterprise', () => {
  it('files for the enterprise it acts for (X-Subject); the same user without the header sees none of it', async () => {
    const asYunqi = { 'x-subject': '91330106MA2H3K5Q7N' }
    const filed = await file('agent-yunqi', 'rec-yunqi-tax-a', { description: '评价年度录入有误，应为 2025 年度。' }, asYunqi)
    assert.equal(filed.statusCode, 201, filed.body)
    const list = await t.app.inject({ url: '/api/objections', headers: { ...auth('agent-yunqi'), ...asYunqi } })
    assert.deepEqual(list.json().items.map((x: { id: string }) => x.id), [filed.json().id])
    assert.equal((await get('agent-yunqi', `/api/objections/${filed.json().id}`)).statusCode, 404)
    assert.equal((await file('agent-yunqi', 'rec-yunqi-tax-a')).statusCode, 404)
  })
})

describe('overdue', () => {
  it('a step past its due date is overdue for the citizen and the officer, and comes first in the queue', async () => {
    const { id: recordId } = await createRecord(t.ctx.db, {
      subjectId: 'person-zhao', kind: '合同履约', polarity: 'negative', severity: '一般', title: '逾期测试记录', content: '原内容', department: '杭州市住房保障和房产管理局',
      documentNo: null, legalBasis: null, decisionDate: '2026-11-01',
    }, { kind: 'officer', name: '测试' })
    const filed = await file('citizen-objection', recordId)
    assert.equal(filed.statusCode, 201, filed.body)
    const id = filed.json().id
    assert.equal(filed.json().overdue, false)
    const later = t.ctx.now
    try {
      t.ctx.now = () => new Date(Date.now() + 40 * 86400_000)
      const mine = (await get('citizen-objection', `/api/objections/${id}`)).json()
      assert.deepEqual([mine.overdue, mine.steps[1].overdue], [true, true])
      const queue = (await get('staff-officer', '/api/officer/objections')).json().items as { id: string; overdue: boolean }[]
      assert.equal(queue[0].overdue, true)
      assert.ok(queue.findIndex((q) => !q.overdue) === -1 || queue.findIndex((q) => !q.overdue) > queue.findIndex((q) => q.id === id))
    } finally {
      t.ctx.now = later
    }
  })
})

describe('reminders and overdue marks through the deadline job', () => {
  it('the officer is reminded the working day before the decision is due and told once it is overdue', async () => {
    const { id: recordId } = await createRecord(t.ctx.db, {
      subjectId: 'person-zhao', kind: '合同履约', polarity: 'negative', severity: '一般', title: '提醒测试记录', content: '原内容', department: '杭州市住房保障和房产管理局',
      documentNo: null, legalBasis: null, decisionDate: '2026-11-01',
    }, { kind: 'officer', name: '测试' })
    const later = t.ctx.now
    try {
      // filed Monday 2026-12-07: decision due Monday 12-14 (5 working days), transfer due Wednesday 12-09
      t.ctx.now = () => new Date('2026-12-07T02:00:00Z')
      const filed = await file('citizen-objection', recordId)
      assert.equal(filed.statusCode, 201, filed.body)
      const id = filed.json().id
      assert.equal(filed.json().dueDate, '2026-12-14')
      assert.equal((await officer(id, 'accept')).statusCode, 200)
      const run = (ymd: string) => runJob(t.ctx, 'deadline-reminders', new Date(`${ymd}T00:00:00+08:00`))
      const toOfficer = async () => (await t.ctx.db.selectFrom('messages').select(['kind', 'title', 'link']).where('user_id', '=', 'user-staff-officer').where('link', 'like', `%${id}`).orderBy('created_at').execute())
      const decisionMarks = async () => (await toOfficer()).filter((m) => m.title.includes('异议核查决定'))
      await run('2026-12-10')
      assert.deepEqual(await decisionMarks(), [])
      await run('2026-12-11')
      assert.deepEqual((await decisionMarks()).map((m) => [m.kind, m.link]), [['deadline_reminder', `/packages/officer/pages/objection/index?id=${id}`]])
      await run('2026-12-15')
      await run('2026-12-16')
      assert.deepEqual((await decisionMarks()).map((m) => m.kind), ['deadline_reminder', 'deadline_overdue'])
      t.ctx.now = () => new Date('2026-12-15T02:00:00Z')
      const seen = (await get('citizen-objection', `/api/objections/${id}`)).json()
      assert.equal(seen.overdue, true)
    } finally {
      t.ctx.now = later
    }
  })
})

describe('a case decided without transfer', () => {
  it('the optional transfer day passing marks nothing overdue; the decision closes every open deadline and the job marks nothing afterwards', async () => {
    const { id: recordId } = await createRecord(t.ctx.db, {
      subjectId: 'person-zhao', kind: '合同履约', polarity: 'negative', severity: '一般', title: '转办期限测试记录', content: '原内容', department: '杭州市住房保障和房产管理局',
      documentNo: null, legalBasis: null, decisionDate: '2026-11-01',
    }, { kind: 'officer', name: '测试' })
    const later = t.ctx.now
    try {
      // filed Monday 2026-12-07: transfer possible until Wednesday 12-09, decision due Monday 12-14
      t.ctx.now = () => new Date('2026-12-07T02:00:00Z')
      const filed = await file('citizen-objection', recordId)
      assert.equal(filed.statusCode, 201, filed.body)
      const id = filed.json().id
      assert.equal((await officer(id, 'accept')).statusCode, 200)
      // another deadline of the case, as a later step might add: completion closes it too
      await setDeadline(t.ctx.db, { caseKind: 'objection', caseId: id, step: 'extra', title: '补充材料期限', dueDate: '2026-12-18', remind: { userId: 'user-staff-officer' } })
      const run = (ymd: string) => runJob(t.ctx, 'deadline-reminders', new Date(`${ymd}T12:00:00+08:00`))
      const overdue = async () => (await t.ctx.db.selectFrom('messages').select('title').where('kind', '=', 'deadline_overdue').where('link', 'like', `%${id}`).execute()).map((m) => m.title)
      // the working day before: a reminder that the option ends, not a duty to finish
      await run('2026-12-08')
      const reminded = await t.ctx.db.selectFrom('messages').select(['title', 'body']).where('kind', '=', 'deadline_reminder').where('link', 'like', `%${id}`).execute()
      assert.deepEqual(reminded.map((m) => m.title), ['即将到期：异议转办期限'])
      assert.match(reminded[0].body, /如需办理，请在此之前完成；过期后不能再办理，不计逾期/)
      assert.doesNotMatch(reminded[0].body, /办结/)
      await run('2026-12-10')
      await run('2026-12-11')
      assert.deepEqual(await overdue(), [])
      t.ctx.now = () => new Date('2026-12-11T02:00:00Z')
      assert.equal((await officer(id, 'decision', { outcome: 'uphold', reasons: '经核查，记录无误。' })).statusCode, 200)
      for (const day of ['2026-12-15', '2026-12-21', '2027-01-05']) await run(day)
      assert.deepEqual(await overdue(), [])
      const rows = await t.ctx.db.selectFrom('deadlines').select(['step', 'done_at', 'overdue_at']).where('case_id', '=', id).orderBy('step').execute()
      assert.deepEqual(rows.map((r) => [r.step, r.done_at !== null, r.overdue_at]), [['decision', true, null], ['extra', true, null], ['transfer', true, null]])
    } finally {
      t.ctx.now = later
    }
  })
})

describe('deliveries', () => {
  it('each step queues the configured SMS notice for the subject\'s users, in the same transaction as the message', async () => {
    const sms = JSON.stringify({ objection_filed: { template: 'SMS_OBJ_1', params: { title: 'title', due: 'dueDate' } } })
    const own = await startTestApp({ SMS_NOTICE_TEMPLATES: sms })
    try {
      const token = (await loginAs(own.app, 'citizen-objection')).accessToken
      const res = await own.app.inject({ method: 'POST', url: '/api/objections', headers: bearer(token), payload: { recordId: ZHAO_RECORD, reason: 'other', description: '该记录与本人实际情况不符，请核查。', attachmentIds: [] } })
      assert.equal(res.statusCode, 201, res.body)
      const queued = await own.ctx.db.selectFrom('message_deliveries as d').innerJoin('messages as m', 'm.id', 'd.message_id')
        .select(['d.channel', 'd.template', 'd.recipient_user_id', 'd.payload']).where('m.kind', '=', 'objection_filed').execute()
      assert.deepEqual(queued.map((d) => [d.channel, d.template, d.recipient_user_id]), [['sms', 'SMS_OBJ_1', 'user-citizen-objection']])
      assert.equal((queued[0].payload as { fields: Record<string, string> }).fields.due, res.json().dueDate)
    } finally {
      await own.close()
    }
  })
})
