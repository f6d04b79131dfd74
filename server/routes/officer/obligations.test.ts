// 部门推送 through the officer API: the record's department or the credit authority records that a
// duty was met; the subject is told, repair eligibility stops asking for fulfilment and the
// application needs no proof. Runs on PostgreSQL too (DATABASE_URL).
import assert from 'node:assert/strict'
import crypto from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { addCalendarDays, chinaDate } from '../../../src/domain/dates'
import { signAccessToken } from '../../auth/jwt'
import { createRecord } from '../../records/lifecycle'
import { bearer, loginAs, startTestApp, type TestApp } from '../../testing/app'
import { signaturePng } from '../../testing/png'

const HOUSING = '杭州市住房保障和房产管理局'
const MARKET = '杭州市市场监督管理局'
const today = chinaDate()
let t: TestApp
const tokens: Record<string, string> = {}

before(async () => {
  t = await startTestApp()
  for (const p of ['citizen-red', 'staff-officer', 'staff-officer-housing']) tokens[p] = (await loginAs(t.app, p)).accessToken
  await t.ctx.db.insertInto('users').values({ id: 'user-market-officer', roles: ['citizen', 'officer'], org_name: MARKET }).execute()
  tokens.market = await signAccessToken(t.ctx.config.jwtSecret, { userId: 'user-market-officer', roles: ['citizen', 'officer'] })
})
after(() => t.close())

const get = (who: string, url: string) => t.app.inject({ url, headers: bearer(tokens[who]) })
const push = (who: string, recordId: string, payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: `/api/officer/records/${encodeURIComponent(recordId)}/obligation-met`, payload: payload as object, headers: { ...bearer(tokens[who]), ...headers } })

/** A 轻微 penalty of 陈明远 (citizen-red) by `department`, decided ten days ago: repairable at once. */
async function penalty(department: string, duty: string | null = '缴纳罚款 800 元') {
  const { id } = await createRecord(t.ctx.db, {
    subjectId: 'person-chen', kind: '行政处罚', polarity: 'negative', severity: '轻微', title: `未缴罚款 ${crypto.randomUUID().slice(0, 6)}`, content: '处罚款人民币捌佰元整。',
    department, documentNo: '杭房保罚〔2026〕9号', legalBasis: null, decisionDate: addCalendarDays(today, -10), obligation: duty ? { duty } : null,
  }, { kind: 'officer', name: department })
  return id
}
const stored = (id: string) =>
  t.ctx.db.selectFrom('credit_records').select(['obligation_met_on', 'obligation_met_source', 'obligation_met_by_user_id', 'obligation_met_note']).where('id', '=', id).executeTakeFirstOrThrow()
const messagesAbout = async (id: string) =>
  (await t.ctx.db.selectFrom('messages').select(['kind', 'title', 'body', 'link']).where('subject_id', '=', 'person-chen').where('kind', '=', 'obligation_met').execute()).filter((m) => m.link?.endsWith(`id=${id}`))
const eligibility = async (id: string) => (await get('citizen-red', '/api/repairs/eligibility')).json().items.find((i: { recordId: string }) => i.recordId === id)

