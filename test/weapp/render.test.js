'use strict'
// Every page of the compiled mini-program rendered the way WeChat renders it: the page runs in the
// fake WeChat environment of ./harness.js against the API answers of ./fixtures.js, and its data
// (Taro's `root` tree, built from setData) goes through the page's template as compiled by WeChat's
// wcc. The virtual tree that comes out must show what a user reads on that page, and stay within
// WeChat's audit limits: fewer than 1,000 nodes, depth under 30, at most 60 children per node.
// The record list and the message centre are then scrolled to their 200th entries: the largest
// setData and the setData rate are measured and held to their bars.

const { describe, it, before, after } = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const path = require('node:path')
const { createEnvironment, SETDATA_LIMIT } = require('./harness')
const { AUDIT_LIMITS, compileWxml, loadTemplates, measure, renderPage, textOf } = require('./wechat')
const fixtures = require('./fixtures')
const { peakRate } = require('./measure-pages')

const DIST = path.resolve(__dirname, '..', '..', 'dist', 'weapp')

if (!fs.existsSync(path.join(DIST, 'app.json'))) {
  it('dist/weapp exists', () => assert.fail('dist/weapp/app.json not found: run `npm run build:weapp` before `npm run test:weapp`'))
  return
}

/** The largest setData we aim for (the hard limit is SETDATA_LIMIT, 256 KB). */
const SETDATA_AIM = 64 * 1024
/** setData calls per second while pages of a list load. */
const SETDATA_RATE_LIMIT = 20

const { respond, unanswered } = fixtures.createResponder()
const { PAGES, CARD_PX, LIST_TOP_PX, VIEWPORT_PX } = fixtures
const { scroll, layout } = fixtures.recordListLayout()
const env = createEnvironment(DIST, { respond, layout })
fixtures.signIn(env.storage)
let $gwx
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** Every node of a rendered tree for which `pred` holds. */
function findAll(node, pred, out = []) {
  if (!node || typeof node !== 'object') return out
  if (pred(node)) out.push(node)
  for (const c of node.children || []) findAll(c, pred, out)
  return out
}

// Adjacent text nodes are joined with spaces (a number kept in its own node reads "〔 2026 〕"):
// compare without white space, as a reader sees the line.
const squash = (s) => s.replace(/\s+/g, '')
const missing = (text, expected) => expected.filter((t) => !squash(text).includes(squash(t)))

/** Opens a page and renders it through wcc's template until every expected text shows (≤ 5 s). */
async function openAndRender(route, query, texts) {
  const mark = env.errors.length
  const dataMark = env.setDataLog.length
  env.requireRel(route)
  env.loadUsingComponents(route)
  const page = env.openPage(route, query)
  let tree
  let text = ''
  const deadline = Date.now() + 5000
  do {
    await env.settle(50, 1000)
    tree = renderPage($gwx, route, page.data)
    text = textOf(tree)
  } while (Date.now() < deadline && (texts.length ? missing(text, texts).length > 0 : !text))
  const fresh = env.errors.slice(mark)
  assert.deepEqual(fresh.map((e) => String((e && e.stack) || e)), [], `${route}: no errors`)
  return { page, tree, text, updates: env.setDataLog.slice(dataMark) }
}

function assertAuditLimits(route, m) {
  assert.ok(m.nodes < AUDIT_LIMITS.nodes, `${route}: ${m.nodes} nodes (WeChat's audit: fewer than ${AUDIT_LIMITS.nodes})`)
  assert.ok(m.depth < AUDIT_LIMITS.depth, `${route}: depth ${m.depth} (under ${AUDIT_LIMITS.depth})`)
  assert.ok(m.children <= AUDIT_LIMITS.children, `${route}: ${m.children} children in one node "${m.widestClass}" (at most ${AUDIT_LIMITS.children})`)
}

