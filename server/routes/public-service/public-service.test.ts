import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { chinaDate } from '../../../src/domain/dates'
import { serviceHourPoints } from '../../../src/domain/service-hours'
import { signAccessToken } from '../../auth/jwt'
import { confirmedHours } from '../../public-service/hours'
import { itemSecret } from '../../incentives/codes'
import { bearer, loginAs, startTestApp, type TestApp } from '../../testing/app'
import { unrecognisedDigits } from '../../testing/rotating'

let t: TestApp
const tokens: Record<string, string> = {}
const HOUR = 3600_000
// The rules read ctx.now: each test moves this clock (the site codes are computed for it too).
const realNow = new Date()
let clock = new Date(realNow)
const at = (hoursFromReal: number) => new Date(realNow.getTime() + hoursFromReal * HOUR)

before(async () => {
  t = await startTestApp()
  t.ctx.now = () => clock
  for (const p of ['staff-organizer', 'citizen-red', 'citizen-new', 'citizen-repairable', 'citizen-objection']) tokens[p] = (await loginAs(t.app, p)).accessToken
  // a second organizer (another association): must not see the first one's tasks
  await t.ctx.db.insertInto('subjects').values({ id: 'person-test-org2', kind: 'person', name: '韩梅', identifier: '330106199001010099' }).execute()
  await t.ctx.db.insertInto('users').values({ id: 'user-test-org2', phone: '13900000099', subject_id: 'person-test-org2', roles: ['citizen', 'organizer'], org_name: '西湖区红十字会' }).execute()
  tokens['org2'] = await signAccessToken(t.ctx.config.jwtSecret, { userId: 'user-test-org2', roles: ['citizen', 'organizer'] })
})
after(() => t.close())

const get = (p: string, url: string) => t.app.inject({ url, headers: bearer(tokens[p]) })
const post = (p: string, url: string, payload: unknown = {}, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, payload: payload as object, headers: { ...bearer(tokens[p]), ...headers } })

const taskBody = (over: Record<string, unknown> = {}) => ({
  title: '社区垃圾分类宣传', organization: '杭州市志愿者协会', place: '上城区小营街道社区服务中心', description: '在小区入口向居民讲解垃圾分类，发放宣传册。',
  startAt: at(48).toISOString(), endAt: at(51).toISOString(), signupDeadline: at(24).toISOString(), capacity: 5, hours: 3, ...over,
})
async function publish(over: Record<string, unknown> = {}, p = 'staff-organizer') {
  clock = new Date(realNow)
  const res = await post(p, '/api/organizer/tasks', taskBody(over))
  assert.equal(res.statusCode, 201, res.body)
  return res.json() as { id: string; startAt: string; endAt: string; capacity: number; booked: number }
}
const book = (p: string, taskId: string, headers: Record<string, string> = {}) => post(p, `/api/public-service/tasks/${taskId}/bookings`, {}, headers)
const siteCode = async (taskId: string) => {
  const res = await get('staff-organizer', `/api/organizer/tasks/${taskId}/site-code`)
  assert.equal(res.statusCode, 200, res.body)
  return res.json() as { code: string; expiresAt: string }
}
const serviceMessages = async (subjectId: string) =>
  (await t.ctx.db.selectFrom('messages').select('kind').where('subject_id', '=', subjectId).where('kind', 'like', 'service_%').orderBy('created_at').execute()).map((m) => m.kind)
const ledger = (subjectId: string) => t.ctx.db.selectFrom('service_hours').selectAll().where('subject_id', '=', subjectId).orderBy('credited_at').execute()

