import assert from 'node:assert/strict'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'kysely'
import { after, before, describe, it } from 'node:test'
import { REPORT_CHECKS_PER_IP_PER_MINUTE, REPORTS_PER_DAY, REPORTS_PER_YEAR } from '../../../src/domain/policy'
import { addCalendarDays, chinaDate } from '../../../src/domain/dates'
import { startWorker, type Worker } from '../../jobs/worker'
import { generateReport, requestReport } from '../../reports/reports'
import { signingCertificate } from '../../reports/runner'
import { transition } from '../../records/lifecycle'
import { pdfSignature, pdfText } from '../../reports/testing'
import { multipartBody } from '../../testing/multipart'
import { bearer, loginAs, startTestApp, type TestApp } from '../../testing/app'

let t: TestApp
let worker: Worker | null
const tokens: Record<string, string> = {}
const quiet = { info: () => undefined, error: () => undefined }
before(async () => {
  t = await startTestApp()
  // Reports are rendered by the job worker (report-generation queue), as in production.
  worker = await startWorker(t.ctx, quiet, { withoutSchedules: true, pollingIntervalSeconds: 0.5, reportRetryDelaySeconds: 1 })
  for (const p of ['citizen-repairable', 'citizen-objection', 'citizen-new', 'citizen-red', 'agent-jianhu']) tokens[p] = (await loginAs(t.app, p)).accessToken
})
after(async () => {
  await worker?.stop()
  await t.close()
})

const asJianhu = { 'x-subject': '91330602MA2D8R6L1D' }
const get = (p: string | null, url: string, headers: Record<string, string> = {}) => t.app.inject({ url, headers: { ...(p ? bearer(tokens[p]) : {}), ...headers } })
const post = (p: string, url: string, payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, payload: payload as object, headers: { ...bearer(tokens[p]), ...headers } })
const flat = (s: string) => s.replace(/\s+/g, '')

async function untilSettled(p: string, id: string, headers: Record<string, string> = {}) {
  // Up to 90 s: a retried job waits its 10 s back-off, and workers poll every few seconds.
  for (let i = 0; i < 900; i++) {
    const r = (await get(p, `/api/reports/${id}`, headers)).json()
    if (r.status !== 'pending') return r
    await new Promise((res) => setTimeout(res, 100))
  }
  throw new Error('report never settled')
}

