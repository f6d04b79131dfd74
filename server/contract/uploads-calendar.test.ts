// /api/uploads and /api/officer/calendar answer in the shapes of src/contract/uploads.ts and
// calendar.ts; refusals in the contract's error shape.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { CalendarLoaded, CalendarYears } from '../../src/contract/calendar'
import { UploadResult } from '../../src/contract/uploads'
import { multipartBody, samples } from '../testing/multipart'
import { bearer, loginAs, startTestApp, type TestApp } from '../testing/app'
import { answers, refuses } from './check'

let t: TestApp
const tokens: Record<string, string> = {}
before(async () => {
  t = await startTestApp()
  for (const p of ['citizen-red', 'staff-officer']) tokens[p] = (await loginAs(t.app, p)).accessToken
})
after(() => t.close())

describe('uploads follow the contract', () => {
  it('an upload answers with its record; reading it back gives the bytes; a bad id is refused', async () => {
    for (const [file, name] of [[samples.pdf, 'a.pdf'], [samples.jpeg, 'b.jpg']] as const) {
      const form = multipartBody([{ field: 'file', filename: name, data: file }])
      const up = answers(UploadResult, await t.app.inject({ method: 'POST', url: '/api/uploads', payload: form.payload, headers: { ...form.headers, ...bearer(tokens['citizen-red']) } }), 201)
      const back = await t.app.inject({ url: `/api/uploads/${up.id}`, headers: bearer(tokens['citizen-red']) })
      assert.deepEqual([back.statusCode, back.rawPayload.equals(file)], [200, true])
    }
    refuses(await t.app.inject({ url: '/api/uploads/not-an-upload', headers: bearer(tokens['citizen-red']) }), 404)
    const bad = multipartBody([{ field: 'file', filename: 'x.jpg', data: samples.exe }])
    refuses(await t.app.inject({ method: 'POST', url: '/api/uploads', payload: bad.payload, headers: { ...bad.headers, ...bearer(tokens['citizen-red']) } }), 415)
  })
})

describe('calendar follows the contract', () => {
  const call = (method: 'GET' | 'POST', url: string, payload?: object) => t.app.inject({ method, url, payload, headers: bearer(tokens['staff-officer']) })
  it('the years, a load, and refusals', async () => {
    answers(CalendarYears, await call('GET', '/api/officer/calendar'))
    answers(CalendarLoaded, await call('POST', '/api/officer/calendar/2030', { holidays: [{ date: '2030-01-01', name: '元旦' }], workdays: [] }))
    answers(CalendarYears, await call('GET', '/api/officer/calendar'))
    refuses(await call('POST', '/api/officer/calendar/1999', { holidays: [{ date: '1999-01-01', name: '元旦' }] }), 400, 'VALIDATION_ERROR')
    refuses(await call('POST', '/api/officer/calendar/2030', { holidays: [{ date: '2031-01-01', name: '元旦' }] }), 400, 'DATE_OUTSIDE_YEAR')
    refuses(await call('POST', '/api/officer/calendar/2030', { holidays: [] }), 400, 'VALIDATION_ERROR')
  })
})