describe('publishing (organizer)', () => {
  it('a citizen on organizer routes gets 403 in Chinese, and nothing is written', async () => {
    for (const [method, url] of [['POST', '/api/organizer/tasks'], ['GET', '/api/organizer/tasks'], ['POST', '/api/organizer/hour-codes'], ['GET', '/api/organizer/tasks/task-hubin-cleanup/site-code']]) {
      const res = await t.app.inject({ method: method as 'GET' | 'POST', url, headers: bearer(tokens['citizen-red']), ...(method === 'POST' ? { payload: taskBody() } : {}) })
      assert.equal(res.statusCode, 403, url)
      assert.match(res.json().error.message, /没有此操作的权限/)
    }
    assert.equal((await t.ctx.db.selectFrom('service_hour_codes').select('id').execute()).length, 0)
  })

  it('refuses bad input with a Chinese 400: times, order, deadline, capacity, hours, lengths, NUL', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ startAt: '2026-12-01 09:00' }, /开始时间格式不正确/],
      [{ startAt: '2026-02-30T09:00:00+08:00' }, /开始时间格式不正确/],
      [{ endAt: at(47).toISOString() }, /结束时间须晚于开始时间/],
      [{ signupDeadline: at(49).toISOString() }, /报名截止时间不能晚于开始时间/],
      [{ startAt: at(-2).toISOString(), endAt: at(1).toISOString(), signupDeadline: at(-3).toISOString() }, /开始时间须晚于当前时间/],
      [{ capacity: 0 }, /招募人数须在 1–500 人之间/],
      [{ capacity: 501 }, /招募人数须在 1–500 人之间/],
      [{ capacity: 2.5 }, /招募人数须为整数/],
      [{ hours: 0.3 }, /服务时长须在 0.5–24 小时之间/],
      [{ hours: 25 }, /服务时长须在 0.5–24 小时之间/],
      [{ hours: 1.25 }, /以 0.5 小时为单位/],
      [{ title: 'x'.repeat(61) }, /任务名称不能超过60个字/],
      [{ title: '   ' }, /请填写任务名称/],
      [{ place: 'a\u0000b' }, /U\+0000/],
    ]
    for (const [over, message] of cases) {
      const res = await post('staff-organizer', '/api/organizer/tasks', taskBody(over))
      assert.equal(res.statusCode, 400, JSON.stringify(over))
      assert.match(res.json().error.message, message, JSON.stringify(over))
    }
    assert.equal((await t.ctx.db.selectFrom('service_tasks').select('id').where('title', '=', '社区垃圾分类宣传').execute()).length, 0)
  })

  it('publishes once under retry with the same key (201), audited, listed as the organizer\'s own only', async () => {
    clock = new Date(realNow)
    const key = { 'idempotency-key': 'publish-task-0001' }
    const [a, b] = [await post('staff-organizer', '/api/organizer/tasks', taskBody({ title: '重试发布' }), key), await post('staff-organizer', '/api/organizer/tasks', taskBody({ title: '重试发布' }), key)]
    assert.equal(a.statusCode, 201, a.body)
    assert.equal(b.json().id, a.json().id)
    assert.deepEqual([a.json().capacity, a.json().hours, a.json().booked], [5, 3, 0])
    assert.equal((await t.ctx.db.selectFrom('service_tasks').select('id').where('title', '=', '重试发布').execute()).length, 1)
    const audit = await t.ctx.db.selectFrom('organizer_audit').selectAll().where('task_id', '=', a.json().id).execute()
    assert.deepEqual(audit.map((x) => [x.action, x.organizer_user_id]), [['publish_task', 'user-staff-organizer']])
    const mine = (await get('staff-organizer', '/api/organizer/tasks')).json().items.map((x: { id: string }) => x.id)
    assert.ok(mine.includes(a.json().id) && mine.includes('task-hubin-cleanup'))
    assert.ok(!(await get('org2', '/api/organizer/tasks')).json().items.some((x: { id: string }) => x.id === a.json().id))
    for (const url of [`/api/organizer/tasks/${a.json().id}/bookings`, `/api/organizer/tasks/${a.json().id}/site-code`]) assert.equal((await get('org2', url)).statusCode, 404)
  })
})