describe('a citizen generates, downloads and shares a report', () => {
  let report: { id: string; number: string; verificationCode: string; sha256: string }
  let pdf: Buffer

  it('POST answers 202 at once; the report becomes ready with number, code and hash', async () => {
    const res = await post('citizen-repairable', '/api/reports', { kind: 'full' })
    assert.equal(res.statusCode, 202, res.body)
    assert.deepEqual(res.json().status, 'pending')
    report = await untilSettled('citizen-repairable', res.json().id)
    assert.equal((report as unknown as { status: string }).status, 'ready')
    assert.match(report.number, /^BG\d{8}[A-Z2-9]{8}$/)
    assert.match(report.verificationCode, /^[A-Z2-9]{6}$/)
    const file = await get('citizen-repairable', `/api/reports/${report.id}/file`)
    assert.equal(file.statusCode, 200)
    assert.equal(file.headers['content-type'], 'application/pdf')
    pdf = file.rawPayload
    assert.equal(crypto.createHash('sha256').update(pdf).digest('hex'), report.sha256)
  })

  it('the PDF holds the subject masked, every entry with department and basis, and a valid signature', () => {
    const text = flat(pdfText(pdf))
    for (const s of ['公共信用信息报告', '姓名：李**', '经营场所未保持疏散通道畅通', '认定部门：杭州市上城区消防救援大队', '社区志愿服务4小时', `核验码：${report.verificationCode}`, report.number]) {
      assert.ok(text.includes(flat(s)), `missing ${s}`)
    }
    assert.ok(pdfSignature(pdf).valid)
  })

  it('the report is listed; another subject gets 404 for it and its file', async () => {
    const list = (await get('citizen-repairable', '/api/reports')).json()
    assert.equal(list.items[0].id, report.id)
    assert.equal((await get('citizen-red', `/api/reports/${report.id}`)).statusCode, 404)
    assert.equal((await get('citizen-red', `/api/reports/${report.id}/file`)).statusCode, 404)
    assert.equal((await get('citizen-red', '/api/reports/not-an-id')).statusCode, 404)
    assert.equal((await get(null, `/api/reports/${report.id}`)).statusCode, 401)
  })

  it('anyone checks it by number + code (logged for the subject); a wrong code looks like no report', async () => {
    const res = await get(null, `/api/public/reports/${report.number}?code=${report.verificationCode.toLowerCase()}`)
    assert.equal(res.statusCode, 200, res.body)
    assert.deepEqual([res.json().sha256, res.json().subject.name, res.json().title], [report.sha256, '李**', '公共信用信息报告'])
    const wrong = await get(null, `/api/public/reports/${report.number}?code=AAAAAA`)
    assert.deepEqual([wrong.statusCode, wrong.json().error.code], [404, 'REPORT_NOT_FOUND'])
    const bad = await get(null, `/api/public/reports/${report.number}?code=12`)
    assert.equal(bad.statusCode, 400)
    assert.match(bad.json().error.message, /核验码/)
    const log = (await get('citizen-repairable', '/api/me/access-log')).json().items as { purpose: string }[]
    assert.ok(log.some((l) => l.purpose.includes(report.number)))
  })

  it('the uploaded file is 与原件一致; one changed byte makes it 已被修改', async () => {
    const send = (body: Buffer, q = '') => t.app.inject({ method: 'POST', url: `/api/public/reports/verify${q}`, payload: body, headers: { 'content-type': 'application/pdf' } })
    const same = await send(pdf)
    assert.deepEqual(same.json(), { genuine: true, verdict: '与原件一致', sha256: report.sha256, number: report.number })
    const changed = Buffer.from(pdf)
    changed[changed.indexOf('PDFKit')] = 0x51
    assert.deepEqual([(await send(changed)).json().genuine, (await send(changed)).json().verdict], [false, '已被修改'])
    assert.equal((await send(changed, `?number=${report.number}`)).json().genuine, false)
    assert.equal(pdfSignature(changed).valid, false)
    const notPdf = await send(Buffer.from('hello'))
    assert.deepEqual([notPdf.statusCode, notPdf.json().error.code], [400, 'NOT_A_PDF'])
    const json = await t.app.inject({ method: 'POST', url: '/api/public/reports/verify', payload: { a: 1 } })
    assert.equal(json.statusCode, 415)
  })

  it('the file sent as a form (field file, as the mini-program uploads it) is checked the same way, and the check is logged', async () => {
    const form = (body: Buffer, q = '') => {
      const m = multipartBody([{ field: 'file', filename: `${report.number}.pdf`, type: 'application/pdf', data: body }])
      return t.app.inject({ method: 'POST', url: `/api/public/reports/verify${q}`, payload: m.payload, headers: m.headers })
    }
    const same = await form(pdf, `?number=${report.number}`)
    assert.deepEqual([same.statusCode, same.json().genuine, same.json().verdict, same.json().number], [200, true, '与原件一致', report.number])
    const changed = Buffer.from(pdf)
    changed[changed.length - 20] ^= 0x01
    assert.deepEqual([(await form(changed)).json().genuine, (await form(changed)).json().verdict], [false, '已被修改'])
    assert.equal((await form(changed, `?number=${report.number}`)).json().verdict, '已被修改')
    const notPdf = await form(Buffer.from('GIF89a……'))
    assert.deepEqual([notPdf.statusCode, notPdf.json().error.code], [400, 'NOT_A_PDF'])
    const log = (await get('citizen-repairable', '/api/me/access-log')).json().items as { reader: string; purpose: string }[]
    assert.ok(log.some((l) => l.reader === '信用报告核验' && l.purpose === `上传文件核验报告 ${report.number}`), JSON.stringify(log.slice(0, 3)))
    assert.ok(log.some((l) => l.purpose === `上传文件核验报告 ${report.number}：文件与原件不一致`), 'a differing copy named by its number is logged too')
  })

  it(`public checks are limited per address: past ${REPORT_CHECKS_PER_IP_PER_MINUTE} a minute a Chinese 429, other addresses unaffected`, async () => {
    const check = (ip: string) => t.app.inject({ url: `/api/public/reports/${report.number}?code=${report.verificationCode}`, remoteAddress: ip })
    let answered = 0
    let limited: Awaited<ReturnType<typeof check>> | undefined
    // A minute window may turn over mid-loop: then the refusal comes later, never sooner.
    for (let i = 0; i < 2 * REPORT_CHECKS_PER_IP_PER_MINUTE + 2 && !limited; i++) {
      const r = await check('203.0.113.7')
      if (r.statusCode === 429) limited = r
      else assert.equal(r.statusCode, 200, r.body), answered++
    }
    assert.ok(limited, 'refused past the limit')
    assert.ok(answered >= REPORT_CHECKS_PER_IP_PER_MINUTE, String(answered))
    assert.match(limited.json().error.message, /请求过于频繁，请 \d+ 秒后再试/)
    assert.ok(Number(limited.headers['retry-after']) > 0)
    assert.equal((await check('203.0.113.8')).statusCode, 200)
  })
})

