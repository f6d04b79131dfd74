import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'kysely'
import { addCalendarDays, chinaDate } from '../../src/domain/dates'
import { loadConfig } from '../config'
import { setDeadline, completeDeadline } from '../deadlines/deadlines'
import { createRecord } from '../records/lifecycle'
import { createContext } from '../start'
import { bearer, loginAs, startTestApp, type TestApp } from '../testing/app'
import { JOB_NAMES, runJob, type JobName } from './jobs'
import { startWorker } from './worker'

let t: TestApp
before(async () => {
  t = await startTestApp()
})
after(() => t.close())

const messagesOf = (subjectId: string, kind: string) =>
  t.ctx.db.selectFrom('messages').select(['title', 'body', 'link']).where('subject_id', '=', subjectId).where('kind', '=', kind).execute()
/** 00:00 of a China date, as an instant */
const chinaMidnight = (ymd: string) => new Date(`${ymd}T00:00:00+08:00`)

describe('record expiry job', () => {
  it('expires a record on exactly the day after its last day of publicity (China time), once, with one message', async () => {
    // 轻微: 3 months of publicity from 2026-01-10 → public through 2026-04-10
    const { id } = await createRecord(
      t.ctx.db,
      { subjectId: 'person-zhou', kind: '行政处罚', polarity: 'negative', severity: '轻微', title: '占道经营', content: '', department: '城管局', documentNo: null, legalBasis: null, decisionDate: '2026-01-10' },
      { kind: 'officer', name: '城管局' },
    )
    const status = async () => (await t.ctx.db.selectFrom('credit_records').select(['status', 'publicity_end']).where('id', '=', id).executeTakeFirstOrThrow())
    assert.equal((await status()).publicity_end, '2026-04-10')
    // 23:59:59 in China on the last day is 15:59:59 UTC: still public
    await runJob(t.ctx, 'record-expiry', new Date(chinaMidnight('2026-04-11').getTime() - 1000))
    assert.equal((await status()).status, '公示中')
    await runJob(t.ctx, 'record-expiry', chinaMidnight('2026-04-11'))
    assert.equal((await status()).status, '已到期')
    const events = await t.ctx.db.selectFrom('credit_record_events').selectAll().where('record_id', '=', id).orderBy('at').execute()
    assert.deepEqual([events.at(-1)!.event, events.at(-1)!.actor_kind, events.at(-1)!.from_status, events.at(-1)!.status], ['expire', 'system', '公示中', '已到期'])
    const sent = await messagesOf('person-zhou', 'record_expired')
    assert.equal(sent.length, 1)
    assert.match(sent[0].body, /占道经营.*2026-04-10 届满/)
    assert.equal(sent[0].link, `/packages/credit/pages/detail/index?id=${id}`)
    // a second run (retry, second instance) changes nothing and sends nothing
    assert.deepEqual(await runJob(t.ctx, 'record-expiry', chinaMidnight('2026-04-12')), { expired: 0 })
    assert.equal((await messagesOf('person-zhou', 'record_expired')).length, 1)
  })
})

describe('score snapshot job', () => {
  it('reading the overview writes nothing; the job writes every subject\'s month, once', async () => {
    const month = chinaDate().slice(0, 7)
    await t.ctx.db.deleteFrom('score_snapshots').where('month', '=', month).execute()
    const token = (await loginAs(t.app, 'citizen-repairable')).accessToken
    const overview = (await t.app.inject({ url: '/api/credit/overview', headers: bearer(token) })).json()
    assert.equal((await t.ctx.db.selectFrom('score_snapshots').select('subject_id').where('month', '=', month).execute()).length, 0)
    const first = (await runJob(t.ctx, 'score-snapshot')) as { written: number }
    const subjects = await t.ctx.db.selectFrom('subjects').select('id').execute()
    assert.equal(first.written, subjects.length)
    const li = await t.ctx.db.selectFrom('score_snapshots').select(['score', 'level']).where('subject_id', '=', 'person-li').where('month', '=', month).executeTakeFirstOrThrow()
    assert.deepEqual(li, { score: overview.score, level: overview.level })
    assert.equal(((await runJob(t.ctx, 'score-snapshot')) as { written: number }).written, 0)
  })
})

