// The remaining writing POST routes run as units of work: for each, a retry with the same
// Idempotency-Key replays the first answer and has one effect, the same key with another body (or,
// for an upload, another file) is 422 in Chinese, and the same key sent several times at once has
// one effect — the others wait for the first commit and replay its answer.
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { chinaDate } from '../../src/domain/dates'
import { fromBase64Url, rotatingDigits, windowOf } from '../../src/domain/rotating-code'
import { notify } from '../messages/messages'
import { multipartBody, samples } from '../testing/multipart'
import { signaturePng } from '../testing/png'
import { bearer, loginAs, startTestApp, type TestApp } from '../testing/app'

let t: TestApp
const tokens: Record<string, string> = {}
const clock = new Date(`${chinaDate()}T10:00:00+08:00`)
before(async () => {
  t = await startTestApp()
  t.ctx.now = () => clock
  for (const p of ['citizen-red', 'citizen-new', 'citizen-repairable', 'staff-verifier', 'staff-counter', 'staff-rental', 'staff-officer']) {
    tokens[p] = (await loginAs(t.app, p)).accessToken
  }
})
after(() => t.close())

type Res = Awaited<ReturnType<TestApp['app']['inject']>>
const post = (p: string, url: string, payload: unknown, key?: string) =>
  t.app.inject({ method: 'POST', url, payload: payload as object, headers: { ...bearer(tokens[p]), ...(key ? { 'idempotency-key': key } : {}) } })
const get = (p: string, url: string) => t.app.inject({ url, headers: bearer(tokens[p]) })
const replayed = (r: Res) => r.headers['idempotent-replayed'] === 'true'
const live = (code: string, secret: string) => `${code}-${rotatingDigits(fromBase64Url(secret), windowOf(clock))}`
const accessLogRows = async (purpose: string) => (await t.ctx.db.selectFrom('access_log').select('id').where('purpose', '=', purpose).execute()).length

/** A second send with the key is a replay of the first answer, byte for byte. */
function assertReplay(first: Res, again: Res, status: number) {
  assert.equal(first.statusCode, status, first.body)
  assert.deepEqual([again.statusCode, replayed(again), again.body], [status, true, first.body])
}

function assertReused(res: Res) {
  assert.equal(res.statusCode, 422, res.body)
  assert.deepEqual(res.json().error, { code: 'IDEMPOTENCY_KEY_REUSED', message: '该 Idempotency-Key 已用于另一项内容不同的请求' })
}

/** Five at once with one key: one answer computed, four replays of it. */
async function assertOneOfFive(send: () => Promise<Res>, status: number) {
  const all = await Promise.all(Array.from({ length: 5 }, send))
  assert.deepEqual(all.map((r) => r.statusCode), Array(5).fill(status), all.map((r) => r.body).join('\n'))
  assert.equal(all.filter(replayed).length, 4)
  assert.equal(new Set(all.map((r) => r.body)).size, 1)
  return all[0]
}

function storedFiles() {
  const dir = path.join(t.dataDir, 'uploads')
  if (!fs.existsSync(dir)) return 0
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length
}

