// Department scope (issue #8 §1.10): the credit authority (信用主管部门) receives every case, accepts
// and transfers; the department that made the record, or the one a case was transferred to, decides;
// an officer of any other department gets 404 for the case on every route and never finds it in a
// queue. Every decision records who took it and for which department. Runs on PostgreSQL too.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { CREDIT_AUTHORITY } from '../../mock/personas'
import { signAccessToken } from '../auth/jwt'
import { fileOfficerCases, type OfficerCases } from '../testing/cases'
import { bearer, loginAs, startTestApp, type TestApp } from '../testing/app'

const HOUSING = '杭州市住房保障和房产管理局'
const MARKET = '杭州市市场监督管理局'
let t: TestApp
let cases: OfficerCases
const tokens: Record<string, string> = {}

before(async () => {
  t = await startTestApp()
  for (const p of ['citizen-objection', 'citizen-new', 'staff-officer', 'staff-officer-housing']) tokens[p] = (await loginAs(t.app, p)).accessToken
  await t.ctx.db.insertInto('users').values({ id: 'user-market-officer', roles: ['citizen', 'officer'], org_name: MARKET }).execute()
  tokens.market = await signAccessToken(t.ctx.config.jwtSecret, { userId: 'user-market-officer', roles: ['citizen', 'officer'] })
  cases = await fileOfficerCases(t, { objector: tokens['citizen-objection'], applicant: tokens['citizen-new'] }, HOUSING)
})
after(() => t.close())

const get = (who: string, url: string) => t.app.inject({ url, headers: bearer(tokens[who]) })
const post = (who: string, url: string, payload: unknown = {}) => t.app.inject({ method: 'POST', url, payload: payload as object, headers: bearer(tokens[who]) })

/** Every officer route of each case kind, with a body that passes validation (so scope answers). */
function caseRoutes(c: OfficerCases) {
  return {
    objection: {
      queue: '/api/officer/objections', view: `/api/officer/objections/${c.objection}`,
      writes: [
        [`/api/officer/objections/${c.objection}/accept`, {}],
        [`/api/officer/objections/${c.objection}/transfer`, { department: MARKET, note: '请核查' }],
        [`/api/officer/objections/${c.objection}/decision`, { outcome: 'revoke', reasons: '记录有误。' }],
      ],
    },
    repair: {
      queue: '/api/officer/repairs', view: `/api/officer/repairs/${c.repair}`,
      writes: [[`/api/officer/repairs/${c.repair}/decision`, { outcome: 'approve', reasons: '已履行义务。' }]],
    },
    dishonestyReport: {
      queue: '/api/officer/dishonesty-reports', view: `/api/officer/dishonesty-reports/${c.dishonestyReport}`,
      writes: [
        [`/api/officer/dishonesty-reports/${c.dishonestyReport}/accept`, {}],
        [`/api/officer/dishonesty-reports/${c.dishonestyReport}/verify`, {}],
        [`/api/officer/dishonesty-reports/${c.dishonestyReport}/conclude`, { outcome: 'partly', reply: '部分属实。' }],
      ],
    },
    registration: {
      queue: '/api/officer/voluntary-registrations', view: `/api/officer/voluntary-registrations/${c.registration}`,
      writes: [
        [`/api/officer/voluntary-registrations/${c.registration}/verify`, {}],
        [`/api/officer/voluntary-registrations/${c.registration}/reject`, { reasons: '材料不清。' }],
      ],
    },
  } as const
}

const queueIds = async (who: string, url: string) => ((await get(who, url)).json().items as { id: string }[]).map((i) => i.id)

