import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { bearer, loginAs, startTestApp, type TestApp } from '../testing/app'
import { onCalendarChange, syncPackageCalendar, workingCalendar } from './calendar'

let t: TestApp
const tokens: Record<string, string> = {}
before(async () => {
  t = await startTestApp()
  for (const p of ['staff-officer', 'citizen-red']) tokens[p] = (await loginAs(t.app, p)).accessToken
})
after(() => t.close())

const post = (p: string, url: string, payload: unknown) => t.app.inject({ method: 'POST', url, payload: payload as object, headers: bearer(tokens[p]) })

const NATIONAL_DAY_2027 = {
  holidays: ['2027-10-01', '2027-10-02', '2027-10-03', '2027-10-04', '2027-10-05', '2027-10-06', '2027-10-07'].map((date) => ({ date, name: '国庆节' })),
  workdays: ['2027-09-26', '2027-10-09'],
}

describe('the calendar in the database', () => {
  it('holds the package years after start-up, and a second sync adds nothing', async () => {
    const cal = await workingCalendar(t.ctx.db)
    assert.ok(cal.officialYears().includes(2025) && cal.officialYears().includes(2026))
    assert.equal(await syncPackageCalendar(t.ctx.db), 0)
    assert.equal(cal.isWorkingDay('2025-10-11'), true) // 调休上班 Saturday
    assert.equal(cal.isWorkingDay('2025-10-08'), false)
  })

  it('estimates a year nobody has loaded, from the statutory holidays', async () => {
    const cal = await workingCalendar(t.ctx.db)
    // Thu 9-30: 10-1 (Fri) … 10-3 statutory days off, then 10-4 … 10-8
    assert.deepEqual(cal.addWorkingDays('2027-09-30', 5), { date: '2027-10-08', estimated: true })
  })
})

describe('an officer loads a newly published arrangement', () => {
  it('lists the years around today with their status', async () => {
    const res = await t.app.inject({ url: '/api/officer/calendar', headers: bearer(tokens['staff-officer']) })
    assert.equal(res.statusCode, 200)
    const items = res.json().items as { year: number; status: string }[]
    assert.equal(items.length, 3)
    assert.ok(items.every((y) => ['official', 'package', 'estimated'].includes(y.status)))
  })

  it('after loading 2027, its deadlines follow the official days and are no longer estimated; due dates are recomputed', async () => {
    const seen: number[] = []
    onCalendarChange(async (_trx, cal, year) => {
      seen.push(year)
      return cal.addWorkingDays('2027-09-30', 5).estimated ? 0 : 1
    })
    const res = await post('staff-officer', '/api/officer/calendar/2027', NATIONAL_DAY_2027)
    assert.equal(res.statusCode, 200, res.body)
    assert.deepEqual(res.json(), { year: 2027, holidays: 7, workdays: 2, recomputed: 1 })
    assert.deepEqual(seen, [2027])
    const cal = await workingCalendar(t.ctx.db)
    // 10-8 Fri (1), 10-9 Sat 调休 (2), 10-11 (3), 10-12 (4), 10-13 (5)
    assert.deepEqual(cal.addWorkingDays('2027-09-30', 5), { date: '2027-10-13', estimated: false })
    assert.equal(cal.isWorkingDay('2027-09-26'), true)
    const years = (await t.app.inject({ url: '/api/officer/calendar', headers: bearer(tokens['staff-officer']) })).json().items as { year: number; status: string }[]
    if (years.some((y) => y.year === 2027)) assert.equal(years.find((y) => y.year === 2027)?.status, 'official')
  })

  it('loading the year again replaces it as a whole', async () => {
    const res = await post('staff-officer', '/api/officer/calendar/2027', { holidays: [{ date: '2027-01-01', name: '元旦' }] })
    assert.equal(res.statusCode, 200, res.body)
    const cal = await workingCalendar(t.ctx.db)
    assert.equal(cal.isWorkingDay('2027-10-04'), true) // no longer listed
    assert.equal(cal.isWorkingDay('2027-01-01'), false)
    assert.equal(cal.day('2027-01-01').estimated, false)
  })

  it('refuses what is not an arrangement, in Chinese', async () => {
    const cases: [unknown, string, string][] = [
      [{ holidays: [] }, '2028', '请填写放假日期'],
      [{ holidays: [{ date: '2028-02-30', name: '春节' }] }, '2028', '真实存在'],
      [{ holidays: [{ date: '2029-01-01', name: '元旦' }] }, '2028', '不属于 2028 年'],
      [{ holidays: [{ date: '2028-01-03', name: '元旦' }], workdays: ['2028-01-03'] }, '2028', '不能既放假又上班'],
      [{ holidays: [{ date: '2028-01-01', name: '元旦' }], workdays: ['2028-01-04'] }, '2028', '只能是周六或周日'],
      [{ holidays: [{ date: '2028-01-01', name: '元旦' }] }, '1999', '年份不正确'],
      [{ holidays: [{ date: '2028-01-01', name: '元旦' }] }, 'abc', '年份不正确'],
    ]
    for (const [body, year, message] of cases) {
      const res = await post('staff-officer', `/api/officer/calendar/${year}`, body)
      assert.equal(res.statusCode, 400, `${year} ${JSON.stringify(body)}: ${res.body}`)
      assert.match(res.json().error.message, new RegExp(message))
    }
  })

  it('a citizen cannot load a calendar', async () => {
    const res = await post('citizen-red', '/api/officer/calendar/2028', { holidays: [{ date: '2028-01-01', name: '元旦' }] })
    assert.equal(res.statusCode, 403)
    assert.equal((await t.app.inject({ url: '/api/officer/calendar' })).statusCode, 401)
  })
})