describe('who may record a duty as met', () => {
  it('when the record’s own department pushes, then it is on record as 部门推送 with the officer and note, and the subject is told', async () => {
    const id = await penalty(HOUSING)
    const res = await push('staff-officer-housing', id, { metOn: addCalendarDays(today, -2), note: '缴款书号 3301-0042' })
    assert.equal(res.statusCode, 200, res.body)
    assert.deepEqual(res.json(), { recordId: id, duty: '缴纳罚款 800 元', metOn: addCalendarDays(today, -2), source: '部门推送', label: `已履行（${addCalendarDays(today, -2)}，来源：部门推送）` })
    assert.deepEqual(await stored(id), { obligation_met_on: addCalendarDays(today, -2), obligation_met_source: '部门推送', obligation_met_by_user_id: 'user-staff-officer-housing', obligation_met_note: '缴款书号 3301-0042' })
    const [m, ...more] = await messagesAbout(id)
    assert.equal(more.length, 0)
    assert.equal(m.title, '义务履行情况已记录')
    assert.match(m.body, /缴纳罚款 800 元/)
    assert.match(m.body, /现在即可申请信用修复，无需再上传履行证明/)
    const record = (await get('citizen-red', `/api/credit/records/${id}`)).json().obligation
    assert.deepEqual([record.metOn, record.source], [addCalendarDays(today, -2), '部门推送'])
  })

  it('when the credit authority pushes for any department, then it is recorded', async () => {
    const id = await penalty(MARKET)
    const res = await push('staff-officer', id, { metOn: today })
    assert.equal(res.statusCode, 200, res.body)
    assert.equal((await stored(id)).obligation_met_by_user_id, 'user-staff-officer')
  })

  it('when an officer of another department, a citizen or nobody pushes, or the record does not exist, then 404 / 403 / 401 and nothing changes', async () => {
    const id = await penalty(MARKET)
    const other = await push('staff-officer-housing', id, { metOn: today })
    assert.deepEqual([other.statusCode, other.json().error.message], [404, '信用记录不存在或无权查看'])
    assert.equal((await push('staff-officer', 'rec-does-not-exist', { metOn: today })).statusCode, 404)
    assert.equal((await push('citizen-red', id, { metOn: today })).statusCode, 403)
    assert.equal((await t.app.inject({ method: 'POST', url: `/api/officer/records/${id}/obligation-met`, payload: { metOn: today } })).statusCode, 401)
    assert.equal((await stored(id)).obligation_met_on, null)
    assert.deepEqual(await messagesAbout(id), [])
  })
})

describe('what may be recorded', () => {
  it('when the date is in the future, before the decision, not a date or missing, then 400 in Chinese and nothing changes', async () => {
    const id = await penalty(HOUSING)
    const cases: [unknown, string, RegExp][] = [
      [{ metOn: addCalendarDays(today, 1) }, 'MET_ON_IN_FUTURE', /不能晚于今天/],
      [{ metOn: addCalendarDays(today, -11) }, 'MET_ON_BEFORE_DECISION', /不能早于该记录的决定日期/],
      [{ metOn: '2026-02-30' }, 'VALIDATION_ERROR', /履行日期格式不正确/],
      [{}, 'VALIDATION_ERROR', /请填写履行日期/],
      [{ metOn: today, note: 'x'.repeat(501) }, 'VALIDATION_ERROR', /备注不能超过500个字/],
    ]
    for (const [body, code, message] of cases) {
      const res = await push('staff-officer-housing', id, body)
      assert.deepEqual([res.statusCode, res.json().error.code], [400, code], res.body)
      assert.match(res.json().error.message, message)
    }
    assert.equal((await stored(id)).obligation_met_on, null)
  })

  it('when the decision imposed no duty, then 409 with a Chinese reason', async () => {
    const id = await penalty(HOUSING, null)
    const res = await push('staff-officer-housing', id, { metOn: today })
    assert.deepEqual([res.statusCode, res.json().error.code, res.json().error.message], [409, 'NO_OBLIGATION', '该记录的决定未设定需要履行的义务，无需记录履行情况'])
  })

  it('when it is already met, then the same date answers the same and tells no one again; another date is 409', async () => {
    const id = await penalty(HOUSING)
    const first = await push('staff-officer-housing', id, { metOn: addCalendarDays(today, -1) })
    const again = await push('staff-officer', id, { metOn: addCalendarDays(today, -1), note: '重复推送' })
    assert.deepEqual([again.statusCode, again.body], [200, first.body])
    const other = await push('staff-officer-housing', id, { metOn: today })
    assert.deepEqual([other.statusCode, other.json().error.code], [409, 'OBLIGATION_ALREADY_MET'])
    assert.match(other.json().error.message, new RegExp(`已记录为于 ${addCalendarDays(today, -1)} 履行`))
    assert.deepEqual(await stored(id), { obligation_met_on: addCalendarDays(today, -1), obligation_met_source: '部门推送', obligation_met_by_user_id: 'user-staff-officer-housing', obligation_met_note: null })
    assert.equal((await messagesAbout(id)).length, 1)
  })
})