describe('browsing and booking (citizen)', () => {
  it('lists open tasks soonest first, by date, with cursor pages; the demo tasks are there', async () => {
    clock = new Date(realNow)
    const all = (await get('citizen-red', '/api/public-service/tasks')).json()
    const starts = all.items.map((x: { startAt: string }) => x.startAt)
    assert.deepEqual(starts, [...starts].sort())
    assert.ok(all.items.some((x: { id: string }) => x.id === 'task-hubin-cleanup'))
    const hubin = all.items.find((x: { id: string }) => x.id === 'task-hubin-cleanup')
    const day = chinaDate(new Date(hubin.startAt))
    const byDay = (await get('citizen-red', `/api/public-service/tasks?date=${day}`)).json().items
    assert.ok(byDay.length >= 1 && byDay.every((x: { startAt: string }) => chinaDate(new Date(x.startAt)) === day))
    assert.equal((await get('citizen-red', '/api/public-service/tasks?date=2026-13-01')).statusCode, 400)
    assert.equal((await get('citizen-red', '/api/public-service/tasks?cursor=bm9wZQ')).statusCode, 400)
    // 25 more tasks: two pages, no task twice
    for (let i = 0; i < 25; i++) await publish({ title: `分页任务 ${i}`, startAt: at(100 + i).toISOString(), endAt: at(101 + i).toISOString(), signupDeadline: at(90).toISOString() })
    const first = (await get('citizen-red', '/api/public-service/tasks')).json()
    assert.equal(first.items.length, 20)
    const second = (await get('citizen-red', `/api/public-service/tasks?cursor=${first.nextCursor}`)).json()
    const ids = [...first.items, ...second.items].map((x: { id: string }) => x.id)
    assert.equal(new Set(ids).size, ids.length)
    assert.ok(second.items.length > 0)
  })

  let taskId = ''
  let bookingId = ''
  it('books (201, message), once per person (409), once under retry; the task shows my booking', async () => {
    taskId = (await publish({ capacity: 3 })).id
    const key = { 'idempotency-key': 'book-task-0001' }
    const [a, b] = [await book('citizen-red', taskId, key), await book('citizen-red', taskId, key)]
    assert.equal(a.statusCode, 201, a.body)
    assert.equal(b.json().id, a.json().id)
    bookingId = a.json().id
    assert.deepEqual([a.json().stage, a.json().canCancel], ['booked', true])
    const again = await book('citizen-red', taskId)
    assert.deepEqual([again.statusCode, again.json().error.code], [409, 'ALREADY_BOOKED'])
    const task = (await get('citizen-red', `/api/public-service/tasks/${taskId}`)).json()
    assert.deepEqual([task.booked, task.myBooking.id, task.myBooking.stageLabel], [1, bookingId, '已预约'])
    assert.deepEqual(await serviceMessages('person-chen'), ['service_booked'])
    assert.ok((await get('citizen-red', '/api/public-service/bookings')).json().items.some((x: { id: string }) => x.id === bookingId))
  })

  it('an agent acting for an enterprise is told to book as themself', async () => {
    const login = await loginAs(t.app, 'agent-yunqi')
    const res = await t.app.inject({ method: 'POST', url: `/api/public-service/tasks/${taskId}/bookings`, headers: { ...bearer(login.accessToken), 'x-subject': '91330106MA2H3K5Q7N' }, payload: {} })
    assert.deepEqual([res.statusCode, res.json().error.code], [400, 'PERSON_ONLY'])
    assert.match(res.json().error.message, /切换回本人/)
  })

  it('another subject\'s booking is 404; a missing task is 404', async () => {
    const res = await post('citizen-new', `/api/public-service/bookings/${bookingId}/cancel`)
    assert.equal(res.statusCode, 404)
    assert.match(res.json().error.message, /预约不存在或无权查看/)
    assert.equal((await book('citizen-new', 'no-such-task')).statusCode, 404)
    assert.ok(!(await get('citizen-new', '/api/public-service/bookings')).json().items.some((x: { id: string }) => x.id === bookingId))
  })

  it('cancels before the start (seat freed, may book again); not twice; not after the start', async () => {
    const res = await post('citizen-red', `/api/public-service/bookings/${bookingId}/cancel`)
    assert.equal(res.statusCode, 200, res.body)
    assert.deepEqual([res.json().stage, res.json().canCancel], ['cancelled', false])
    assert.equal((await get('citizen-red', `/api/public-service/tasks/${taskId}`)).json().booked, 0)
    const twice = await post('citizen-red', `/api/public-service/bookings/${bookingId}/cancel`)
    assert.deepEqual([twice.statusCode, twice.json().error.code], [409, 'BOOKING_CANCELLED'])
    const rebooked = await book('citizen-red', taskId)
    assert.equal(rebooked.statusCode, 201)
    clock = at(48.5)
    const late = await post('citizen-red', `/api/public-service/bookings/${rebooked.json().id}/cancel`)
    assert.deepEqual([late.statusCode, late.json().error.code], [409, 'TASK_STARTED'])
    assert.match(late.json().error.message, /已开始，不能再取消/)
  })

  it('refuses booking after the sign-up deadline and after the start', async () => {
    clock = at(30)
    const closed = await book('citizen-new', taskId)
    assert.deepEqual([closed.statusCode, closed.json().error.code], [409, 'SIGNUP_CLOSED'])
    assert.match(closed.json().error.message, /报名已于 .* 截止/)
    clock = at(49)
    assert.equal((await book('citizen-new', taskId)).json().error.code, 'TASK_STARTED')
  })
})