describe('incentive expiry job', () => {
  it('marks past vouchers and grants expired and tells the giver of an ended authorisation, once', async () => {
    const today = chinaDate()
    const yesterday = addCalendarDays(today, -1)
    await t.ctx.db.insertInto('vouchers').values([
      { id: 'v-old', code: 'c-old', incentive_id: 'travel-lingyin', subject_id: 'person-chen', benefit: 'free', visit_date: yesterday, signature: 'x' },
      { id: 'v-today', code: 'c-today', incentive_id: 'travel-lingyin', subject_id: 'person-chen', benefit: 'free', visit_date: today, signature: 'x' },
    ]).execute()
    const incentive = await t.ctx.db.selectFrom('incentives').select(['id', 'provider']).where('claim_kind', '=', 'grant').executeTakeFirstOrThrow()
    await t.ctx.db.insertInto('rental_grants').values({ id: 'g-old', code: 'gc-old', incentive_id: incentive.id, subject_id: 'person-chen', valid_until: yesterday }).execute()
    await t.ctx.db.insertInto('authorizations').values([
      { id: 'a-old', subject_id: 'person-chen', incentive_id: incentive.id, scope: 'x', expires_at: new Date(Date.now() - 60_000) },
      { id: 'a-live', subject_id: 'person-chen', incentive_id: incentive.id, scope: 'x', expires_at: new Date(Date.now() + 86400_000) },
    ]).execute()
    assert.deepEqual(await runJob(t.ctx, 'incentive-expiry'), { vouchers: 1, grants: 1, authorizations: 1 })
    const v = await t.ctx.db.selectFrom('vouchers').select(['id', 'status']).where('id', 'in', ['v-old', 'v-today']).orderBy('id').execute()
    assert.deepEqual(v, [{ id: 'v-old', status: 'expired' }, { id: 'v-today', status: 'active' }])
    assert.equal((await t.ctx.db.selectFrom('rental_grants').select('status').where('id', '=', 'g-old').executeTakeFirstOrThrow()).status, 'expired')
    const told = await messagesOf('person-chen', 'authorization_expired')
    assert.equal(told.length, 1)
    assert.match(told[0].body, new RegExp(incentive.provider))
    assert.deepEqual(await runJob(t.ctx, 'incentive-expiry'), { vouchers: 0, grants: 0, authorizations: 0 })
    assert.equal((await messagesOf('person-chen', 'authorization_expired')).length, 1)
  })
})

describe('deadline reminder job', () => {
  const run = (today: string) => runJob(t.ctx, 'deadline-reminders', chinaMidnight(today))

  it('reminds on the working day before the due date and marks overdue the day after, once each', async () => {
    // due Tuesday 2026-12-08: reminded Monday 12-07
    await setDeadline(t.ctx.db, { caseKind: 'objection', caseId: 'obj-1', step: 'decision', title: '异议核查决定', dueDate: '2026-12-08', remind: { subjectId: 'person-xu' }, link: '/x' })
    assert.deepEqual(await run('2026-12-04'), { reminded: 0, overdue: 0 })
    assert.deepEqual(await run('2026-12-07'), { reminded: 1, overdue: 0 })
    assert.deepEqual(await run('2026-12-07'), { reminded: 0, overdue: 0 })
    assert.deepEqual(await run('2026-12-08'), { reminded: 0, overdue: 0 })
    assert.deepEqual(await run('2026-12-09'), { reminded: 0, overdue: 1 })
    assert.deepEqual(await run('2026-12-10'), { reminded: 0, overdue: 0 })
    const msgs = await t.ctx.db.selectFrom('messages').select(['kind', 'title']).where('subject_id', '=', 'person-xu').orderBy('created_at').execute()
    assert.deepEqual(msgs.map((m) => m.kind), ['deadline_reminder', 'deadline_overdue'])
    assert.match(msgs[0].title, /异议核查决定/)
  })

  it('a Monday deadline is reminded the Friday before; a completed one is not reminded', async () => {
    await setDeadline(t.ctx.db, { caseKind: 'repair', caseId: 'rep-1', step: 'reply', title: '信用修复答复', dueDate: '2026-12-14', remind: { userId: 'user-staff-officer' } })
    await setDeadline(t.ctx.db, { caseKind: 'repair', caseId: 'rep-2', step: 'reply', title: '信用修复答复', dueDate: '2026-12-14', remind: { userId: 'user-staff-officer' } })
    await completeDeadline(t.ctx.db, 'repair', 'rep-2', 'reply')
    assert.deepEqual(await run('2026-12-10'), { reminded: 0, overdue: 0 })
    assert.deepEqual(await run('2026-12-11'), { reminded: 1, overdue: 0 })
    assert.deepEqual(await run('2026-12-15'), { reminded: 0, overdue: 1 })
    const toOfficer = await t.ctx.db.selectFrom('messages').select('kind').where('user_id', '=', 'user-staff-officer').execute()
    assert.equal(toOfficer.length, 2)
  })
})

