'use strict'
// Weapp: the credit pages with data, in the fake WeChat environment of ./harness.js (build first:
// npm run build:weapp). A signed-in, consented user; wx.request answers from the fixtures below,
// with long texts and full pages of 20 so the sizes are realistic. Checks that each page renders its
// data with no error, that no single setData reaches 256 KB, and that loading the next page of
// records sends only the new rows (not the whole list again).

const { describe, it, before, after } = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const path = require('node:path')
const { createEnvironment, SETDATA_LIMIT } = require('./harness')

const ROOT = path.resolve(__dirname, '..', '..')
const DIST = path.join(ROOT, 'dist', 'weapp')

if (!fs.existsSync(path.join(DIST, 'app.json'))) {
  it('dist/weapp exists', () => assert.fail('dist/weapp/app.json not found: run `npm run build:weapp` before `npm run test:weapp`'))
  return
}

const PRIVACY_POLICY_VERSION = /PRIVACY_POLICY_VERSION = '([^']+)'/.exec(fs.readFileSync(path.join(ROOT, 'src', 'domain', 'policy.ts'), 'utf8'))[1]
const PAGE = 20
const LONG = '当事人未按规定履行义务，经调查核实，依据相关法律法规作出本决定。'.repeat(8)

const user = {
  id: 'user-citizen-red', name: '陈**', phone: '138****0001', idNumber: '330106********0012', realNameVerified: true, wechatBound: false,
  roles: ['citizen'], orgName: null, subjects: [{ id: 'person-chen', kind: 'person', name: '陈**', identifier: '330106********0012', relation: '本人' }],
}

const record = (n) => ({
  id: `rec-${n}`, kind: n % 2 ? '行政处罚' : '表彰奖励', polarity: n % 2 ? 'negative' : 'positive', severity: n % 2 ? '一般' : null,
  title: `第 ${n} 条信用记录：经营场所未保持疏散通道畅通`, content: LONG, department: '杭州市上城区消防救援大队',
  documentNo: `杭上消行罚决字〔2026〕${String(n).padStart(4, '0')}号`, legalBasis: '《中华人民共和国消防法》第二十八条、第六十条第一款第三项',
  decisionDate: '2026-06-26', publicityStart: '2026-06-26', publicityEnd: '2027-06-26', status: n % 3 ? '公示中' : '已到期', list: null,
})

const overview = {
  subject: { kind: 'person', name: null, relation: '本人' }, asOf: '2026-11-23', score: 740, level: '优秀', base: 600,
  factors: Array.from({ length: 12 }, (_, n) => ({
    recordId: `rec-${n}`, points: 20, reason: `因“第 ${n} 条信用记录”加 20 分，公示期到 2029 年 9 月 24 日，期满后不再加分`,
    record: { id: `rec-${n}`, title: `第 ${n} 条信用记录`, documentNo: null, department: '杭州市志愿者协会', publicityEnd: '2029-09-24' },
  })),
  suspended: [{ recordId: 'rec-99', reason: '异议核查中，暂不计分', title: '公共租赁住房租金逾期未缴' }],
  redList: ['优秀志愿者'], blackList: [], counts: { positive: 30, negative: 10, inPublicity: 40 },
}

function respond(req) {
  const url = new URL(String(req.url), 'http://127.0.0.1')
  const ok = (data) => ({ statusCode: 200, data: JSON.stringify(data) })
  const p = url.pathname
  if (p.endsWith('/api/health')) return ok({ status: 'ok' })
  if (p.endsWith('/api/me')) return ok(user)
  if (p.endsWith('/api/credit/overview')) return ok(overview)
  if (p.endsWith('/api/credit/score-history')) {
    return ok({ items: Array.from({ length: 12 }, (_, n) => ({ month: `2026-${String(n + 1).padStart(2, '0')}`, score: 600 + n * 10, level: n < 10 ? '良好' : '优秀' })) })
  }
  if (p.endsWith('/api/credit/records')) {
    const from = url.searchParams.get('cursor') === 'page-2' ? PAGE : 0
    return ok({ items: Array.from({ length: PAGE }, (_, n) => record(from + n)), nextCursor: from ? null : 'page-2' })
  }
  const detail = /\/api\/credit\/records\/([^/]+)$/.exec(p)
  if (detail) {
    const history = ['公示中', '异议中', '公示中'].map((status, n) => ({ at: `2026-0${n + 6}-26T01:00:00.000Z`, actor: '杭州市上城区消防救援大队', status, reason: LONG.slice(0, 40) }))
    return ok({ ...record(1), id: decodeURIComponent(detail[1]), history, obligation: { duty: null, metOn: null, source: null } })
  }
  if (p.endsWith('/api/me/access-log')) {
    return ok({ items: Array.from({ length: PAGE }, (_, n) => ({ id: `a${n}`, at: '2026-10-23T02:30:00.000Z', reader: '杭州市文明办', readerKind: '政府部门', purpose: '“最美杭州人”评选信用审查' })), nextCursor: null })
  }
  return { statusCode: 404, data: JSON.stringify({ error: { code: 'NOT_FOUND', message: `no fixture for ${p}` } }) }
}