describe('department scope of officers', () => {
  it('an officer of another department gets 404 for every case on every route, and no case in any queue; the departments concerned see theirs', async () => {
    const routes = caseRoutes(cases)
    const visible = { 'staff-officer': ['objection', 'repair', 'dishonestyReport', 'registration'], 'staff-officer-housing': ['objection', 'repair'], market: [] as string[] }
    for (const [kind, r] of Object.entries(routes)) {
      const id = cases[kind as keyof typeof routes]
      for (const [who, kinds] of Object.entries(visible)) {
        const sees = kinds.includes(kind)
        const view = await get(who, r.view)
        assert.equal(view.statusCode, sees ? 200 : 404, `${who} GET ${r.view}: ${view.body}`)
        if (!sees) assert.equal(view.json().error.code, 'NOT_FOUND')
        assert.equal((await queueIds(who, r.queue)).includes(id), sees, `${who} ${r.queue}`)
      }
      for (const [url, body] of r.writes) {
        const res = await post('market', url, body)
        assert.deepEqual([res.statusCode, res.json().error?.code], [404, 'NOT_FOUND'], `market POST ${url}: ${res.body}`)
      }
    }
    // the evidence follows the case: the record's department reads it, another department does not
    for (const upload of Object.values(cases.evidence)) {
      assert.equal((await get('market', `/api/uploads/${upload}`)).statusCode, 404)
      assert.equal((await get('staff-officer-housing', `/api/uploads/${upload}`)).statusCode, 200)
    }
  })

  it('the credit authority accepts and transfers, the department it went to decides (20 at once: one applies); who and which department are on record', async () => {
    const o = cases.objection
    const actions = async (who: string) => (await get(who, `/api/officer/objections/${o}`)).json().actions
    assert.deepEqual([await actions('staff-officer'), await actions('staff-officer-housing')], [['accept'], []])
    const byHousing = await post('staff-officer-housing', `/api/officer/objections/${o}/accept`)
    assert.deepEqual([byHousing.statusCode, byHousing.json().error.code], [403, 'DEPARTMENT_SCOPE'])
    assert.equal((await post('staff-officer', `/api/officer/objections/${o}/accept`)).statusCode, 200)
    assert.deepEqual([await actions('staff-officer'), await actions('staff-officer-housing')], [['transfer', 'decide'], ['decide']])
    const nowhere = await post('staff-officer', `/api/officer/objections/${o}/transfer`, { department: '市住保房管局', note: '请核查' })
    assert.deepEqual([nowhere.statusCode, nowhere.json().error.code], [400, 'UNKNOWN_DEPARTMENT'])
    assert.equal((await post('staff-officer', `/api/officer/objections/${o}/transfer`, { department: HOUSING, note: '请核查缴费记录' })).statusCode, 200)
    // what each is offered is what each may do: the authority nothing more, the department its decision
    assert.deepEqual([await actions('staff-officer'), await actions('staff-officer-housing')], [[], ['decide']])
    const platform = await post('staff-officer', `/api/officer/objections/${o}/decision`, { outcome: 'uphold', reasons: '维持。' })
    assert.deepEqual([platform.statusCode, platform.json().error.code], [403, 'DEPARTMENT_SCOPE'])

    const decisions = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 4 === 3
      ? post('market', `/api/officer/objections/${o}/decision`, { outcome: 'uphold', reasons: `市场监管 ${i}` })
      : post('staff-officer-housing', `/api/officer/objections/${o}/decision`, { outcome: 'revoke', reasons: `经核查租金已缴清 ${i}` }))))
    assert.equal(decisions.filter((r) => r.statusCode === 200).length, 1)
    decisions.forEach((r, i) => assert.ok(r.statusCode === 200 || r.statusCode === (i % 4 === 3 ? 404 : 409), `${i}: ${r.statusCode} ${r.body}`))
    const row = await t.ctx.db.selectFrom('objections').selectAll().where('id', '=', o).executeTakeFirstOrThrow()
    assert.deepEqual([row.officer_user_id, row.transferred_by_user_id, row.decided_by_user_id, row.decided_by_department], ['user-staff-officer', 'user-staff-officer', 'user-staff-officer-housing', HOUSING])
    const events = await t.ctx.db.selectFrom('credit_record_events').select(['event', 'actor', 'actor_id']).where('record_id', '=', row.record_id).where('event', '=', 'revoke').execute()
    assert.deepEqual(events, [{ event: 'revoke', actor: HOUSING, actor_id: 'user-staff-officer-housing' }])
    const citizen = (await get('citizen-objection', `/api/objections/${o}`)).json()
    assert.equal(citizen.steps.at(-1).actor, HOUSING)
  })

  it('a repair is decided by the record\'s department (20 at once: one applies); reports and registrations only by the credit authority', async () => {
    const decisions = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 4 === 3
      ? post('market', `/api/officer/repairs/${cases.repair}/decision`, { outcome: 'reject', reasons: `市场监管 ${i}` })
      : post('staff-officer-housing', `/api/officer/repairs/${cases.repair}/decision`, { outcome: 'approve', reasons: `已履行义务 ${i}` }))))
    assert.equal(decisions.filter((r) => r.statusCode === 200).length, 1)
    decisions.forEach((r, i) => assert.ok(r.statusCode === 200 || r.statusCode === (i % 4 === 3 ? 404 : 409), `${i}: ${r.statusCode} ${r.body}`))
    const a = await t.ctx.db.selectFrom('repair_applications').select(['officer_user_id', 'officer_name', 'record_id']).where('id', '=', cases.repair).executeTakeFirstOrThrow()
    assert.deepEqual([a.officer_user_id, a.officer_name], ['user-staff-officer-housing', HOUSING])
    const events = await t.ctx.db.selectFrom('credit_record_events').select(['actor', 'actor_id']).where('record_id', '=', a.record_id).where('event', '=', 'approve_repair').execute()
    assert.deepEqual(events, [{ actor: HOUSING, actor_id: 'user-staff-officer-housing' }])

    assert.equal((await post('staff-officer-housing', `/api/officer/dishonesty-reports/${cases.dishonestyReport}/accept`)).statusCode, 404)
    const accepted = await post('staff-officer', `/api/officer/dishonesty-reports/${cases.dishonestyReport}/accept`)
    assert.equal(accepted.statusCode, 200, accepted.body)
    assert.equal((await post('staff-officer-housing', `/api/officer/voluntary-registrations/${cases.registration}/verify`)).statusCode, 404)
    const verified = await post('staff-officer', `/api/officer/voluntary-registrations/${cases.registration}/verify`, { note: '证书真实有效。' })
    assert.equal(verified.statusCode, 200, verified.body)
    const record = await t.ctx.db.selectFrom('credit_records').select('department').where('id', '=', verified.json().recordId).executeTakeFirstOrThrow()
    assert.equal(record.department, CREDIT_AUTHORITY)
  })
})