describe('commitment signing', () => {
  const body = async (p: string, templateId: string) => {
    const tpl = (await get(p, `/api/commitments/templates/${templateId}`)).json()
    return { templateId, version: tpl.version, textSha256: tpl.textSha256, agreed: true, signaturePng: `data:image/png;base64,${signaturePng().toString('base64')}` }
  }
  const count = async (subjectId: string) => ({
    commitments: (await t.ctx.db.selectFrom('commitments').select('id').where('subject_id', '=', subjectId).execute()).length,
    signatures: (await t.ctx.db.selectFrom('uploads').select('id').where('subject_id', '=', subjectId).where('purpose', '=', 'signature').execute()).length,
  })

  it('a retry replays the receipt and signs once; another body under the key is 422', async () => {
    const me = (await get('citizen-red', '/api/me')).json().subjects[0].id as string
    const before = await count(me)
    const sign = await body('citizen-red', 'tpl-person-integrity')
    const first = await post('citizen-red', '/api/commitments', sign, 'uow-sign-0001')
    assertReplay(first, await post('citizen-red', '/api/commitments', sign, 'uow-sign-0001'), 201)
    assert.deepEqual(await count(me), { commitments: before.commitments + 1, signatures: before.signatures + 1 })
    assertReused(await post('citizen-red', '/api/commitments', { ...sign, signaturePng: `data:image/png;base64,${signaturePng(320).toString('base64')}` }, 'uow-sign-0001'))
  })

  it('five at once with one key: one commitment, one signature file kept (the others are removed from storage)', async () => {
    const me = (await get('citizen-new', '/api/me')).json().subjects[0].id as string
    const before = await count(me)
    const files = storedFiles()
    const sign = await body('citizen-new', 'tpl-person-integrity')
    await assertOneOfFive(() => post('citizen-new', '/api/commitments', sign, 'uow-sign-0002'), 201)
    assert.deepEqual(await count(me), { commitments: before.commitments + 1, signatures: before.signatures + 1 })
    assert.equal(storedFiles(), files + 1)
  })
})

describe('uploads (multipart)', () => {
  const upload = (file: Buffer, key: string, p = 'citizen-red') => {
    const form = multipartBody([{ field: 'file', filename: 'proof.pdf', type: 'application/pdf', data: file }])
    return t.app.inject({ method: 'POST', url: '/api/uploads', payload: form.payload, headers: { ...form.headers, ...bearer(tokens[p]), 'idempotency-key': key } })
  }
  const rows = async () => (await t.ctx.db.selectFrom('uploads').select('id').where('purpose', '=', 'evidence').execute()).length

  it('a retry with the same file replays the first answer and stores one file', async () => {
    const [before, files] = [await rows(), storedFiles()]
    const first = await upload(samples.pdf, 'uow-upload-0001')
    assertReplay(first, await upload(samples.pdf, 'uow-upload-0001'), 201)
    assert.deepEqual([await rows(), storedFiles()], [before + 1, files + 1])
  })

  it('the same key with another file (same field, same name) is 422: the key covers the bytes', async () => {
    assert.equal((await upload(samples.pdf, 'uow-upload-0002')).statusCode, 201)
    const [before, files] = [await rows(), storedFiles()]
    assertReused(await upload(samples.jpeg, 'uow-upload-0002'))
    assert.deepEqual([await rows(), storedFiles()], [before, files], 'nothing stored for the refused request')
  })

  it('five at once with one key: one row and one file', async () => {
    const [before, files] = [await rows(), storedFiles()]
    await assertOneOfFive(() => upload(samples.jpeg, 'uow-upload-0003', 'citizen-new'), 201)
    assert.deepEqual([await rows(), storedFiles()], [before + 1, files + 1])
  })

  it('a form refused before its file was read is not kept: the retry with the file runs', async () => {
    const form = multipartBody([{ field: 'other', filename: 'a.pdf', data: samples.pdf }])
    const bad = await t.app.inject({ method: 'POST', url: '/api/uploads', payload: form.payload, headers: { ...form.headers, ...bearer(tokens['citizen-red']), 'idempotency-key': 'uow-upload-0004' } })
    assert.equal(bad.statusCode, 400)
    const ok = await upload(samples.pdf, 'uow-upload-0004')
    assert.deepEqual([ok.statusCode, replayed(ok)], [201, false])
  })
})

