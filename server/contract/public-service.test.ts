// /api/public-service and /api/organizer answer in the shapes of src/contract/public-service.ts
// (strict: a field the contract does not name fails), through a whole task: published, listed,
// booked, checked in and out with the site code, confirmed by the organizer, hours read; a 时长码
// issued and redeemed; a booking cancelled and a task cancelled; refusals in the error shape.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  AttendanceResult, HourCodeIssued, HourCodeRedeemed, HoursSummary, OrganizerTask, OrganizerTaskPage, ServiceBooking, ServiceBookingPage, ServiceTask, ServiceTaskPage,
  SiteCode, TaskAttendee, TaskAttendees,
} from '../../src/contract/public-service'
import { bearer, loginAs, startTestApp, type TestApp } from '../testing/app'
import { answers, refuses } from './check'

let t: TestApp
const tokens: Record<string, string> = {}
const HOUR = 3600_000
// The rules read ctx.now: the case moves this clock (the site codes are computed for it too).
const realNow = new Date()
let clock = new Date(realNow)
const at = (hoursFromNow: number) => new Date(realNow.getTime() + hoursFromNow * HOUR)
before(async () => {
  t = await startTestApp()
  t.ctx.now = () => clock
  for (const p of ['staff-organizer', 'citizen-new', 'citizen-red']) tokens[p] = (await loginAs(t.app, p)).accessToken
})
after(() => t.close())

const get = (p: string, url: string) => t.app.inject({ url, headers: bearer(tokens[p]) })
const post = (p: string, url: string, payload: object = {}, key?: string) =>
  t.app.inject({ method: 'POST', url, payload, headers: { ...bearer(tokens[p]), ...(key ? { 'idempotency-key': key } : {}) } })
const task = (title: string) => ({
  title, organization: '杭州市志愿者协会', place: '上城区小营街道社区服务中心', description: '在小区入口向居民讲解垃圾分类，发放宣传册。',
  startAt: at(48).toISOString(), endAt: at(51).toISOString(), signupDeadline: at(24).toISOString(), capacity: 5, hours: 3,
})

describe('public-service answers follow the contract', () => {
  it('a task from publishing to confirmed hours, as the citizen and as the organizer sees it', async () => {
    const first = await post('staff-organizer', '/api/organizer/tasks', task('契约测试：垃圾分类宣传'), 'contract-task-1')
    const published = answers(OrganizerTask, first, 201)
    const replay = await post('staff-organizer', '/api/organizer/tasks', task('契约测试：垃圾分类宣传'), 'contract-task-1')
    assert.equal(replay.headers['idempotent-replayed'], 'true')
    assert.equal(replay.body, first.body)
    assert.ok(answers(OrganizerTaskPage, await get('staff-organizer', '/api/organizer/tasks')).items.some((x) => x.id === published.id))

    const open = answers(ServiceTaskPage, await get('citizen-new', '/api/public-service/tasks'))
    assert.ok(open.items.some((x) => x.id === published.id))
    const booking = answers(ServiceBooking, await post('citizen-new', `/api/public-service/tasks/${published.id}/bookings`), 201)
    assert.equal(booking.stage, 'booked')
    const seen = answers(ServiceTask, await get('citizen-new', `/api/public-service/tasks/${published.id}`))
    assert.equal(seen.myBooking?.id, booking.id)
    answers(ServiceBookingPage, await get('citizen-new', '/api/public-service/bookings'))

    clock = at(47.8)
    const code = answers(SiteCode, await get('staff-organizer', `/api/organizer/tasks/${published.id}/site-code`))
    assert.equal(answers(AttendanceResult, await post('citizen-new', '/api/public-service/check-in', { code: code.code })).stage, 'checked_in')
    clock = at(51.2)
    const outCode = answers(SiteCode, await get('staff-organizer', `/api/organizer/tasks/${published.id}/site-code`))
    assert.equal(answers(AttendanceResult, await post('citizen-new', '/api/public-service/check-out', { code: outCode.code })).stage, 'checked_out')

    const attendees = answers(TaskAttendees, await get('staff-organizer', `/api/organizer/tasks/${published.id}/bookings`))
    assert.deepEqual(attendees.items.map((a) => a.bookingId), [booking.id])
    const confirmed = answers(TaskAttendee, await post('staff-organizer', `/api/organizer/tasks/${published.id}/attendance`, { bookingId: booking.id, hours: 3 }))
    assert.deepEqual([confirmed.stage, confirmed.confirmedHours], ['confirmed', 3])
    const hours = answers(HoursSummary, await get('citizen-new', '/api/public-service/hours'))
    assert.equal(hours.total, 3)

    const issued = answers(HourCodeIssued, await post('staff-organizer', '/api/organizer/hour-codes', { hours: 2, note: '线上课业辅导' }), 201)
    const redeemed = answers(HourCodeRedeemed, await post('citizen-new', '/api/public-service/hour-codes/redeem', { code: issued.code }))
    assert.equal(redeemed.hours, 2)
    assert.equal(answers(HoursSummary, await get('citizen-new', '/api/public-service/hours')).total, 5)
  })

  it('a booking cancelled by the citizen, a task cancelled by the organizer', async () => {
    clock = new Date(realNow)
    const published = answers(OrganizerTask, await post('staff-organizer', '/api/organizer/tasks', task('契约测试：敬老院陪伴')), 201)
    const mine = answers(ServiceBooking, await post('citizen-red', `/api/public-service/tasks/${published.id}/bookings`), 201)
    const cancelled = answers(ServiceBooking, await post('citizen-red', `/api/public-service/bookings/${mine.id}/cancel`))
    assert.equal(cancelled.cancelledBy, 'citizen')
    answers(ServiceBooking, await post('citizen-new', `/api/public-service/tasks/${published.id}/bookings`), 201)
    const gone = answers(OrganizerTask, await post('staff-organizer', `/api/organizer/tasks/${published.id}/cancel`, { reason: '场地临时检修，活动取消' }))
    assert.equal(gone.cancelled?.reason, '场地临时检修，活动取消')
    const theirs = answers(ServiceBookingPage, await get('citizen-new', '/api/public-service/bookings')).items.find((b) => b.task.id === published.id)
    assert.deepEqual([theirs?.cancelledBy, theirs?.task.cancelReason], ['organizer', '场地临时检修，活动取消'])
    assert.ok(answers(ServiceTask, await get('citizen-new', `/api/public-service/tasks/${published.id}`)).cancelled)
  })

  it('bad input is refused in the contract\'s error shape', async () => {
    refuses(await get('citizen-new', '/api/public-service/tasks?date=2026-13-40'), 400, 'VALIDATION_ERROR')
    refuses(await get('citizen-new', `/api/public-service/bookings?cursor=${'x'.repeat(301)}`), 400, 'VALIDATION_ERROR')
    refuses(await get('citizen-new', '/api/public-service/tasks/no-such-task'), 404)
    refuses(await post('citizen-new', '/api/public-service/check-in', { code: 'abc' }), 400)
    refuses(await post('citizen-new', '/api/public-service/hour-codes/redeem', {}), 400, 'VALIDATION_ERROR')
    refuses(await get('citizen-new', '/api/organizer/tasks?cursor=x'), 403, 'FORBIDDEN')
    refuses(await get('staff-organizer', '/api/organizer/tasks/no-such-task/site-code'), 404)
    refuses(await post('staff-organizer', '/api/organizer/tasks', { title: '' }), 400, 'VALIDATION_ERROR')
  })
})