describe('the last seat', () => {
  it('30 concurrent bookings for the last seat: exactly one succeeds, the others are told it is full', async () => {
    const task = await publish({ capacity: 2, title: '最后一个名额' })
    assert.equal((await book('citizen-red', task.id)).statusCode, 201)
    const people = Array.from({ length: 30 }, (_, i) => ({ subject: `person-race-${i}`, user: `user-race-${i}` }))
    await t.ctx.db.insertInto('subjects').values(people.map((p, i) => ({ id: p.subject, kind: 'person' as const, name: `测试${i}`, identifier: `3301061990020${String(i).padStart(3, '0')}X`.slice(0, 18) }))).execute()
    await t.ctx.db.insertInto('users').values(people.map((p, i) => ({ id: p.user, phone: `1370000${String(i).padStart(4, '0')}`, subject_id: p.subject, roles: ['citizen'] }))).execute()
    const raceTokens = await Promise.all(people.map((p) => signAccessToken(t.ctx.config.jwtSecret, { userId: p.user, roles: ['citizen'] })))
    const results = await Promise.all(raceTokens.map((tok) => t.app.inject({ method: 'POST', url: `/api/public-service/tasks/${task.id}/bookings`, headers: bearer(tok), payload: {} })))
    const codes = results.map((r) => r.statusCode)
    assert.equal(codes.filter((c) => c === 201).length, 1, codes.join(','))
    assert.equal(codes.filter((c) => c === 409).length, 29, codes.join(','))
    assert.ok(results.filter((r) => r.statusCode === 409).every((r) => r.json().error.code === 'TASK_FULL'))
    const live = await t.ctx.db.selectFrom('service_bookings').select('id').where('task_id', '=', task.id).where('status', '=', 'booked').execute()
    const row = await t.ctx.db.selectFrom('service_tasks').select(['booked', 'capacity']).where('id', '=', task.id).executeTakeFirstOrThrow()
    assert.deepEqual([live.length, row.booked, row.capacity], [2, 2, 2])
  })
})

