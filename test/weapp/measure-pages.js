'use strict'
// Figures for `npm run bench -- weapp`: every page of dist/weapp rendered through wcc's templates
// from its setData tree (fixtures.js answers), with WeChat's audit measures and the setData sizes,
// and the record list scrolled to its 200th entry. render.test.js asserts the same things.

const { createEnvironment } = require('./harness')
const { compileWxml, loadTemplates, measure, renderPage, textOf } = require('./wechat')
const fixtures = require('./fixtures')

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** The most setData calls in any one second of a log of { at }. */
function peakRate(updates) {
  let peak = 0
  for (let i = 0, j = 0; i < updates.length; i++) {
    while (updates[i].at - updates[j].at >= 1000) j++
    peak = Math.max(peak, i - j + 1)
  }
  return peak
}

async function measureWeappPages(distDir) {
  const compiled = compileWxml(distDir)
  if (compiled.errors.length) throw new Error(`wcc: ${compiled.errors.map((e) => `${e.file}:${e.line} ${e.message}`).join('; ')}`)
  const $gwx = loadTemplates(compiled.source)
  const { respond } = fixtures.createResponder()
  const { scroll, layout } = fixtures.recordListLayout()
  const env = createEnvironment(distDir, { respond, layout })
  fixtures.signIn(env.storage)
  env.install()
  const pages = []
  let records = null
  try {
    env.requireRel('app')
    env.app.onLaunch(env.launchOptions)
    await env.settle()
    for (const route of env.allPages) {
      const spec = fixtures.PAGES[route] || { texts: [] }
      const mark = env.setDataLog.length
      env.requireRel(route)
      env.loadUsingComponents(route)
      const page = env.openPage(route, spec.query || {})
      const deadline = Date.now() + 5000
      let tree
      do {
        await env.settle(50, 1000)
        tree = renderPage($gwx, route, page.data)
      } while (Date.now() < deadline && !spec.texts.every((t) => textOf(tree).includes(t)))
      const updates = env.setDataLog.slice(mark)
      pages.push({ route, ...measure(tree), setDataCalls: updates.length, largestSetData: Math.max(0, ...updates.map((u) => u.bytes)) })

      if (route === 'packages/credit/pages/records/index') {
        const from = env.setDataLog.length
        for (let n = 0; n < fixtures.RECORDS / fixtures.PAGE + 2; n++) {
          const loaded = (JSON.stringify(page.data).match(/（第 \d+ 条）/g) || []).length
          scroll.top = Math.max(0, fixtures.LIST_TOP_PX + loaded * fixtures.CARD_PX - fixtures.VIEWPORT_PX)
          page.onPageScroll({ scrollTop: scroll.top })
          page.onReachBottom()
          await sleep(250)
        }
        await env.settle(100, 2000)
        const updates = env.setDataLog.slice(from)
        const at = []
        for (const entry of [fixtures.RECORDS, Math.round(fixtures.RECORDS / 2) + 1, 1]) {
          scroll.top = Math.max(0, fixtures.LIST_TOP_PX + (entry - 1) * fixtures.CARD_PX - 100)
          page.onPageScroll({ scrollTop: scroll.top })
          await env.settle(30, 1000)
          at.push({ entry, ...measure(renderPage($gwx, route, page.data)) })
        }
        records = { entries: fixtures.RECORDS, setDataCalls: updates.length, largestSetData: Math.max(0, ...updates.map((u) => u.bytes)), peakRatePerSecond: peakRate(updates), at }
      }
    }
  } finally {
    env.uninstall()
  }
  return { pages, records, errors: env.errors.map(String) }
}

module.exports = { measureWeappPages, peakRate }