describe('job queue on PostgreSQL', () => {

  it('with two instances on one PostgreSQL, each scheduled job runs once', async () => {
    // Each job is scheduled for the current minute (China time): both instances check the
    // schedules every second all through that minute; only one run of each may happen.
    if (new Date().getUTCSeconds() > 40) await new Promise((r) => setTimeout(r, (61 - new Date().getUTCSeconds()) * 1000))
    const china = new Date(Date.now() + 8 * 3600_000)
    const cron = `${china.getUTCMinutes()} ${china.getUTCHours()} * * *`
    const crons = Object.fromEntries(JOB_NAMES.map((n) => [n, cron])) as Record<JobName, string>
    const second = await createContext(loadConfig(t.env), { info: () => undefined }, { seedIfEmpty: false })
    const quiet = { info: () => undefined, error: (o: unknown) => console.error(o) }
    const opts = { crons, cronMonitorIntervalSeconds: 1, pollingIntervalSeconds: 0.5 }
    const started = await Promise.allSettled([startWorker(t.ctx, quiet, opts), startWorker(second.ctx, quiet, opts)])
    const workers = started.map((s) => (s.status === 'fulfilled' ? s.value : null))
    try {
      for (const s of started) if (s.status === 'rejected') throw s.reason
      const counts = async () => {
        const { rows } = await sql<{ name: string; state: string; n: string }>`
          select name, state, count(*) as n from pgboss.job where name in (${sql.join(JOB_NAMES)}) group by name, state`.execute(t.ctx.db)
        return rows
      }
      const deadline = Date.now() + 30_000
      while (Date.now() < deadline) {
        const done = (await counts()).filter((r) => r.state === 'completed')
        if (JOB_NAMES.every((n) => done.some((r) => r.name === n))) break
        await new Promise((r) => setTimeout(r, 500))
      }
      // let both instances keep checking the schedule a while longer
      await new Promise((r) => setTimeout(r, 4000))
      const rows = await counts()
      for (const name of JOB_NAMES) {
        const mine = rows.filter((r) => r.name === name)
        assert.deepEqual(mine.map((r) => [r.state, Number(r.n)]), [['completed', 1]], name)
      }
    } finally {
      await Promise.all(workers.map((w) => w?.stop()))
      await second.close()
    }
  })

})

describe('housekeeping job', () => {
  it('removes replay keys older than a day, stale rate-limit windows and expired revoked tokens; keeps what is still needed', async () => {
    const now = new Date()
    const hoursAgo = (h: number) => new Date(now.getTime() - h * 3600_000)
    await t.ctx.db.insertInto('idempotency_keys').values([
      { scope: 'hk|old', key: 'key-old-0001', request_hash: 'x', state: 'done', status_code: 201, response_body: '{}', created_at: hoursAgo(25) },
      { scope: 'hk|new', key: 'key-new-0001', request_hash: 'x', state: 'done', status_code: 201, response_body: '{}', created_at: hoursAgo(1) },
    ]).execute()
    await t.ctx.db.insertInto('rate_limit_hits').values([
      { bucket: 'hk-old', window_start: hoursAgo(3), hits: 5 },
      { bucket: 'hk-new', window_start: now, hits: 5 },
    ]).execute()
    await t.ctx.db.insertInto('revoked_access_tokens').values([
      { jti: 'hk-expired', expires_at: hoursAgo(1) },
      { jti: 'hk-live', expires_at: new Date(now.getTime() + 600_000) },
    ]).execute()
    const result = (await runJob(t.ctx, 'housekeeping', now)) as Record<string, number>
    assert.ok(result.idempotencyKeys >= 1 && result.rateLimits >= 1 && result.revokedTokens >= 1, JSON.stringify(result))
    const keys = (await t.ctx.db.selectFrom('idempotency_keys').select('scope').where('scope', 'like', 'hk|%').execute()).map((r) => r.scope)
    assert.deepEqual(keys, ['hk|new'])
    const buckets = (await t.ctx.db.selectFrom('rate_limit_hits').select('bucket').where('bucket', 'like', 'hk-%').execute()).map((r) => r.bucket)
    assert.deepEqual(buckets, ['hk-new'])
    const jtis = (await t.ctx.db.selectFrom('revoked_access_tokens').select('jti').where('jti', 'like', 'hk-%').execute()).map((r) => r.jti)
    assert.deepEqual(jtis, ['hk-live'])
    // A second run has nothing left to do.
    assert.deepEqual(await runJob(t.ctx, 'housekeeping', now), { idempotencyKeys: 0, rateLimits: 0, revokedTokens: 0, uploads: 0 })
  })
})