describe('staff checks', () => {
  it('voucher verify: the gate\'s retry gets the redemption back (not "already used"); another code under the key is 422', async () => {
    const v = (await post('citizen-red', '/api/incentives/travel-lingyin/claims', { visitDate: chinaDate(clock), benefit: 'fast_lane' })).json().voucher
    const code = live(v.code, v.pass.secret)
    const logged = await accessLogRows('信易游卡券核销')
    const first = await post('staff-verifier', '/api/staff/vouchers/verify', { code }, 'uow-verify-0001')
    assertReplay(first, await post('staff-verifier', '/api/staff/vouchers/verify', { code }, 'uow-verify-0001'), 200)
    assert.equal(await accessLogRows('信易游卡券核销'), logged + 1)
    assertReused(await post('staff-verifier', '/api/staff/vouchers/verify', { code: 'ABCD-EFGH-JKMN' }, 'uow-verify-0001'))
  })

  it('voucher verify: five scans at once with one key all get the one redemption', async () => {
    const v = (await post('citizen-red', '/api/incentives/travel-lingyin/claims', { visitDate: chinaDate(clock), benefit: 'ticket_discount' })).json().voucher
    const code = live(v.code, v.pass.secret)
    const logged = await accessLogRows('信易游卡券核销')
    const first = await assertOneOfFive(() => post('staff-verifier', '/api/staff/vouchers/verify', { code }, 'uow-verify-0002'), 200)
    assert.equal(first.json().statusText, '已使用')
    assert.equal(await accessLogRows('信易游卡券核销'), logged + 1)
  })

  it('counter pass check: a retry is logged once; five at once are logged once', async () => {
    const pass = (await get('citizen-red', '/api/me/counter-passes/reading-library')).json()
    const code = live(pass.code, pass.pass.secret)
    const purpose = '信易阅·图书馆免押借阅资格核验'
    const logged = await accessLogRows(purpose)
    const first = await post('staff-counter', '/api/staff/counter-passes/check', { code }, 'uow-pass-0001')
    assertReplay(first, await post('staff-counter', '/api/staff/counter-passes/check', { code }, 'uow-pass-0001'), 200)
    assert.equal(await accessLogRows(purpose), logged + 1)
    assertReused(await post('staff-counter', '/api/staff/counter-passes/check', { code: code.toLowerCase() }, 'uow-pass-0001'))
    await assertOneOfFive(() => post('staff-counter', '/api/staff/counter-passes/check', { code }, 'uow-pass-0002'), 200)
    assert.equal(await accessLogRows(purpose), logged + 2)
  })

  it('partner grant check: a retry is logged once; five at once are logged once', async () => {
    const grant = (await post('citizen-red', '/api/incentives/rental-bike/claims', {})).json().grant
    assert.equal((await post('citizen-red', '/api/me/authorizations', { incentiveId: 'rental-bike', days: 30 })).statusCode, 201)
    const purpose = '信易租免押资格查验'
    const logged = await accessLogRows(purpose)
    const first = await post('staff-rental', '/api/partner/grants/check', { code: grant.code }, 'uow-grant-0001')
    assertReplay(first, await post('staff-rental', '/api/partner/grants/check', { code: grant.code }, 'uow-grant-0001'), 200)
    assert.equal(await accessLogRows(purpose), logged + 1)
    assertReused(await post('staff-rental', '/api/partner/grants/check', { code: 'ABCD-EFGH-JKMN' }, 'uow-grant-0001'))
    await assertOneOfFive(() => post('staff-rental', '/api/partner/grants/check', { code: grant.code }, 'uow-grant-0002'), 200)
    assert.equal(await accessLogRows(purpose), logged + 2)
  })
})

