'use strict'
// Checks the checks of the weapp harness on a tiny hand-written mini-program (no build needed):
// a DOM global or a Node-only global used by page code, an oversized setData, a navigation to a page
// that does not exist, a require across subpackages and console.error must all be caught.

const { describe, it, before, after, beforeEach, afterEach } = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const { createEnvironment, applySetData } = require('./harness')

let dir

function write(rel, text) {
  const file = path.join(dir, rel)
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, text)
}

function page(rel, onLoadBody) {
  write(`${rel}.js`, `Page({ data: { root: { cn: [] } }, onLoad(query) { ${onLoadBody} } })\n`)
  write(`${rel}.json`, '{}')
}

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weapp-harness-'))
  write(
    'app.json',
    JSON.stringify({
      pages: ['pages/home/index', 'pages/me/index'],
      subPackages: [
        { root: 'pkg/a', pages: ['p/index'] },
        { root: 'pkg/b', pages: ['q/index'] },
      ],
      tabBar: { list: [{ pagePath: 'pages/home/index' }, { pagePath: 'pages/me/index' }] },
      lazyCodeLoading: 'requiredComponents',
    }),
  )
  write('app.js', 'App({ onLaunch() { this.launched = true }, onShow() {} })\n')
  write('util.js', 'module.exports = { kinds: [typeof process, typeof Buffer, typeof setImmediate, typeof window, typeof localStorage] }\n')
  page('pages/home/index', `this.setData({ 'root.cn[0]': { v: require('../../util').kinds.join(',') } })`)
  page('pages/me/index', `localStorage.getItem('token')`)
  page('pages/doc/index', `document.title = 'x'`)
  page('pages/env/index', `this.setData({ v: process.env.TARO_APP_API })`)
  page('pages/big/index', `this.setData({ list: Array.from({ length: 3000 }, (_, i) => 'item ' + i + ' '.repeat(100)) })`)
  page('pages/nav/index', `wx.navigateTo({ url: '/pages/missing/index?id=1', fail() {} }); wx.navigateTo({ url: '/pages/me/index' }).catch(() => {}); wx.switchTab({ url: '/pages/me/index' })`)
  page('pages/log/index', `console.error('boom')`)
  page('pages/timer/index', `this.timer = setInterval(() => wx.getNetworkType({ success() {} }), 5)`)
  page('pkg/a/p/index', `require('../../b/q/index')`)
  page('pkg/b/q/index', ``)
})

after(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('weapp harness', () => {
  let env
  beforeEach(() => {
    env = createEnvironment(dir)
    env.install()
    env.requireRel('app')
    env.app.onLaunch(env.launchOptions)
  })
  afterEach(() => env.uninstall())

  it('runs a page: App, Page, setData paths, getApp, getCurrentPages', async () => {
    assert.equal(getApp().launched, true)
    env.requireRel('pages/home/index')
    const p = env.openPage('pages/home/index', { a: '1' })
    await env.settle(20, 500)
    assert.deepEqual(getCurrentPages(), [p])
    assert.equal(p.data.root.cn[0].v, 'undefined,undefined,undefined,undefined,undefined', 'Node and DOM globals are hidden from page code')
    assert.equal(env.errors.length, 0)
    assert.equal(env.setDataLog.length, 1)
  })

  it('a DOM global used by page code throws', () => {
    env.requireRel('pages/me/index')
    assert.throws(() => env.openPage('pages/me/index'), /localStorage is not defined/)
    env.requireRel('pages/doc/index')
    assert.throws(() => env.openPage('pages/doc/index'), /document is not defined/)
  })

  it('process is not available to page code', () => {
    env.requireRel('pages/env/index')
    assert.throws(() => env.openPage('pages/env/index'), TypeError)
  })

  it('a setData of 256 KB or more is reported', () => {
    env.requireRel('pages/big/index')
    env.openPage('pages/big/index')
    assert.match(String(env.errors[0]), /single setData of .* KB \(limit 256 KB\)/)
  })

  it('navigation to a missing page, or navigateTo a tab page, is reported', async () => {
    env.requireRel('pages/nav/index')
    env.openPage('pages/nav/index')
    await env.settle(20, 500)
    const messages = env.errors.map(String)
    assert.equal(messages.length, 2, messages.join('\n'))
    assert.match(messages[0], /pages\/missing\/index" is not in app.json/)
    assert.match(messages[1], /can not navigateTo a tabbar page/)
    assert.deepEqual(env.calls.filter((c) => c.api === 'switchTab').length, 1)
  })

  it('console.error is reported', () => {
    env.requireRel('pages/log/index')
    env.openPage('pages/log/index')
    assert.match(String(env.errors[0]), /console.error: boom/)
  })

  it('timers left running by page code are cleared on uninstall', async () => {
    env.requireRel('pages/timer/index')
    env.openPage('pages/timer/index')
    await new Promise((resolve) => setTimeout(resolve, 30))
    assert.ok(env.calls.some((c) => c.api === 'getNetworkType'))
    assert.equal(env.pendingTimerCount(), 1)
    env.uninstall()
    assert.equal(env.pendingTimerCount(), 0)
    env.install() // afterEach uninstalls again
  })

  it('a require across subpackages is refused', () => {
    env.requireRel('pkg/a/p/index')
    assert.throws(() => env.openPage('pkg/a/p/index'), /from another package \(pkg\/b\/\)/)
    assert.equal(env.requireViolations.length, 1)
  })
})

describe('applySetData', () => {
  it('applies Taro-style paths', () => {
    const data = { root: { cn: [] } }
    applySetData(data, { 'root.cn.[0]': { nn: 'view', cn: [] } })
    applySetData(data, { 'root.cn[0].cn[1].v': 'text', 'root.uid': 'r' })
    const children = []
    children[1] = { v: 'text' }
    assert.deepEqual(data, { root: { cn: [{ nn: 'view', cn: children }], uid: 'r' } })
  })
})