describe('weapp pages rendered by WeChat’s templates', () => {
  before(async () => {
    $gwx = loadTemplates(compileWxml(DIST).source)
    env.install()
    env.requireRel('app')
    env.app.onLaunch(env.launchOptions)
    if (typeof env.app.onShow === 'function') env.app.onShow(env.launchOptions)
    await env.settle()
  })
  after(() => env.uninstall())

  for (const route of env.allPages) {
    const spec = PAGES[route] || { texts: [] }
    it(`${route} shows what a user reads, within the audit limits`, async (t) => {
      const { text, tree, updates } = await openAndRender(route, spec.query || {}, spec.texts)
      const m = measure(tree)
      const largest = updates.reduce((max, u) => Math.max(max, u.bytes), 0)
      t.diagnostic(`nodes ${m.nodes}, depth ${m.depth}, max children ${m.children}; setData ${updates.length}×, largest ${kb(largest)}`)
      if (!PAGES[route]) t.diagnostic('no expected texts listed for this page in fixtures.js (PAGES)')
      assert.ok(text.length > 0, `${route} renders text`)
      assert.deepEqual(missing(text, spec.texts), [], `${route} shows every expected text; it shows: ${text.slice(0, 400)}`)
      assertAuditLimits(route, m)
      assert.ok(largest < SETDATA_AIM, `${route}: largest setData ${kb(largest)} (aim < ${kb(SETDATA_AIM)})`)
    })
  }

  it('the render assertions catch a page whose text disappears', async () => {
    const route = 'pages/index/index'
    const { page } = await openAndRender(route, {}, PAGES[route].texts)
    const data = JSON.parse(JSON.stringify(page.data))
    const drop = (node) => {
      if (!node || typeof node !== 'object') return
      if (Array.isArray(node.cn)) node.cn = node.cn.filter((c) => !(typeof c.v === 'string' && c.v.includes('740')))
      for (const c of node.cn || []) drop(c)
    }
    drop(data.root)
    assert.deepEqual(missing(textOf(renderPage($gwx, route, data)), PAGES[route].texts), ['740'])
    assert.deepEqual(missing(textOf(renderPage($gwx, route, page.data)), PAGES[route].texts), [])
  })

  it('the signature pad is a 2d canvas that keeps the page still while signing', async () => {
    const route = 'packages/commitments/pages/sign/index'
    const { tree } = await openAndRender(route, PAGES[route].query, PAGES[route].texts)
    const canvases = findAll(tree, (n) => n.tag === 'wx-canvas')
    assert.equal(canvases.length, 1)
    assert.equal(canvases[0].attr.type, '2d')
    assert.equal(canvases[0].attr.disableScroll, true)
  })

  /**
   * Scrolls a windowed list page through all `count` entries the way a fast reader does (4 times a
   * second to the end of what is loaded, asking for more), then to its end, middle and top. Holds
   * the setData size and rate to their bars and the rendered tree to the audit limits at each stop;
   * `entryText(n)` is the text of entry n (1-based). Returns the tree back at the top.
   */
  async function scrollThrough(t, { route, count, entryText, entryPattern, endText }) {
    const { page } = await openAndRender(route, {}, PAGES[route].texts)
    const mark = env.setDataLog.length
    const started = Date.now()
    const scrollTo = async (top) => {
      scroll.top = top
      page.onPageScroll({ scrollTop: top })
      await env.settle(30, 1000)
    }
    for (let n = 0; n < count / fixtures.PAGE + 2; n++) {
      const loaded = (JSON.stringify(page.data).match(entryPattern) || []).length
      await scrollTo(Math.max(0, LIST_TOP_PX + loaded * CARD_PX - VIEWPORT_PX))
      page.onReachBottom()
      await sleep(250)
    }
    await env.settle(100, 2000)
    const updates = env.setDataLog.slice(mark)
    const largest = updates.reduce((max, u) => Math.max(max, u.bytes), 0)
    const rate = peakRate(updates)
    t.diagnostic(`${updates.length} setData in ${((Date.now() - started) / 1000).toFixed(1)} s, largest ${kb(largest)}, peak ${rate}/s`)
    assert.ok(largest < SETDATA_LIMIT, `largest setData ${kb(largest)} < 256 KB`)
    assert.ok(largest < SETDATA_AIM, `largest setData ${kb(largest)} < 64 KB`)
    assert.ok(rate <= SETDATA_RATE_LIMIT, `${rate} setData calls in one second (≤ ${SETDATA_RATE_LIMIT})`)

    // At the end, in the middle, back at the top: the entries on screen are rendered, the tree stays small.
    const backMark = env.setDataLog.length
    let tree
    for (const [where, entry] of [['end', count], ['middle', count / 2 + 1], ['top', 1]]) {
      await scrollTo(Math.max(0, LIST_TOP_PX + (entry - 1) * CARD_PX - 100))
      tree = renderPage($gwx, route, page.data)
      const text = textOf(tree)
      const m = measure(tree)
      t.diagnostic(`${count} entries, scrolled to entry ${entry} (${where}): nodes ${m.nodes}, depth ${m.depth}, max children ${m.children}`)
      assert.ok(text.includes(entryText(entry)), `entry ${entry} is rendered when scrolled to`)
      assertAuditLimits(`${route} with ${count} entries, at entry ${entry}`, m)
      if (where === 'end') assert.ok(text.includes(endText), 'the list reaches its end')
    }
    const back = env.setDataLog.slice(backMark)
    const largestBack = back.reduce((max, u) => Math.max(max, u.bytes), 0)
    t.diagnostic(`scrolling back up: ${back.length} setData, largest ${kb(largestBack)}`)
    assert.ok(largestBack < SETDATA_AIM, `scrolling back re-renders one chunk at a time (largest ${kb(largestBack)})`)
    return tree
  }

  it('信用记录 scrolled to its 200th entry: setData size and rate, nodes at the end, in the middle and back at the top', async (t) => {
    await scrollThrough(t, {
      route: 'packages/credit/pages/records/index',
      count: fixtures.RECORDS,
      entryText: (n) => `（第 ${n} 条）`,
      entryPattern: /（第 \d+ 条）/g,
      endText: `已显示全部 ${fixtures.RECORDS} 条记录`,
    })
  })

  it('消息 scrolled to its 200th message: setData size and rate, nodes at the end, in the middle and back at the top; unread ones stand out', async (t) => {
    const tree = await scrollThrough(t, {
      route: 'packages/messages/pages/index/index',
      count: fixtures.MESSAGES,
      entryText: (n) => `（消息 ${n}）`,
      entryPattern: /（消息 \d+）/g,
      endText: `已显示全部 ${fixtures.MESSAGES} 条消息`,
    })
    const text = textOf(tree)
    assert.ok(text.includes(`${fixtures.UNREAD} 条未读`) && text.includes('全部已读'), 'the head counts the unread messages and offers 全部已读')
    // Back at the top the newest messages show; exactly the unread ones carry the unread style and dot.
    const cards = findAll(tree, (n) => /(^|\s)message(\s|$)/.test((n.attr && n.attr.class) || ''))
    assert.ok(cards.length > fixtures.UNREAD, `more than the unread messages are rendered at the top (${cards.length})`)
    const unreadCards = cards.filter((c) => /message-unread/.test(c.attr.class))
    const numbers = (list) => list.map((c) => Number(/（消息 (\d+)）/.exec(textOf(c))[1]))
    assert.deepEqual(numbers(unreadCards), Array.from({ length: fixtures.UNREAD }, (_, i) => i + 1))
    for (const c of cards) {
      const dots = findAll(c, (n) => /message-dot/.test((n.attr && n.attr.class) || ''))
      assert.equal(dots.length, unreadCards.includes(c) ? 1 : 0, `the unread dot only on unread messages (${textOf(c).slice(0, 20)})`)
    }
  })

  it('every API call of the pages had an answer', () => {
    assert.deepEqual(unanswered, [])
  })
})
