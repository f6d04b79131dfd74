'use strict'
// Weapp checks of 守信激励 on the compiled mini-program (dist/weapp, from `npm run build:weapp`), in
// the fake WeChat environment of ./harness.js: the voucher page draws its QR code with views only
// (small setData), brightens the screen while it shows and restores it on leaving; the verifier's
// 扫码核销 opens WeChat's scanner and redeems the scanned code.

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

const PRIVACY_VERSION = /PRIVACY_POLICY_VERSION = '([^']+)'/.exec(fs.readFileSync(path.join(ROOT, 'src', 'domain', 'policy.ts'), 'utf8'))[1]
const CODE = 'K7QM-2XRD-9PTA'
const profile = {
  id: 'user-staff-verifier',
  name: '冯*',
  phone: '138****0009',
  idNumber: '330106********002X',
  realNameVerified: true,
  wechatBound: false,
  roles: ['citizen', 'verifier'],
  orgName: '西湖风景名胜区灵隐景区',
  subjects: [],
}
const voucher = {
  id: 'v-1',
  code: CODE,
  incentiveId: 'travel-lingyin',
  spot: '灵隐景区',
  benefit: { code: 'ticket_discount', name: '门票优惠', detail: '飞来峰景区门票 5 折（原价 45 元）' },
  visitDate: '2026-11-23',
  status: 'available',
  statusText: '可使用',
  usedAt: null,
  usedPlace: null,
  createdAt: '2026-11-22T17:20:45.921Z',
}

const requests = []
function respond(req) {
  requests.push(req)
  const url = new URL(req.url)
  const json = (statusCode, body) => ({ statusCode, data: JSON.stringify(body) })
  if (url.pathname === '/api/me') return json(200, profile)
  if (url.pathname === '/api/vouchers') return json(200, { items: url.searchParams.get('status') === 'available' ? [voucher] : [], nextCursor: null })
  if (url.pathname === '/api/staff/vouchers/verify') {
    const sent = JSON.parse(req.data)
    return json(200, { ...voucher, code: sent.code, status: 'used', statusText: '已使用', usedAt: '2026-11-23T01:20:49.193Z', usedPlace: profile.orgName, holder: '陈**' })
  }
  return json(404, { error: { code: 'NOT_FOUND', message: '内容不存在或无权查看' } })
}

const env = createEnvironment(DIST, { respond })

/** Every text of a rendered page, in order. */
function texts(node, out = []) {
  if (node && typeof node.v === 'string') out.push(node.v)
  for (const child of (node && node.cn) || []) texts(child, out)
  return out
}

/** The element whose own text children include `text`. */
function findByText(node, text) {
  if (!node) return null
  if ((node.cn || []).some((c) => c.v === text)) return node
  for (const child of node.cn || []) {
    const found = findByText(child, text)
    if (found) return found
  }
  return null
}

function countClass(node, cls) {
  let n = node && typeof node.cl === 'string' && node.cl.split(' ').includes(cls) ? 1 : 0
  for (const child of (node && node.cn) || []) n += countClass(child, cls)
  return n
}

const tap = (page, node) => page.eh({ type: 'tap', timeStamp: Date.now(), currentTarget: { id: node.sid, dataset: {} }, target: { id: node.sid, dataset: {} }, detail: {} })

function open(route, query) {
  env.requireRel(route)
  env.loadUsingComponents(route)
  return env.openPage(route, query)
}

const callsOf = (api, from) => env.calls.slice(from).filter((c) => c.api === api)

describe('weapp: 守信激励 pages', () => {
  before(async () => {
    env.storage.set('creditpass-consent', JSON.stringify({ state: { acceptedVersion: PRIVACY_VERSION, acceptedAt: '2026-11-22T00:00:00.000Z' }, version: 0 }))
    env.storage.set('creditpass-auth', JSON.stringify({ state: { accessToken: 'access', refreshToken: 'refresh', user: profile, actingFor: null }, version: 0 }))
    env.install()
    env.requireRel('app')
    env.app.onLaunch(env.launchOptions)
    await env.settle()
  })
  after(() => env.uninstall())

  it('the voucher page draws the QR code from the code with views, raises the brightness, and restores it on leaving', async () => {
    const mark = env.errors.length
    const callMark = env.calls.length
    const dataMark = env.setDataLog.length
    const page = open('packages/incentives/pages/voucher/index', { id: 'v-1' })
    await env.settle(100, 3000)

    assert.deepEqual(env.errors.slice(mark), [])
    const shown = texts(page.data.root)
    assert.ok(shown.includes(CODE), 'the code is shown in letters')
    assert.ok(shown.includes('可使用'))
    assert.equal(countClass(page.data.root, 'qr-row'), 21, 'a 21×21 QR matrix is drawn as rows')
    assert.ok(countClass(page.data.root, 'qr-dark') > 21)
    const largest = env.setDataLog.slice(dataMark).reduce((m, u) => Math.max(m, u.bytes), 0)
    assert.ok(largest < SETDATA_LIMIT / 4, `setData stays small (${largest} bytes)`)

    assert.deepEqual(callsOf('setScreenBrightness', callMark).map((c) => c.args[0].value), [1])
    page.onHide()
    await env.settle()
    assert.deepEqual(callsOf('setScreenBrightness', callMark).map((c) => c.args[0].value), [1, 0.5], 'the saved brightness comes back')
  })

  it('扫码核销 opens the camera scanner and redeems the scanned code', async () => {
    const mark = env.errors.length
    const callMark = env.calls.length
    const page = open('packages/staff/pages/verify/index', {})
    await env.settle(100, 3000)
    const scanButton = findByText(page.data.root, '扫码核销')
    assert.ok(scanButton, 'the mini-program offers the scanner')

    globalThis.wx.scanCode = (options) => {
      env.calls.push({ api: 'scanCode', args: [options] })
      setTimeout(() => {
        const res = { errMsg: 'scanCode:ok', result: CODE, scanType: 'QR_CODE' }
        if (options.success) options.success(res)
        if (options.complete) options.complete(res)
      }, 0)
    }
    tap(page, scanButton)
    await env.settle(100, 3000)

    assert.deepEqual(env.errors.slice(mark), [])
    assert.equal(callsOf('scanCode', callMark)[0].args[0].onlyFromCamera, true)
    const verify = requests.filter((r) => r.url.endsWith('/api/staff/vouchers/verify'))
    assert.equal(verify.length, 1)
    assert.deepEqual(JSON.parse(verify[0].data), { code: CODE })
    assert.ok(verify[0].header['Idempotency-Key'], 'each scan carries its own idempotency key')
    const shown = texts(page.data.root)
    assert.ok(shown.includes('核销成功'))
    assert.ok(shown.includes('陈**'))
  })
})
