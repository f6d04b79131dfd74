'use strict'
// Weapp: the 信用承诺 subpackage's pages render in the fake WeChat environment of ./harness.js
// (compiled dist/weapp, from `npm run build:weapp`) against scripted API answers: no thrown or
// console.error'd error, no DOM global, every setData under 256 KB (the receipt's QR code is
// hundreds of Views), and the words a user would read.

const { describe, it, before, after } = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const path = require('node:path')
const { createEnvironment, SETDATA_LIMIT } = require('./harness')

const DIST = path.resolve(__dirname, '..', '..', 'dist', 'weapp')
const ROOT = 'packages/commitments/pages'
const USCC = '91330106MA2H3K5Q7N'

if (!fs.existsSync(path.join(DIST, 'app.json'))) {
  it('dist/weapp exists', () => assert.fail('dist/weapp/app.json not found: run `npm run build:weapp` before `npm run test:weapp`'))
  return
}

const facts = {
  receiptNo: 'CP20261122K7QM2XRD',
  template: { id: 'tpl-public-integrity', version: 2, kind: '主动公示型', title: '企业诚信经营承诺书' },
  subject: { kind: 'enterprise', name: '杭州云栖数字科技有限公司', uscc: USCC },
  signerRelation: '法定代表人',
  textSha256: '6f75d69aea44f046a6254f17912262cc286b2bd3b4b4eb39cf50874549190ce6',
  status: '履约中',
  statusReason: null,
  signedAt: '2026-11-22T02:30:00.000Z',
}
const commitment = { id: 'c-1', ...facts, signatureSha256: 'b'.repeat(64), text: '本单位郑重承诺：\n一、所提供的全部材料真实、准确、完整、有效；' }
const template = { id: 'tpl-public-integrity', version: 2, kind: '主动公示型', audience: 'enterprise', title: '企业诚信经营承诺书', body: commitment.text, textSha256: facts.textSha256 }

const answers = {
  '/api/public/commitments': { items: [commitment], nextCursor: null },
  '/api/public/receipts/CP20261122K7QM2XRD': { valid: true, ...facts },
  '/api/commitments/c-1': commitment,
  '/api/commitments/templates/tpl-public-integrity': template,
  '/api/commitments/templates': { items: [template], nextCursor: null },
  '/api/commitments': { items: [commitment], nextCursor: null },
}
const requests = []
function respond(req) {
  const pathname = String(req.url).replace(/^[a-z]+:\/\/[^/]+/i, '').split('?')[0]
  requests.push({ pathname, header: req.header })
  if (pathname in answers) return { statusCode: 200, data: JSON.stringify(answers[pathname]) }
  return { statusCode: 404, data: JSON.stringify({ error: { code: 'NOT_FOUND', message: '内容不存在或无权查看' } }) }
}

const env = createEnvironment(DIST, { respond })
const user = {
  id: 'user-agent-yunqi', name: '吴*', phone: '138****0007', idNumber: '330106********0088', realNameVerified: true, wechatBound: false,
  roles: ['citizen', 'agent'], orgName: null,
  subjects: [
    { id: 'person-wu', kind: 'person', name: '吴*', identifier: '330106********0088', relation: '本人' },
    { id: 'ent-yunqi', kind: 'enterprise', name: '杭州云栖数字科技有限公司', identifier: USCC, relation: '法定代表人' },
  ],
}

/** Opens a page, lets it settle, and returns what it rendered as text, with the setData sizes. */
async function render(route, query = {}) {
  const mark = env.errors.length
  const dataMark = env.setDataLog.length
  env.requireRel(route)
  env.loadUsingComponents(route)
  const page = env.openPage(route, query)
  await env.settle(150, 4000)
  const fresh = env.errors.slice(mark)
  if (fresh.length) assert.fail(`${route}: ${fresh.map((e) => (e && e.stack) || e).join('\n')}`)
  const updates = env.setDataLog.slice(dataMark)
  for (const u of updates) assert.ok(u.bytes < SETDATA_LIMIT, `${route}: setData of ${u.bytes} bytes`)
  return { text: JSON.stringify(page.data), largest: updates.reduce((m, u) => Math.max(m, u.bytes), 0) }
}

describe('weapp: 信用承诺 pages', () => {
  before(() => {
    env.install()
    // A logged-in agent acting for the enterprise, as the app would have stored it.
    // a session comes only after the privacy consent
    const policy = /PRIVACY_POLICY_VERSION = '([^']+)'/.exec(fs.readFileSync(path.join(__dirname, '..', '..', 'src', 'domain', 'policy.ts'), 'utf8'))[1]
    env.storage.set('creditpass-consent', JSON.stringify({ state: { acceptedVersion: policy, acceptedAt: '2026-11-01T00:00:00.000Z' }, version: 0 }))
    env.storage.set('creditpass-auth', JSON.stringify({ state: { accessToken: 'a-1', refreshToken: 'r-1', user, actingFor: USCC }, version: 0 }))
    env.requireRel('app')
    env.app.onLaunch(env.launchOptions)
  })
  after(() => env.uninstall())

  it('承诺公示 lists enterprise commitments without sending credentials', async () => {
    const mark = requests.length
    const { text } = await render(`${ROOT}/public/index`)
    assert.match(text, /杭州云栖数字科技有限公司/)
    assert.match(text, /核验回执/)
    const calls = requests.slice(mark).filter((r) => r.pathname.startsWith('/api/public/'))
    assert.ok(calls.length > 0)
    for (const r of calls) assert.ok(!r.header.Authorization && !r.header['X-Subject'], 'public calls are anonymous')
  })

  it('回执核验 opened with ?no= verifies at once', async () => {
    const { text } = await render(`${ROOT}/verify/index`, { no: facts.receiptNo })
    assert.match(text, /回执有效/)
    assert.match(text, /法定代表人/)
  })

  it('the receipt renders its QR code as Views within the setData limit', async (t) => {
    const { text, largest } = await render(`${ROOT}/receipt/index`, { id: 'c-1', new: '1' })
    t.diagnostic(`largest setData: ${(largest / 1024).toFixed(1)} KB`)
    assert.match(text, /CP20261122K7QM2XRD/)
    assert.match(text, /签署成功/)
    assert.ok((text.match(/qr-dark/g) || []).length > 50, 'the QR code is rendered')
  })

  it('the signing page shows the text and what is still missing', async () => {
    const { text } = await render(`${ROOT}/sign/index`, { id: 'tpl-public-integrity' })
    assert.match(text, /本单位郑重承诺/)
    assert.match(text, /请阅读至末尾/)
    assert.match(text, /还需阅读 \d+ 秒/)
    assert.match(text, /请在此区域内手写签名/)
    const templateCall = requests.find((r) => r.pathname === '/api/commitments/templates/tpl-public-integrity')
    assert.equal(templateCall.header['X-Subject'], USCC)
  })

  it('the home and 我的承诺 pages list for the acting enterprise', async () => {
    assert.match((await render(`${ROOT}/index/index`)).text, /企业诚信经营承诺书/)
    assert.match((await render(`${ROOT}/mine/index`)).text, /查看回执/)
  })
})
