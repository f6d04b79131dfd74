// 取消活动 (POST /api/organizer/tasks/:id/cancel) and what an account's deletion does to its
// bookings: what the organizer, the booked citizens and the next citizen looking for a seat notice.
// Runs on the embedded database and, with DATABASE_URL, on PostgreSQL 15.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { signAccessToken } from '../auth/jwt'
import { bearer, loginAs, startTestApp, type TestApp } from '../testing/app'

let t: TestApp
const tokens: Record<string, string> = {}
const HOUR = 3600_000
const realNow = new Date()
let clock = new Date(realNow)
const at = (hoursFromReal: number) => new Date(realNow.getTime() + hoursFromReal * HOUR)

before(async () => {
  // The notice goes out by SMS too, through a template as an operator would configure it.
  t = await startTestApp({ SMS_NOTICE_TEMPLATES: JSON.stringify({ service_task_cancelled: { template: 'SMS_TASK_CANCELLED', params: { task: 'taskTitle', reason: 'reason' } } }) })
  t.ctx.now = () => clock
  for (const p of ['staff-organizer', 'citizen-red', 'citizen-new', 'citizen-repairable', 'citizen-objection']) tokens[p] = (await loginAs(t.app, p)).accessToken
  await t.ctx.db.insertInto('subjects').values({ id: 'person-cancel-org2', kind: 'person', name: '韩梅', identifier: '330106199001010088' }).execute()
  await t.ctx.db.insertInto('users').values({ id: 'user-cancel-org2', phone: '13900000088', subject_id: 'person-cancel-org2', roles: ['citizen', 'organizer'], org_name: '西湖区红十字会' }).execute()
  tokens['org2'] = await signAccessToken(t.ctx.config.jwtSecret, { userId: 'user-cancel-org2', roles: ['citizen', 'organizer'] })
})
after(() => t.close())

const get = (p: string, url: string) => t.app.inject({ url, headers: bearer(tokens[p]) })
const post = (p: string, url: string, payload: unknown = {}, token = tokens[p]) => t.app.inject({ method: 'POST', url, payload: payload as object, headers: bearer(token) })

async function publish(over: Record<string, unknown> = {}) {
  clock = new Date(realNow)
  const res = await post('staff-organizer', '/api/organizer/tasks', {
    title: '西湖边环境清洁', organization: '杭州市志愿者协会', place: '北山街断桥入口', description: '捡拾垃圾，劝导游客文明游览。',
    startAt: at(48).toISOString(), endAt: at(51).toISOString(), signupDeadline: at(24).toISOString(), capacity: 5, hours: 3, ...over,
  })
  assert.equal(res.statusCode, 201, res.body)
  return res.json() as { id: string }
}
const book = async (p: string, taskId: string, token?: string) => post(p, `/api/public-service/tasks/${taskId}/bookings`, {}, token ?? tokens[p])
const cancel = (taskId: string, reason: unknown = '天气预报有暴雨，为安全起见取消', p = 'staff-organizer') => post(p, `/api/organizer/tasks/${taskId}/cancel`, { reason })
const taskRow = (id: string) => t.ctx.db.selectFrom('service_tasks').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
const liveBookings = async (taskId: string) => (await t.ctx.db.selectFrom('service_bookings').select('id').where('task_id', '=', taskId).where('status', '=', 'booked').execute()).length
const cancelMessages = (subjectId: string) =>
  t.ctx.db.selectFrom('messages').select(['body', 'link']).where('subject_id', '=', subjectId).where('kind', '=', 'service_task_cancelled').execute()
const audits = (taskId: string) => t.ctx.db.selectFrom('organizer_audit').select(['action', 'detail']).where('task_id', '=', taskId).where('action', '=', 'cancel_task').execute()
const subjectOf = async (persona: string) => (await t.ctx.db.selectFrom('users').select('subject_id').where('persona', '=', persona).executeTakeFirstOrThrow()).subject_id!

/** `n` fresh citizens with tokens (for races between many people). */
let seq = 0
async function people(prefix: string, n: number) {
  const list = Array.from({ length: n }, () => {
    const k = ++seq
    return { subject: `person-${prefix}-${k}`, user: `user-${prefix}-${k}`, identifier: `3301061991${String(k).padStart(7, '0')}X`, phone: `1360${String(k).padStart(7, '0')}` }
  })
  await t.ctx.db.insertInto('subjects').values(list.map((p, i) => ({ id: p.subject, kind: 'person' as const, name: `测试${i}`, identifier: p.identifier }))).execute()
  await t.ctx.db.insertInto('users').values(list.map((p) => ({ id: p.user, phone: p.phone, subject_id: p.subject, roles: ['citizen'] }))).execute()
  return Promise.all(list.map(async (p) => ({ ...p, token: await signAccessToken(t.ctx.config.jwtSecret, { userId: p.user, roles: ['citizen'] }) })))
}