describe('account', () => {
  async function newSmsUser(phone: string) {
    await t.app.inject({ method: 'POST', url: '/api/auth/sms/send', payload: { phone } })
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/sms/verify', payload: { phone, code: t.sms.last(phone) } })
    return res.json() as { accessToken: string; user: { id: string } }
  }
  const as = (token: string, url: string, payload: unknown, key: string) =>
    t.app.inject({ method: 'POST', url, payload: payload as object, headers: { ...bearer(token), 'idempotency-key': key } })

  it('real-name binding: five at once with one key bind once, all with the same profile', async () => {
    const { accessToken, user } = await newSmsUser('13600000091')
    const first = await assertOneOfFive(() => as(accessToken, '/api/me/real-name', { name: '钱七', idNumber: '440304199001010011' }, 'uow-realname-01'), 200)
    assert.equal(first.json().realNameVerified, true)
    const row = await t.ctx.db.selectFrom('users').select('subject_id').where('id', '=', user.id).executeTakeFirstOrThrow()
    assert.ok(row.subject_id)
  })

  it('account deletion: five presses at once with one key delete once and all get the same answer; the key then holds another body as 422', async () => {
    const { accessToken } = await newSmsUser('13600000092')
    const first = await assertOneOfFive(() => as(accessToken, '/api/me/deletion', { confirm: '注销' }, 'uow-delete-0001'), 200)
    assert.ok(first.json().deletedAt)
    // Afterwards the account's token is refused before any key is looked at.
    assert.equal((await as(accessToken, '/api/me/deletion', { confirm: '注销' }, 'uow-delete-0001')).json().error.code, 'ACCOUNT_DELETED')

    const other = await newSmsUser('13600000093')
    assert.equal((await as(other.accessToken, '/api/me/deletion', {}, 'uow-delete-0002')).statusCode, 400)
    assertReused(await as(other.accessToken, '/api/me/deletion', { confirm: '注销' }, 'uow-delete-0002'))
  })
})

describe('messages', () => {
  it('mark read: a retry replays the first read time; another message under the key is 422', async () => {
    const a = await notify(t.ctx.db, { to: { subjectId: 'person-li' }, kind: 'test', title: '通知甲', body: '正文' })
    const b = await notify(t.ctx.db, { to: { subjectId: 'person-li' }, kind: 'test', title: '通知乙', body: '正文' })
    const first = await post('citizen-repairable', `/api/messages/${a}/read`, undefined, 'uow-read-00001')
    assertReplay(first, await post('citizen-repairable', `/api/messages/${a}/read`, undefined, 'uow-read-00001'), 200)
    assertReused(await post('citizen-repairable', `/api/messages/${b}/read`, undefined, 'uow-read-00001'))
  })

  it('mark all read: five at once with one key all answer with the one update', async () => {
    for (let i = 0; i < 3; i++) await notify(t.ctx.db, { to: { subjectId: 'person-li' }, kind: 'test', title: `通知 ${i}`, body: '正文' })
    const first = await assertOneOfFive(() => post('citizen-repairable', '/api/messages/read-all', undefined, 'uow-readall-001'), 200)
    assert.ok(first.json().updated >= 3)
    const unread = (await get('citizen-repairable', '/api/messages')).json().unread
    assert.equal(unread, 0)
  })
})

describe('calendar load', () => {
  const year2029 = { holidays: [{ date: '2029-01-01', name: '元旦' }], workdays: [] }
  const loadedAt = async () => (await t.ctx.db.selectFrom('calendar_years').select('loaded_at').where('year', '=', 2029).executeTakeFirstOrThrow()).loaded_at.toISOString()

  it('a retry replays the load and does not load again; another arrangement under the key is 422', async () => {
    const first = await post('staff-officer', '/api/officer/calendar/2029', year2029, 'uow-calendar-01')
    const at = await loadedAt()
    assertReplay(first, await post('staff-officer', '/api/officer/calendar/2029', year2029, 'uow-calendar-01'), 200)
    assert.equal(await loadedAt(), at, 'not loaded a second time')
    assertReused(await post('staff-officer', '/api/officer/calendar/2029', { ...year2029, holidays: [{ date: '2029-01-02', name: '元旦' }] }, 'uow-calendar-01'))
  })

  it('five at once with one key load once', async () => {
    const body = { holidays: [{ date: '2029-01-01', name: '元旦' }, { date: '2029-05-01', name: '劳动节' }], workdays: [] }
    await assertOneOfFive(() => post('staff-officer', '/api/officer/calendar/2029', body, 'uow-calendar-02'), 200)
    const days = await t.ctx.db.selectFrom('calendar_days').select('day').where('year', '=', 2029).execute()
    assert.equal(days.length, 2)
  })
})