describe('专项信用报告 of an enterprise', () => {
  it('lists the repaired violation as 已修复 and says plainly there is none in a clean domain', async () => {
    // The lifecycle module is not on this branch: the repair is written as it would record it.
    await t.ctx.db.updateTable('credit_records').set({ status: '已修复' }).where('id', '=', 'rec-jianhu-label').execute()
    await t.ctx.db.insertInto('credit_record_events').values({ id: 'rec-jianhu-label-repaired', record_id: 'rec-jianhu-label', at: new Date(), actor: '绍兴市信用办', status: '已修复', reason: '已改正并提交信用修复承诺，准予修复' }).execute()
    const today = chinaDate()
    const from = addCalendarDays(today, -3 * 365)
    const res = await post('agent-jianhu', '/api/reports', { kind: 'special', from, to: today, domains: ['市场监管', '税务'] }, asJianhu)
    assert.equal(res.statusCode, 202, res.body)
    const r = await untilSettled('agent-jianhu', res.json().id, asJianhu)
    assert.equal(r.status, 'ready')
    const text = flat(pdfText((await get('agent-jianhu', `/api/reports/${r.id}/file`, asJianhu)).rawPayload))
    for (const s of ['专项信用报告', '绍兴鉴湖酿造有限公司', '91330602MA2D8R6L1D', '预包装食品标签标注不规范', '【已修复】', '市场监管领域有1条违法违规记录', '无税务领域违法违规记录']) {
      assert.ok(text.includes(flat(s)), `missing ${s}`)
    }
  })

  it('refuses what the rules do not allow, in Chinese', async () => {
    const today = chinaDate()
    const cases: [string, unknown, Record<string, string>, RegExp][] = [
      ['citizen-new', { kind: 'special', from: '2025-01-01', to: today, domains: ['税务'] }, {}, /仅面向企业/],
      ['agent-jianhu', { kind: 'special', from: '2019-01-01', to: today, domains: ['税务'] }, asJianhu, /最长 5 年/],
      ['agent-jianhu', { kind: 'special', from: '2025-02-30', to: today, domains: ['税务'] }, asJianhu, /有效日期/],
      ['agent-jianhu', { kind: 'special', from: '2025-01-01', to: today, domains: [] }, asJianhu, /至少选择一个领域/],
      ['agent-jianhu', { kind: 'special', from: '2025-01-01', to: today, domains: ['外太空'] }, asJianhu, /领域不正确/],
      ['citizen-new', { kind: 'monthly' }, {}, /报告类型/],
    ]
    for (const [p, body, headers, message] of cases) {
      const res = await post(p, '/api/reports', body, headers)
      assert.equal(res.statusCode, 400, res.body)
      assert.match(res.json().error.message, message)
    }
  })
})