describe('取消活动 (organizer)', () => {
  it('refuses a citizen (403), another organizer (404, as if the task did not exist) and a missing or long reason (400), changing nothing', async () => {
    const task = await publish()
    assert.equal((await book('citizen-red', task.id)).statusCode, 201)
    const citizen = await cancel(task.id, '下雨', 'citizen-red')
    assert.equal(citizen.statusCode, 403)
    const other = await cancel(task.id, '下雨', 'org2')
    assert.deepEqual([other.statusCode, other.json().error.code], [404, 'NOT_FOUND'])
    assert.match(other.json().error.message, /公益任务/)
    for (const [body, message] of [[{}, /请填写取消原因/], [{ reason: '   ' }, /请填写取消原因/], [{ reason: '因'.repeat(201) }, /取消原因不能超过200个字/], [{ reason: 42 }, /取消原因格式不正确/]] as const) {
      const res = await post('staff-organizer', `/api/organizer/tasks/${task.id}/cancel`, body)
      assert.equal(res.statusCode, 400, res.body)
      assert.match(res.json().error.message, message)
    }
    assert.equal((await taskRow(task.id)).cancelled_at, null)
    assert.equal(await liveBookings(task.id), 1)
  })

  it('cancels: each booked citizen is told why, their booking shows 活动已取消, the task leaves the open list and takes no booking; one audit row', async () => {
    const task = await publish({ title: '社区敬老院陪伴' })
    for (const p of ['citizen-new', 'citizen-repairable']) assert.equal((await book(p, task.id)).statusCode, 201)
    assert.ok((await get('citizen-red', '/api/public-service/tasks')).json().items.some((i: { id: string }) => i.id === task.id))

    const res = await cancel(task.id)
    assert.equal(res.statusCode, 200, res.body)
    assert.equal(res.json().cancelled.reason, '天气预报有暴雨，为安全起见取消')
    assert.equal(res.json().booked, 0)

    for (const p of ['citizen-new', 'citizen-repairable']) {
      const messages = await cancelMessages(await subjectOf(p))
      assert.equal(messages.length, 1, p)
      assert.match(messages[0].body, /“社区敬老院陪伴”.*已被组织方取消，原因：天气预报有暴雨，为安全起见取消/)
      assert.equal(messages[0].link, '/packages/public-service/pages/bookings/index')
      const mine = (await get(p, '/api/public-service/bookings')).json().items.find((b: { task: { id: string } }) => b.task.id === task.id)
      assert.deepEqual([mine.stage, mine.stageLabel, mine.cancelledBy, mine.canCancel, mine.task.cancelReason], ['cancelled', '活动已取消', 'organizer', false, '天气预报有暴雨，为安全起见取消'])
    }
    assert.equal((await cancelMessages(await subjectOf('citizen-red'))).length, 0, 'only those who booked')
    const sms = await t.ctx.db
      .selectFrom('message_deliveries as d')
      .innerJoin('messages as m', 'm.id', 'd.message_id')
      .select(['d.channel', 'd.template', 'd.payload', 'd.recipient_user_id'])
      .where('m.kind', '=', 'service_task_cancelled')
      .where('d.recipient_user_id', 'in', ['user-citizen-new', 'user-citizen-repairable'])
      .orderBy('d.recipient_user_id')
      .execute()
    const fields = { task: '社区敬老院陪伴', reason: '天气预报有暴雨，为安全起见取消' }
    assert.deepEqual(sms.map((d) => [d.recipient_user_id, d.channel, d.template, d.payload]), [
      ['user-citizen-new', 'sms', 'SMS_TASK_CANCELLED', { fields }], ['user-citizen-repairable', 'sms', 'SMS_TASK_CANCELLED', { fields }],
    ])
    assert.equal(await liveBookings(task.id), 0)

    assert.ok(!(await get('citizen-red', '/api/public-service/tasks')).json().items.some((i: { id: string }) => i.id === task.id))
    const detail = (await get('citizen-red', `/api/public-service/tasks/${task.id}`)).json()
    assert.deepEqual([detail.open, detail.closedReason], [false, '该公益任务已被组织方取消：天气预报有暴雨，为安全起见取消'])
    const late = await book('citizen-red', task.id)
    assert.deepEqual([late.statusCode, late.json().error.code], [409, 'TASK_CANCELLED'])
    const plan = (await get('citizen-repairable', '/api/repairs/plan')).json()
    assert.ok(!JSON.stringify(plan).includes(task.id), 'the planner no longer suggests it')

    const trail = await audits(task.id)
    assert.equal(trail.length, 1)
    assert.deepEqual(trail[0].detail, { reason: '天气预报有暴雨，为安全起见取消', cancelledBookings: 2 })
    const listed = (await get('staff-organizer', '/api/organizer/tasks')).json().items.find((i: { id: string }) => i.id === task.id)
    assert.equal(listed.cancelled.reason, '天气预报有暴雨，为安全起见取消')

    // Pressed again (another request): the same answer, nothing more happens — not even the new reason.
    const again = await cancel(task.id, '另一个原因')
    assert.equal(again.statusCode, 200)
    assert.equal(again.json().cancelled.reason, '天气预报有暴雨，为安全起见取消')
    assert.equal((await audits(task.id)).length, 1)
    assert.equal((await cancelMessages(await subjectOf('citizen-new'))).length, 1)
  })

  it('20 concurrent cancels: one cancellation, one message per citizen, one audit row, the seats back to 0', async () => {
    const task = await publish({ title: '并发取消', capacity: 10 })
    const crowd = await people('cx', 4)
    for (const c of crowd) assert.equal((await book('', task.id, c.token)).statusCode, 201)
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => cancel(task.id, `原因 ${i}`)))
    assert.deepEqual([...new Set(results.map((r) => r.statusCode))], [200])
    const reasons = new Set(results.map((r) => r.json().cancelled.reason))
    assert.equal(reasons.size, 1, 'every answer shows the one cancellation that happened')
    assert.equal((await audits(task.id)).length, 1)
    for (const c of crowd) assert.equal((await cancelMessages(c.subject)).length, 1)
    const row = await taskRow(task.id)
    assert.deepEqual([row.booked, await liveBookings(task.id), row.cancel_reason], [0, 0, [...reasons][0]])
  })

  it('a cancel racing 12 bookings: no booking is left live in the cancelled task, and its seat count agrees', async () => {
    const task = await publish({ title: '并发预约与取消', capacity: 20 })
    const crowd = await people('rc', 12)
    const [cancelled, ...booked] = await Promise.all([cancel(task.id), ...crowd.map((c) => book('', task.id, c.token))])
    assert.equal(cancelled.statusCode, 200, cancelled.body)
    for (const b of booked) assert.ok(b.statusCode === 201 || (b.statusCode === 409 && b.json().error.code === 'TASK_CANCELLED'), b.body)
    const row = await taskRow(task.id)
    assert.deepEqual([row.booked, await liveBookings(task.id)], [0, 0])
    // Everyone who got a seat before the cancellation was told; nobody else was.
    const told = (await Promise.all(crowd.map(async (c) => (await cancelMessages(c.subject)).length))).reduce((a, b) => a + b, 0)
    assert.equal(told, booked.filter((b) => b.statusCode === 201).length)
  })

  it('citizens cancelling their own bookings while the organizer cancels the task: no deadlock, each booking cancelled once, the seats back to 0', async () => {
    const task = await publish({ title: '各自取消与整体取消并发', capacity: 10 })
    const crowd = await people('cc', 6)
    const ids: string[] = []
    for (const c of crowd) ids.push((await book('', task.id, c.token)).json().id)
    const results = await Promise.all([cancel(task.id), ...crowd.map((c, i) => post('', `/api/public-service/bookings/${ids[i]}/cancel`, {}, c.token))])
    assert.equal(results[0].statusCode, 200, results[0].body)
    for (const r of results.slice(1)) assert.ok(r.statusCode === 200 || (r.statusCode === 409 && r.json().error.code === 'BOOKING_CANCELLED'), r.body)
    const rows = await t.ctx.db.selectFrom('service_bookings').select(['status', 'cancelled_by']).where('task_id', '=', task.id).execute()
    assert.ok(rows.every((r) => r.status === 'cancelled'))
    const byOrganizer = rows.filter((r) => r.cancelled_by === 'organizer').length
    assert.equal(byOrganizer, results.slice(1).filter((r) => r.statusCode === 409).length, 'those the organizer cancelled were refused to their holders')
    assert.equal((await taskRow(task.id)).booked, 0)
  })

  it('under way: hours already confirmed stay, the others are cancelled; once the task has ended it can no longer be cancelled', async () => {
    const task = await publish({ title: '进行中取消', capacity: 5 })
    for (const p of ['citizen-new', 'citizen-objection']) assert.equal((await book(p, task.id)).statusCode, 201)
    const attendees = (await get('staff-organizer', `/api/organizer/tasks/${task.id}/bookings`)).json().items as { bookingId: string }[]
    clock = at(49)
    const confirmed = await post('staff-organizer', `/api/organizer/tasks/${task.id}/attendance`, { bookingId: attendees[0].bookingId, hours: 1 })
    assert.equal(confirmed.statusCode, 200, confirmed.body)
    const res = await cancel(task.id, '场地临时被占用')
    assert.equal(res.statusCode, 200, res.body)
    assert.equal(res.json().confirmed, 1)
    const after = (await get('staff-organizer', `/api/organizer/tasks/${task.id}/bookings`)).json().items as { bookingId: string; stage: string; stageLabel: string }[]
    assert.deepEqual(after.map((a) => [a.bookingId, a.stage, a.stageLabel]), [[attendees[0].bookingId, 'confirmed', '时长已确认'], [attendees[1].bookingId, 'cancelled', '活动已取消']])
    assert.equal((await taskRow(task.id)).booked, 1)

    const ended = await publish({ title: '已结束' })
    clock = at(51)
    const refused = await cancel(ended.id)
    assert.deepEqual([refused.statusCode, refused.json().error.code], [409, 'TASK_ENDED'])
    assert.match(refused.json().error.message, /已于 .+ 结束，不能再取消/)
    assert.equal((await taskRow(ended.id)).cancelled_at, null)
  })
})