describe('on site: check-in and check-out by the rotating code', () => {
  let task: { id: string }
  before(async () => {
    task = await publish({ title: '现场签到测试', capacity: 5, hours: 3 })
    for (const p of ['citizen-new', 'citizen-repairable', 'citizen-objection']) assert.equal((await book(p, task.id)).statusCode, 201)
  })
  const checkIn = (p: string, code: string) => post(p, '/api/public-service/check-in', { code })
  const checkOut = (p: string, code: string) => post(p, '/api/public-service/check-out', { code })

  it('refuses check-in outside the window: before it opens (30 min before the start) and after the end', async () => {
    clock = at(47.4)
    const early = await checkIn('citizen-new', (await siteCode(task.id)).code)
    assert.deepEqual([early.statusCode, early.json().error.code], [409, 'CHECK_IN_NOT_OPEN'])
    assert.match(early.json().error.message, /签到尚未开始/)
    clock = at(51.1)
    const late = await checkIn('citizen-objection', (await siteCode(task.id)).code)
    assert.deepEqual([late.statusCode, late.json().error.code], [409, 'CHECK_IN_CLOSED'])
  })

  it('checks in with the current code (also from a scanned text), once; wrong, expired or malformed codes are refused', async () => {
    clock = at(47.6)
    const { code, expiresAt } = await siteCode(task.id)
    assert.match(code, /^\d{6}$/)
    assert.ok(new Date(expiresAt).getTime() - clock.getTime() <= 30_000)
    const wrong = await checkIn('citizen-new', unrecognisedDigits(itemSecret(t.ctx.config.jwtSecret, 'service-site', task.id), clock))
    assert.deepEqual([wrong.statusCode, wrong.json().error.code], [400, 'SITE_CODE_INVALID'])
    assert.equal((await checkIn('citizen-new', 'abc')).json().error.code, 'SITE_CODE_FORMAT')
    const ok = await checkIn('citizen-new', `creditpass-service:${code}`)
    assert.equal(ok.statusCode, 200, ok.body)
    assert.equal(ok.json().stage, 'checked_in')
    assert.match(ok.json().message, /签到成功/)
    const twice = await checkIn('citizen-new', code)
    assert.deepEqual([twice.statusCode, twice.json().error.code], [409, 'ALREADY_CHECKED_IN'])
    // a photo of the QR five minutes later
    clock = at(47.7)
    const expired = await checkIn('citizen-repairable', code)
    assert.deepEqual([expired.statusCode, expired.json().error.code], [409, 'SITE_CODE_EXPIRED'])
    // the code of a task one has not booked; no booking at all that day
    const notMine = await checkIn('citizen-red', (await siteCode(task.id)).code)
    assert.deepEqual([notMine.statusCode, notMine.json().error.code], [400, 'SITE_CODE_INVALID'])
    const none = await checkIn('org2', (await siteCode(task.id)).code)
    assert.deepEqual([none.statusCode, none.json().error.code], [409, 'NO_BOOKING_TODAY'])
  })

  it('checks out after check-in only, once, until an hour after the end', async () => {
    clock = at(49)
    const notIn = await checkOut('citizen-repairable', (await siteCode(task.id)).code)
    assert.deepEqual([notIn.statusCode, notIn.json().error.code], [409, 'NOT_CHECKED_IN'])
    clock = at(51.5)
    const out = await checkOut('citizen-new', (await siteCode(task.id)).code)
    assert.equal(out.statusCode, 200, out.body)
    assert.equal(out.json().stage, 'checked_out')
    const twice = await checkOut('citizen-new', (await siteCode(task.id)).code)
    assert.deepEqual([twice.statusCode, twice.json().error.code], [409, 'ALREADY_CHECKED_OUT'])
    const mine = (await get('citizen-new', '/api/public-service/bookings')).json().items.find((b: { task: { id: string } }) => b.task.id === task.id)
    assert.equal(mine.stageLabel, '已签退，待组织方确认时长')
    // no hours before the organizer confirms
    assert.equal(await confirmedHours(t.ctx.db, 'person-zhou'), 0)
  })

  it('the organizer confirms (credits the ledger once, tells the citizen, audits), corrects (same row), and the score rises', async () => {
    const before = (await get('citizen-new', '/api/credit/overview')).json()
    const bookings = (await get('staff-organizer', `/api/organizer/tasks/${task.id}/bookings`)).json()
    const zhou = bookings.items.find((b: { stage: string }) => b.stage === 'checked_out')
    assert.match(zhou.name, /\*/)
    const confirm = (hours: number, headers: Record<string, string> = {}) => post('staff-organizer', `/api/organizer/tasks/${task.id}/attendance`, { bookingId: zhou.bookingId, hours }, headers)
    assert.equal((await confirm(0)).statusCode, 400)
    assert.equal((await confirm(2.25)).statusCode, 400)
    const key = { 'idempotency-key': 'confirm-0001' }
    const [a, b] = [await confirm(3, key), await confirm(3, key)]
    assert.equal(a.statusCode, 200, a.body)
    assert.equal(b.json().confirmedHours, 3)
    assert.equal(a.json().stage, 'confirmed')
    assert.equal(await confirmedHours(t.ctx.db, 'person-zhou'), 3)
    const corrected = await confirm(2.5)
    assert.equal(corrected.statusCode, 200)
    const rows = await ledger('person-zhou')
    assert.equal(rows.length, 1)
    assert.deepEqual([Number(rows[0].hours), rows[0].source, rows[0].source_id, rows[0].corrected_at !== null], [2.5, 'attendance', zhou.bookingId, true])
    assert.deepEqual(await serviceMessages('person-zhou'), ['service_booked', 'service_hours_credited', 'service_hours_corrected'])
    const audit = await t.ctx.db.selectFrom('organizer_audit').select('action').where('booking_id', '=', zhou.bookingId).orderBy('at').execute()
    assert.deepEqual(audit.map((x) => x.action), ['confirm_attendance', 'correct_attendance'])
    const hours = (await get('citizen-new', '/api/public-service/hours')).json()
    assert.deepEqual([hours.total, hours.items[0].source, hours.items[0].sourceLabel, hours.items[0].title], [2.5, 'attendance', '参加公益任务', '现场签到测试'])
    assert.equal(hours.hoursToNextPoint, 0.5)
    const afterOverview = (await get('citizen-new', '/api/credit/overview')).json()
    assert.equal(afterOverview.score, before.score + serviceHourPoints(2.5))
    const factor = afterOverview.factors.find((f: { recordId: string }) => f.recordId === 'public-service-hours')
    assert.deepEqual([factor.points, factor.record.title], [2, '公益服务'])
    // another organizer cannot confirm on this task; a booking of another task is 404
    assert.equal((await post('org2', `/api/organizer/tasks/${task.id}/attendance`, { bookingId: zhou.bookingId, hours: 3 })).statusCode, 404)
    assert.equal((await post('staff-organizer', `/api/organizer/tasks/task-hubin-cleanup/attendance`, { bookingId: zhou.bookingId, hours: 3 })).statusCode, 404)
  })
})

