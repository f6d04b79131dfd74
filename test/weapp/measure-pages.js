'use strict'
// Figures for `npm run bench -- weapp`: every page of dist/weapp rendered through wcc's templates
// from its setData tree (fixtures.js answers), with WeChat's audit measures and the setData sizes,
// and the record list and the message centre scrolled to their 200th entries. render.test.js asserts the same things.

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

// The long lists scrolled through all their entries: what is counted to see how far the list has
// loaded, and how many entries it has.
const LISTS = {
  'packages/credit/pages/records/index': { key: 'records', entries: fixtures.RECORDS, pattern: /（第 \d+ 条）/g },
  'packages/messages/pages/index/index': { key: 'messages', entries: fixtures.MESSAGES, pattern: /（消息 \d+）/g },
}

/** A fast reader scrolls to the end of what is loaded 4 times a second, then to the end, middle and top. */
async function scrollThrough(env, $gwx, scroll, page, route, { entries, pattern }) {
  const from = env.setDataLog.length
  for (let n = 0; n < entries / fixtures.PAGE + 2; n++) {
    const loaded = (JSON.stringify(page.data).match(pattern) || []).length
    scroll.top = Math.max(0, fixtures.LIST_TOP_PX + loaded * fixtures.CARD_PX - fixtures.VIEWPORT_PX)
    page.onPageScroll({ scrollTop: scroll.top })
    page.onReachBottom()
    await sleep(250)
  }
  await env.settle(100, 2000)
  const updates = env.setDataLog.slice(from)
  const at = []
  for (const entry of [entries, Math.round(entries / 2) + 1, 1]) {
    scroll.top = Math.max(0, fixtures.LIST_TOP_PX + (entry - 1) * fixtures.CARD_PX - 100)
    page.onPageScroll({ scrollTop: scroll.top })
    await env.settle(30, 1000)
    at.push({ entry, ...measure(renderPage($gwx, route, page.data)) })
  }
  return { entries, setDataCalls: updates.length, largestSetData: Math.max(0, ...updates.map((u) => u.bytes)), peakRatePerSecond: peakRate(updates), at }
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
  const figures = { records: null, messages: null }
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

      const list = LISTS[route]
      if (list) figures[list.key] = await scrollThrough(env, $gwx, scroll, page, route, list)
    }
  } finally {
    env.uninstall()
  }
  return { pages, ...figures, errors: env.errors.map(String) }
}

module.exports = { measureWeappPages, peakRate }