describe('注销账号 cancels the bookings of tasks not yet started', () => {
  it('the seat is freed for the next citizen; a task already under way keeps its booking; the answer counts them', async () => {
    const [leaver] = await people('del', 1)
    const full = await publish({ title: '只有一个名额', capacity: 1 })
    const underWay = await publish({ title: '正在进行', startAt: at(2).toISOString(), endAt: at(5).toISOString(), signupDeadline: at(1).toISOString() })
    assert.equal((await book('', full.id, leaver.token)).statusCode, 201)
    assert.equal((await book('', underWay.id, leaver.token)).statusCode, 201)
    assert.equal((await book('citizen-red', full.id)).json().error.code, 'TASK_FULL')

    clock = at(3)
    const res = await post('', '/api/me/deletion', { confirm: '注销' }, leaver.token)
    assert.equal(res.statusCode, 200, res.body)
    assert.equal(res.json().removed.bookings, 1)
    const rows = await t.ctx.db.selectFrom('service_bookings').select(['task_id', 'status', 'cancelled_by']).where('user_id', '=', leaver.user).orderBy('task_id').execute()
    assert.deepEqual(
      rows.map((r) => [r.task_id, r.status, r.cancelled_by]).sort(),
      [[full.id, 'cancelled', 'account_deletion'], [underWay.id, 'booked', null]].sort(),
    )
    assert.equal((await taskRow(full.id)).booked, 0)
    const seat = await book('citizen-red', full.id)
    assert.equal(seat.statusCode, 201, 'the freed seat can be taken')
  })

  it('deletions racing their task\'s cancellation (8 rounds): both finish every time (no deadlock), the seat counts agree', async () => {
    for (let round = 0; round < 8; round++) {
      const [leaver] = await people('dr', 1)
      const task = await publish({ title: `注销与取消并发 ${round}` })
      const other = await publish({ title: `注销与取消并发（另一个）${round}` })
      assert.equal((await book('', task.id, leaver.token)).statusCode, 201)
      assert.equal((await book('', other.id, leaver.token)).statusCode, 201)
      assert.equal((await book('citizen-objection', task.id)).statusCode, 201)
      const [deleted, cancelled] = await Promise.all([post('', '/api/me/deletion', { confirm: '注销' }, leaver.token), cancel(task.id)])
      assert.equal(deleted.statusCode, 200, deleted.body)
      assert.equal(cancelled.statusCode, 200, cancelled.body)
      assert.ok([1, 2].includes(deleted.json().removed.bookings))
      for (const id of [task.id, other.id]) assert.deepEqual([(await taskRow(id)).booked, await liveBookings(id)], [0, 0])
    }
  })
})
