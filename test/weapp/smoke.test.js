'use strict'
// Weapp smoke test: runs the compiled mini-program (dist/weapp, from `npm run build:weapp`) in the
// fake WeChat environment of ./harness.js. Pages come from dist/weapp/app.json, so new pages are
// covered without changing this file.
//
// Checks: package layout of app.json (lazy code loading, tab pages in the main package, every other
// page in a subpackage); the app launches; every tab page (and the launch page) loads, shows,
// renders and settles with no thrown or console.error'd error, no DOM global touched, no setData of
// 256 KB or more, and only navigations to pages that exist; every subpackage page file loads and
// registers its page.

const { describe, it, before, after } = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const path = require('node:path')
const { createEnvironment, SETDATA_LIMIT } = require('./harness')

const DIST = path.resolve(__dirname, '..', '..', 'dist', 'weapp')

if (!fs.existsSync(path.join(DIST, 'app.json'))) {
  it('dist/weapp exists', () => {
    assert.fail('dist/weapp/app.json not found: run `npm run build:weapp` before `npm run test:weapp`')
  })
  return
}

const env = createEnvironment(DIST)
const startPages = [...env.tabPages]
if (env.mainPages[0] && !startPages.includes(env.mainPages[0])) startPages.push(env.mainPages[0])

/** Fails with every error collected since `mark` (console.error, uncaught, unhandled rejection…). */
function assertNoNewErrors(mark, what) {
  const fresh = env.errors.slice(mark)
  if (fresh.length) {
    const details = fresh.map((e, i) => `  ${i + 1}. ${(e && e.stack) || e}`).join('\n')
    assert.fail(`${what}: ${fresh.length} error(s)\n${details}`)
  }
}

function summarizeCalls(from) {
  const counts = new Map()
  for (const c of env.calls.slice(from)) counts.set(c.api, (counts.get(c.api) || 0) + 1)
  return [...counts].map(([api, n]) => `${api}×${n}`).join(' ') || 'none'
}

describe('weapp build', () => {
  before(() => env.install())
  after(() => env.uninstall())

  it('app.json enables lazyCodeLoading "requiredComponents"', () => {
    assert.equal(env.appJson.lazyCodeLoading, 'requiredComponents')
  })

  it('app.json: every tab page is in the main package, every other page in a subpackage', () => {
    for (const tab of env.tabPages) assert.ok(env.mainPages.includes(tab), `tab page ${tab} must be listed in app.json "pages" (main package)`)
    const stray = env.mainPages.filter((p) => !env.tabPages.includes(p))
    assert.deepEqual(stray, [], `pages in the main package that are not tab pages (move them to a subpackage): ${stray.join(', ')}`)
    const seen = new Set()
    for (const p of env.allPages) {
      assert.ok(!seen.has(p), `page ${p} is listed twice in app.json`)
      seen.add(p)
      assert.ok(fs.existsSync(path.join(DIST, `${p}.js`)), `page ${p} has no ${p}.js in dist/weapp`)
    }
  })

  it('the app launches', async (t) => {
    const mark = env.errors.length
    const callMark = env.calls.length
    env.requireRel('app')
    assert.equal(env.registrations.app.length, 1, 'app.js must call App() exactly once')
    const app = env.app
    assert.equal(typeof app.onLaunch, 'function', 'App options have no onLaunch')
    app.onLaunch(env.launchOptions)
    if (typeof app.onShow === 'function') app.onShow(env.launchOptions)
    await env.settle()
    t.diagnostic(`wx calls during launch: ${summarizeCalls(callMark)}`)
    assertNoNewErrors(mark, 'app launch')
  })

  if (env.appJson.tabBar && env.appJson.tabBar.custom) {
    it('the custom tab bar loads', () => {
      const mark = env.errors.length
      env.requireRel('custom-tab-bar/index')
      assert.ok(env.registrations.components.has('custom-tab-bar/index.js'), 'custom-tab-bar/index.js did not call Component()')
      env.loadUsingComponents('custom-tab-bar/index')
      assertNoNewErrors(mark, 'custom tab bar')
    })
  }

  for (const route of startPages) {
    it(`page ${route} loads, shows and renders without errors`, async (t) => {
      assert.ok(env.app, 'the app did not launch')
      const mark = env.errors.length
      const callMark = env.calls.length
      const dataMark = env.setDataLog.length
      env.requireRel(route)
      assert.ok(
        env.registrations.pages.has(`${route}.js`) || env.registrations.components.has(`${route}.js`),
        `${route}.js did not call Page() or Component() (its webpack chunk may wait for a chunk that was never loaded)`,
      )
      const components = env.loadUsingComponents(route)
      const page = env.openPage(route, {})
      await env.settle(100, 3000)

      const updates = env.setDataLog.slice(dataMark)
      const largest = updates.reduce((m, u) => Math.max(m, u.bytes), 0)
      t.diagnostic(`components: ${components.join(', ') || 'none'}`)
      t.diagnostic(`setData: ${updates.length} call(s), largest ${(largest / 1024).toFixed(1)} KB`)
      t.diagnostic(`wx calls: ${summarizeCalls(callMark)}`)
      if (env.unknownApis.size) t.diagnostic(`wx APIs looked up but not faked by the harness: ${[...env.unknownApis].join(', ')}`)

      assertNoNewErrors(mark, `page ${route}`)
      for (const u of updates) assert.ok(u.bytes < SETDATA_LIMIT, `${u.owner}: setData of ${u.bytes} bytes (limit ${SETDATA_LIMIT})`)
      assert.ok(updates.length > 0, `page ${route} never called setData: it did not render`)
      assert.ok(page.data.root && Array.isArray(page.data.root.cn) && page.data.root.cn.length > 0, `page ${route} rendered nothing (data.root.cn is empty)`)
      // the next page hides this one, as a tab switch does
    })
  }

  for (const sp of env.subPackages) {
    it(`subpackage ${sp.root}: every page file loads and registers`, () => {
      const mark = env.errors.length
      for (const route of sp.pages) {
        env.requireRel(route)
        assert.ok(
          env.registrations.pages.has(`${route}.js`) || env.registrations.components.has(`${route}.js`),
          `${route}.js did not call Page() or Component() (its webpack chunk may wait for a chunk that was never loaded)`,
        )
        env.loadUsingComponents(route)
      }
      assertNoNewErrors(mark, `subpackage ${sp.root}`)
    })
  }

  it('no module required a file of another package', () => {
    assert.deepEqual(env.requireViolations, [])
  })
})