describe('concurrency and retries', () => {
  it('when 20 pushes of the same date arrive at once, then all answer the same and it is recorded and told once', async () => {
    const id = await penalty(HOUSING)
    const all = await Promise.all(Array.from({ length: 20 }, (_, i) => push(i % 2 ? 'staff-officer' : 'staff-officer-housing', id, { metOn: today }, { 'idempotency-key': `push-${id}-${i}` })))
    assert.deepEqual([...new Set(all.map((r) => r.statusCode))], [200])
    assert.equal(new Set(all.map((r) => r.body)).size, 1)
    assert.equal((await messagesAbout(id)).length, 1)
    assert.equal((await stored(id)).obligation_met_on, today)
  })

  it('when pushes of two different dates race, then one date wins, the others are 409, and one message is sent', async () => {
    const id = await penalty(HOUSING)
    const dates = [today, addCalendarDays(today, -3)]
    const all = await Promise.all(Array.from({ length: 20 }, (_, i) => push('staff-officer-housing', id, { metOn: dates[i % 2] })))
    const won = (await stored(id)).obligation_met_on
    assert.ok(won && dates.includes(won))
    all.forEach((r, i) => assert.equal(r.statusCode, dates[i % 2] === won ? 200 : 409, r.body))
    assert.equal((await messagesAbout(id)).length, 1)
  })

  it('when a push is retried with the same Idempotency-Key, then the replay is byte-identical and nothing happens twice', async () => {
    const id = await penalty(HOUSING)
    const key = { 'idempotency-key': `obligation-retry-${id}` }
    const a = await push('staff-officer-housing', id, { metOn: today, note: '已缴清' }, key)
    const b = await push('staff-officer-housing', id, { metOn: today, note: '已缴清' }, key)
    assert.equal(a.statusCode, 200, a.body)
    assert.deepEqual([b.statusCode, b.body], [200, a.body])
    assert.equal((await messagesAbout(id)).length, 1)
    const otherBody = await push('staff-officer-housing', id, { metOn: addCalendarDays(today, -1) }, key)
    assert.equal(otherBody.statusCode, 422)
  })
})

describe('repair after the push', () => {
  it('when the department records the duty as met, then eligibility no longer names it and the application needs no proof', async () => {
    const id = await penalty(HOUSING)
    const before = await eligibility(id)
    assert.deepEqual([before.state, before.obligationMet, before.missing], ['eligible', false, ['尚未查到履行记录：请先履行“缴纳罚款 800 元”，申请时上传缴款凭证等履行证明']])
    assert.equal((await push('staff-officer-housing', id, { metOn: today })).statusCode, 200)
    const after = await eligibility(id)
    assert.deepEqual([after.state, after.obligationMet, after.missing], ['eligible', true, []])

    const tpl = (await get('citizen-red', '/api/commitments/templates/tpl-repair')).json()
    const signed = await t.app.inject({
      method: 'POST', url: '/api/commitments', headers: bearer(tokens['citizen-red']),
      payload: { templateId: 'tpl-repair', version: tpl.version, textSha256: tpl.textSha256, agreed: true, signaturePng: `data:image/png;base64,${signaturePng().toString('base64')}` },
    })
    assert.equal(signed.statusCode, 201, signed.body)
    const applied = await t.app.inject({ method: 'POST', url: '/api/repairs', headers: bearer(tokens['citizen-red']), payload: { recordId: id, commitmentId: signed.json().id, attachmentIds: [] } })
    assert.equal(applied.statusCode, 201, applied.body)
    assert.deepEqual(applied.json().attachments, [])
  })
})