describe('hour codes (时长码)', () => {
  it('issued by an organizer, redeemed once: twice is 409, by another 409, forged 400, own code 409', async () => {
    clock = new Date(realNow)
    const bad = await post('staff-organizer', '/api/organizer/hour-codes', { hours: 30, note: '线上翻译' })
    assert.equal(bad.statusCode, 400)
    const issued = await post('staff-organizer', '/api/organizer/hour-codes', { hours: 4, note: '线上课业辅导（11 月）' })
    assert.equal(issued.statusCode, 201, issued.body)
    const { code } = issued.json()
    assert.match(code, /^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/)
    assert.equal((await t.ctx.db.selectFrom('organizer_audit').select('action').where('action', '=', 'issue_hour_code').execute()).length, 1)
    const own = await post('staff-organizer', '/api/public-service/hour-codes/redeem', { code })
    assert.deepEqual([own.statusCode, own.json().error.code], [409, 'HOUR_CODE_OWN'])
    const forged = await post('citizen-red', '/api/public-service/hour-codes/redeem', { code: 'AAAA-BBBB-CCCC' })
    assert.deepEqual([forged.statusCode, forged.json().error.code], [400, 'HOUR_CODE_INVALID'])
    const ok = await post('citizen-red', '/api/public-service/hour-codes/redeem', { code: code.toLowerCase().replace(/-/g, ' ') })
    assert.equal(ok.statusCode, 200, ok.body)
    assert.equal(ok.json().hours, 4)
    const twice = await post('citizen-red', '/api/public-service/hour-codes/redeem', { code })
    assert.deepEqual([twice.statusCode, twice.json().error.code], [409, 'HOUR_CODE_USED'])
    assert.match(twice.json().error.message, /不会重复计入/)
    const other = await post('citizen-repairable', '/api/public-service/hour-codes/redeem', { code })
    assert.equal(other.statusCode, 409)
    assert.equal(await confirmedHours(t.ctx.db, 'person-chen'), 4)
    const hours = (await get('citizen-red', '/api/public-service/hours')).json()
    assert.deepEqual([hours.total, hours.items[0].source, hours.items[0].title, hours.items[0].organization], [4, 'hour_code', '线上课业辅导（11 月）', '杭州市志愿者协会'])
  })

  it('10 concurrent redemptions of one code credit it exactly once', async () => {
    const { code } = (await post('staff-organizer', '/api/organizer/hour-codes', { hours: 1.5, note: '并发兑换' })).json()
    const results = await Promise.all(Array.from({ length: 10 }, () => post('citizen-objection', '/api/public-service/hour-codes/redeem', { code })))
    assert.equal(results.filter((r) => r.statusCode === 200).length, 1)
    assert.equal(results.filter((r) => r.statusCode === 409).length, 9)
    assert.equal(await confirmedHours(t.ctx.db, 'person-zhao'), 1.5)
  })
})
