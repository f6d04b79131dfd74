// 取消预约 (POST /api/public-service/bookings/:id/cancel) once the holder has checked in: check-in
// opens half an hour before the start, so "not started yet" alone does not make a booking
// cancellable. Runs on the embedded database and, with DATABASE_URL, on PostgreSQL 15.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { bearer, loginAs, startTestApp, type TestApp } from '../testing/app'

let t: TestApp
const tokens: Record<string, string> = {}
const HOUR = 3600_000
const realNow = new Date()
let clock = new Date(realNow)
const at = (hoursFromReal: number) => new Date(realNow.getTime() + hoursFromReal * HOUR)

before(async () => {
  t = await startTestApp()
  t.ctx.now = () => clock
  for (const p of ['staff-organizer', 'citizen-new', 'citizen-repairable', 'citizen-objection']) tokens[p] = (await loginAs(t.app, p)).accessToken
})
after(() => t.close())

const get = (p: string, url: string) => t.app.inject({ url, headers: bearer(tokens[p]) })
const post = (p: string, url: string, payload: unknown = {}) => t.app.inject({ method: 'POST', url, payload: payload as object, headers: bearer(tokens[p]) })

/** A task starting 48 h from now, with `people` booked; returns the task and their booking ids. */
async function taskWith(people: string[]) {
  clock = new Date(realNow)
  const res = await post('staff-organizer', '/api/organizer/tasks', {
    title: '社区垃圾分类宣传', organization: '杭州市志愿者协会', place: '上城区小营街道社区服务中心', description: '在小区入口向居民讲解垃圾分类。',
    startAt: at(48).toISOString(), endAt: at(51).toISOString(), signupDeadline: at(24).toISOString(), capacity: 5, hours: 3,
  })
  assert.equal(res.statusCode, 201, res.body)
  const task = res.json() as { id: string }
  const bookings: Record<string, string> = {}
  for (const p of people) {
    const b = await post(p, `/api/public-service/tasks/${task.id}/bookings`)
    assert.equal(b.statusCode, 201, b.body)
    bookings[p] = b.json().id
  }
  return { task, bookings }
}
const checkIn = async (p: string, taskId: string) => {
  const code = await get('staff-organizer', `/api/organizer/tasks/${taskId}/site-code`)
  assert.equal(code.statusCode, 200, code.body)
  return post(p, '/api/public-service/check-in', { code: code.json().code })
}
const cancel = (p: string, bookingId: string) => post(p, `/api/public-service/bookings/${bookingId}/cancel`)
const seats = async (taskId: string) => (await t.ctx.db.selectFrom('service_tasks').select('booked').where('id', '=', taskId).executeTakeFirstOrThrow()).booked
const booking = (id: string) => t.ctx.db.selectFrom('service_bookings').select(['status', 'checked_in_at']).where('id', '=', id).executeTakeFirstOrThrow()

describe('取消预约 after check-in', () => {
  it('when the holder checked in before the start, then cancelling is refused (409, in Chinese), the booking and the seat stay', async () => {
    const { task, bookings } = await taskWith(['citizen-new', 'citizen-repairable'])
    clock = at(47.75) // check-in is open, the task has not started
    assert.equal((await checkIn('citizen-new', task.id)).statusCode, 200)

    const res = await cancel('citizen-new', bookings['citizen-new'])
    assert.deepEqual([res.statusCode, res.json().error.code], [409, 'ALREADY_CHECKED_IN'])
    assert.match(res.json().error.message, /^您已于 .+ 签到，不能再取消预约/)
    assert.deepEqual([(await booking(bookings['citizen-new'])).status, await seats(task.id)], ['booked', 2])

    const mine = (await get('citizen-new', '/api/public-service/bookings')).json().items.find((b: { id: string }) => b.id === bookings['citizen-new'])
    assert.deepEqual([mine.stage, mine.canCancel], ['checked_in', false], 'the app is not offered 取消预约')
    const others = (await get('citizen-repairable', '/api/public-service/bookings')).json().items.find((b: { id: string }) => b.id === bookings['citizen-repairable'])
    assert.equal(others.canCancel, true)

    // the one who has not checked in may still cancel until the start
    const other = await cancel('citizen-repairable', bookings['citizen-repairable'])
    assert.deepEqual([other.statusCode, other.json().stage], [200, 'cancelled'])
    assert.equal(await seats(task.id), 1)
  })

  it('when the hours are confirmed (the organizer may record them for someone who did not scan), then cancelling is refused (409)', async () => {
    const { task, bookings } = await taskWith(['citizen-objection'])
    // set directly: this is the state the rule is about, whatever the clock allows the organizer
    await t.ctx.db.updateTable('service_bookings').set({ confirmed_hours: 3 }).where('id', '=', bookings['citizen-objection']).execute()
    const res = await cancel('citizen-objection', bookings['citizen-objection'])
    assert.deepEqual([res.statusCode, res.json().error.code], [409, 'HOURS_CONFIRMED'])
    assert.match(res.json().error.message, /服务时长已确认/)
    assert.equal(await seats(task.id), 1)
  })

  it('when check-in and cancel race, then the booking ends either checked in and booked (cancel refused) or cancelled with its seat freed — never both', async () => {
    for (let round = 0; round < 8; round++) {
      const { task, bookings } = await taskWith(['citizen-new'])
      clock = at(47.75)
      const code = (await get('staff-organizer', `/api/organizer/tasks/${task.id}/site-code`)).json().code as string
      const [checkIn, c] = await Promise.all([post('citizen-new', '/api/public-service/check-in', { code }), cancel('citizen-new', bookings['citizen-new'])])
      const row = await booking(bookings['citizen-new'])
      if (c.statusCode === 200) {
        assert.deepEqual([row.status, row.checked_in_at, await seats(task.id)], ['cancelled', null, 0])
        assert.equal(checkIn.statusCode, 409, checkIn.body)
        assert.ok(['BOOKING_CANCELLED', 'NO_BOOKING_TODAY'].includes(checkIn.json().error.code), checkIn.body)
      } else {
        assert.equal(checkIn.statusCode, 200, checkIn.body)
        assert.deepEqual([c.statusCode, c.json().error.code], [409, 'ALREADY_CHECKED_IN'])
        assert.equal(row.status, 'booked')
        assert.ok(row.checked_in_at)
        assert.equal(await seats(task.id), 1)
      }
    }
  })
})
