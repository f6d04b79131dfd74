'use strict'
// First launch, nothing agreed yet: 首页 as WeChat renders it (wcc's template from the page's
// setData tree) shows the personal-information notice, and its 同意 is WeChat's own
// agreePrivacyAuthorization button, so the privacy APIs are released by the user's tap.

const { describe, it, before, after } = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const path = require('node:path')
const { createEnvironment } = require('./harness')
const { AUDIT_LIMITS, compileWxml, loadTemplates, measure, renderPage, textOf } = require('./wechat')
const fixtures = require('./fixtures')

const DIST = path.resolve(__dirname, '..', '..', 'dist', 'weapp')

if (!fs.existsSync(path.join(DIST, 'app.json'))) {
  it('dist/weapp exists', () => assert.fail('dist/weapp/app.json not found: run `npm run build:weapp` before `npm run test:weapp`'))
  return
}

const env = createEnvironment(DIST, { respond: fixtures.createResponder().respond })

function buttons(node, out = []) {
  if (!node || typeof node !== 'object') return out
  if (node.tag === 'wx-button') out.push({ text: textOf(node), openType: node.attr.openType })
  for (const c of node.children || []) buttons(c, out)
  return out
}

describe('weapp first launch rendered by WeChat’s templates', () => {
  before(async () => {
    env.install()
    env.requireRel('app')
    env.app.onLaunch(env.launchOptions)
    await env.settle()
  })
  after(() => env.uninstall())

  it('首页 shows the personal-information notice with WeChat’s privacy-agreement button', async (t) => {
    const $gwx = loadTemplates(compileWxml(DIST).source)
    const route = 'pages/index/index'
    env.requireRel(route)
    env.loadUsingComponents(route)
    const page = env.openPage(route, {})
    await env.settle(100, 3000)
    assert.deepEqual(env.errors.map(String), [])
    const tree = renderPage($gwx, route, page.data)
    const m = measure(tree)
    t.diagnostic(`nodes ${m.nodes}, depth ${m.depth}, max children ${m.children}`)
    assert.match(textOf(tree), /个人信息保护提示/)
    const found = buttons(tree)
    assert.deepEqual(found.find((b) => b.text === '同意'), { text: '同意', openType: 'agreePrivacyAuthorization' })
    assert.ok(found.some((b) => b.text === '不同意'))
    assert.ok(m.nodes < AUDIT_LIMITS.nodes && m.depth < AUDIT_LIMITS.depth && m.children <= AUDIT_LIMITS.children)
  })
})