const env = createEnvironment(DIST, { respond })
const persisted = (state) => JSON.stringify({ state, version: 0 })
env.storage.set('creditpass-consent', persisted({ acceptedVersion: PRIVACY_POLICY_VERSION, acceptedAt: '2026-11-01T00:00:00.000Z' }))
env.storage.set('creditpass-auth', persisted({ accessToken: 'access-1', refreshToken: 'refresh-1', user, actingFor: null }))

/** Opens a page, lets it load, and returns it with the setData calls it made. */
async function open(route, query = {}) {
  const mark = env.errors.length
  const dataMark = env.setDataLog.length
  env.requireRel(route)
  env.loadUsingComponents(route)
  const page = env.openPage(route, query)
  await env.settle(100, 4000)
  const fresh = env.errors.slice(mark)
  assert.deepEqual(fresh.map((e) => String((e && e.stack) || e)), [], `page ${route}: no errors`)
  return { page, updates: env.setDataLog.slice(dataMark) }
}

/** the rendered node whose class list contains `cls` (Taro keeps it under `cl`) */
function findNode(node, cls) {
  if (!node || typeof node !== 'object') return null
  if (typeof node.cl === 'string' && node.cl.split(' ').includes(cls)) return node
  for (const v of Object.values(node)) {
    const hit = findNode(v, cls)
    if (hit) return hit
  }
  return null
}

const largest = (updates) => updates.reduce((m, u) => Math.max(m, u.bytes), 0)
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`
const shows = (page, text) => JSON.stringify(page.data).includes(text)

describe('weapp credit pages with data', () => {
  before(async () => {
    env.install()
    env.requireRel('app')
    env.app.onLaunch(env.launchOptions)
    if (typeof env.app.onShow === 'function') env.app.onShow(env.launchOptions)
    await env.settle()
  })
  after(() => env.uninstall())

  it('首页 shows the score, the level and the counts', async (t) => {
    const { page, updates } = await open('pages/index/index')
    t.diagnostic(`setData: ${updates.length} call(s), largest ${kb(largest(updates))}`)
    for (const text of ['740', '优秀', '优秀志愿者', '正面记录']) assert.ok(shows(page, text), `首页 shows ${text}`)
    assert.ok(largest(updates) < SETDATA_LIMIT)
  })

  it('信用记录: a page of 20, then the next 20 as a small update', async (t) => {
    const { page, updates } = await open('packages/credit/pages/records/index')
    assert.ok(shows(page, '第 19 条信用记录'), 'the first page is rendered')
    const mark = env.setDataLog.length
    page.onReachBottom()
    await env.settle(100, 4000)
    const more = env.setDataLog.slice(mark)
    assert.ok(shows(page, '第 39 条信用记录'), 'the second page is appended')
    t.diagnostic(`first page: largest setData ${kb(largest(updates))}; next page: ${more.length} call(s), largest ${kb(largest(more))}`)
    for (const u of [...updates, ...more]) assert.ok(u.bytes < SETDATA_LIMIT, `${u.owner}: ${u.bytes} bytes`)
    assert.ok(largest(more) <= largest(updates) * 1.5, 'the next page does not resend the whole list')
  })

  it('记录详情 renders every field and the history', async (t) => {
    const { page, updates } = await open('packages/credit/pages/detail/index', { id: 'rec-7' })
    t.diagnostic(`setData: ${updates.length} call(s), largest ${kb(largest(updates))}`)
    assert.ok(shows(page, '决定文书号') && shows(page, '状态变更记录'))
    assert.ok(largest(updates) < SETDATA_LIMIT)
  })

  it('评分说明 renders the factors, the scale and a light 12-month chart', async (t) => {
    const { page, updates } = await open('packages/credit/pages/score/index')
    const chart = findNode(page.data, 'history')
    assert.ok(chart, 'the chart is rendered')
    const bars = JSON.stringify(chart).match(/history-col/g) || []
    const chartBytes = Buffer.byteLength(JSON.stringify(chart))
    t.diagnostic(`setData: ${updates.length} call(s), largest ${kb(largest(updates))}; the 12-month chart is ${kb(chartBytes)} of data`)
    assert.ok(chartBytes < 16 * 1024, 'the chart stays light')
    assert.ok(shows(page, '计分明细') && shows(page, '未计入评分的记录'))
    assert.equal(bars.length, 12)
    assert.ok(largest(updates) < SETDATA_LIMIT)
  })

  it('查询记录 renders a page of entries', async (t) => {
    const { page, updates } = await open('packages/account/pages/access-log/index')
    t.diagnostic(`setData: ${updates.length} call(s), largest ${kb(largest(updates))}`)
    assert.ok(shows(page, '杭州市文明办'))
    assert.ok(largest(updates) < SETDATA_LIMIT)
  })

  it('no module required a file of another package', () => {
    assert.deepEqual(env.requireViolations, [])
  })
})