describe('free quota', () => {
  it(`${REPORTS_PER_DAY + 7} simultaneous requests of one subject: exactly ${REPORTS_PER_DAY} accepted, the rest 429`, async () => {
    const all = await Promise.all(Array.from({ length: REPORTS_PER_DAY + 7 }, () => post('citizen-objection', '/api/reports', { kind: 'full' })))
    const codes = all.map((r) => r.statusCode)
    assert.equal(codes.filter((c) => c === 202).length, REPORTS_PER_DAY, codes.join(','))
    assert.equal(codes.filter((c) => c === 429).length, 7)
    const refused = all.find((r) => r.statusCode === 429)!
    assert.match(refused.json().error.message, /每天最多生成/)
    // Until midnight in China: longer than a client would wait, so it shows the message instead of retrying.
    assert.ok(Number(refused.headers['retry-after']) > 0 && Number(refused.headers['retry-after']) <= 86_400, String(refused.headers['retry-after']))
  })

  it('an entry under objection is marked 【异议中】 in the report, with the objection in its history', async () => {
    await transition(t.ctx.db, { recordId: 'rec-zhao-rent-arrears', event: 'file_objection', actor: { kind: 'subject', name: '信用主体本人' }, reason: '本人提出异议：租金已按月缴纳' })
    // The quota of today is used up above: this report is asked for tomorrow.
    const { id } = await requestReport(t.ctx.db, { id: 'person-zhao', kind: 'person', name: '赵磊', identifier: 'x', relation: '本人' }, { kind: 'full' }, new Date(Date.now() + 86_400_000))
    await generateReport(t.ctx.db, id, { signing: () => signingCertificate(t.ctx), publicBaseUrl: 'http://127.0.0.1' })
    const text = flat(pdfText((await get('citizen-objection', `/api/reports/${id}/file`)).rawPayload))
    for (const s of ['公共租赁住房租金逾期未缴', '【异议中】', '本人提出异议：租金已按月缴纳']) assert.ok(text.includes(flat(s)), `missing ${s}`)
  })

  it(`free for at least 2 a year: ${REPORTS_PER_YEAR} in a year over several days, then a Chinese 429 until the next year`, async () => {
    assert.ok(REPORTS_PER_YEAR >= 2)
    const subject = { id: 'person-wang', kind: 'person' as const, name: '王芳', identifier: 'x', relation: '本人' }
    const year = new Date().getUTCFullYear() + 1
    const day = (n: number) => new Date(Date.UTC(year, 0, 2 + n, 4))
    for (let i = 0; i < REPORTS_PER_YEAR; i++) await requestReport(t.ctx.db, subject, { kind: 'full' }, day(Math.floor(i / REPORTS_PER_DAY)))
    const next = Math.ceil(REPORTS_PER_YEAR / REPORTS_PER_DAY) + 1
    await assert.rejects(requestReport(t.ctx.db, subject, { kind: 'full' }, day(next)), (e: Error & { code?: string }) => e.code === 'REPORT_YEARLY_LIMIT' && /本年度已用完/.test(e.message))
    await requestReport(t.ctx.db, subject, { kind: 'full' }, new Date(Date.UTC(year + 1, 0, 2, 4)))
  })

  it('the same Idempotency-Key creates one report', async () => {
    const headers = { 'idempotency-key': 'report-key-0001' }
    const [a, b] = [await post('citizen-new', '/api/reports', { kind: 'full' }, headers), await post('citizen-new', '/api/reports', { kind: 'full' }, headers)]
    assert.deepEqual([a.statusCode, b.statusCode, b.json().id], [202, 202, a.json().id])
    assert.equal((await get('citizen-new', '/api/reports')).json().items.length, 1)
  })
})

describe('a generation that fails', () => {
  it('marks the report failed, offers no file, and does not use up the quota', async () => {
    const subject = { id: 'person-chen', kind: 'person' as const, name: '陈明远', identifier: 'x', relation: '本人' }
    const { id } = await requestReport(t.ctx.db, subject, { kind: 'full' })
    const broken = { signing: () => { throw new Error('证书不可用') }, publicBaseUrl: 'http://127.0.0.1' }
    await assert.rejects(generateReport(t.ctx.db, id, broken), /证书不可用/)
    assert.equal((await get('citizen-red', `/api/reports/${id}`)).json().status, 'failed')
    const file = await get('citizen-red', `/api/reports/${id}/file`)
    assert.deepEqual([file.statusCode, file.json().error.message], [409, '报告生成失败，请重新生成'])
    for (let i = 0; i < REPORTS_PER_DAY; i++) assert.equal((await post('citizen-red', '/api/reports', { kind: 'full' })).statusCode, 202)
  })
})

describe('the report job', () => {
  it('renders through the report-generation queue, and a failed attempt is retried rather than failing the report', async () => {
    assert.ok(t.ctx.reportQueue, 'the worker takes the reports')
    const signing = t.ctx.config.reportSigning
    const dev = signingCertificate(t.ctx)
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'creditpass-cert-'))
    const file = path.join(dir, 'later.p12')
    // The certificate is missing on the first attempt and there on the retry.
    t.ctx.config.reportSigning = { p12Path: file, passphrase: dev.passphrase }
    try {
      const res = await post('citizen-repairable', '/api/reports', { kind: 'full' })
      assert.deepEqual([res.statusCode, res.json().status], [202, 'pending'])
      const retried = async () => (await sql<{ n: number }>`select count(*)::int as n from pgboss.job where name = 'report-generation' and data->>'reportId' = ${res.json().id} and retry_count >= 1`.execute(t.ctx.db)).rows[0].n
      // The worker polls every few seconds; on a busy machine the first attempt can take a while.
      for (let i = 0; i < 600 && (await retried()) === 0; i++) await new Promise((r) => setTimeout(r, 100))
      assert.equal(await retried(), 1, 'the first attempt failed and the job was retried')
      assert.equal((await get('citizen-repairable', `/api/reports/${res.json().id}`)).json().status, 'pending')
      fs.writeFileSync(file, dev.p12)
      const report = await untilSettled('citizen-repairable', res.json().id)
      assert.equal(report.status, 'ready')
    } finally {
      t.ctx.config.reportSigning = signing
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
