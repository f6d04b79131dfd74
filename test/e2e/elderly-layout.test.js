// End to end on the built H5 app: 长辈模式 at 390×844 without broken lines. On every main page:
// no number, date or amount is split across two lines (measured on the text itself, with DOM
// ranges), row names such as 授权管理 and field labels such as 决定文书号 sit on one line, score
// labels on the chart do not overlap, and the tab bar text is enlarged too. Saves the screenshots
// docs/screenshots/elderly-*.png. Build first: npm run build:h5.
const { test } = require('node:test')
const assert = require('node:assert/strict')
const { skip, useServer, openBrowser } = require('./support')

const server = useServer()

const PAGES = [
  ['home', '/pages/index/index'],
  ['incentives', '/pages/incentives/index'],
  ['mine', '/pages/mine/index'],
  ['records', '/packages/credit/pages/records/index'],
  ['record-detail', '/packages/credit/pages/detail/index?id=rec-chen-volunteer-honour'],
  ['score', '/packages/credit/pages/score/index'],
  ['access-log', '/packages/account/pages/access-log/index'],
  ['incentive-detail', '/packages/incentives/pages/detail/index?id=travel-lingyin'],
  ['vouchers', '/packages/incentives/pages/vouchers/index'],
  ['grants', '/packages/incentives/pages/grants/index'],
  ['authorizations', '/packages/incentives/pages/authorizations/index'],
  ['certificate', '/packages/incentives/pages/certificate/index'],
  ['commitments', '/packages/commitments/pages/index/index'],
  ['my-commitments', '/packages/commitments/pages/mine/index'],
  ['public', '/packages/commitments/pages/public/index'],
  ['privacy', '/packages/account/pages/privacy/index'],
]
/** Elements that hold a name or a label: each must stay on one line. */
const ONE_LINE = ['.mine-menu-text:not(.mine-menu-stack)', '.mine-row-label', '.detail-field-label', '.weui-tabbar__label', '.nowrap', '.timeline-time', '.tag', '.history-value', '.section-title']

/** Runs in the page: what is broken on the visible page. */
function findBreaks(oneLineSelectors) {
  const page = [...document.querySelectorAll('.taro_page')].filter((p) => p.offsetParent !== null || getComputedStyle(p).display !== 'none').pop()
  const roots = [page, document.querySelector('.weui-tabbar'), document.getElementById('taro-navigation-bar')].filter(Boolean)
  const problems = []
  // Lines = groups of boxes that overlap vertically (a small dot beside the text is not a new line).
  const lines = (rects) => {
    const boxes = [...rects].filter((r) => r.width > 0 && r.height > 0).sort((a, b) => a.top - b.top)
    let count = 0
    let bottom = -Infinity
    for (const r of boxes) {
      if (r.top >= bottom - 2) count++
      bottom = Math.max(bottom, r.bottom)
    }
    return count
  }
  const visible = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden'
  for (const root of roots) {
    // 1. Numbers, dates and amounts inside any text node.
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.parentElement || !visible(node.parentElement)) continue
      for (const m of node.data.matchAll(/\d[\d,.:\-/]*\d/g)) {
        const range = document.createRange()
        range.setStart(node, m.index)
        range.setEnd(node, m.index + m[0].length)
        if (lines(range.getClientRects()) > 1) problems.push(`"${m[0]}" is split across lines in "${node.data.slice(0, 40)}"`)
      }
    }
    // 2. Names and labels.
    for (const el of root.querySelectorAll(oneLineSelectors.join(','))) {
      if (!visible(el) || !el.textContent.trim()) continue
      const range = document.createRange()
      range.selectNodeContents(el)
      if (lines(range.getClientRects()) > 1) problems.push(`"${el.textContent.trim().slice(0, 20)}" (${el.className}) wraps`)
    }
  }
  // 3. Chart labels must not touch.
  const values = [...document.querySelectorAll('.history-value')].filter(visible).map((el) => el.getBoundingClientRect())
  for (let i = 1; i < values.length; i++) if (values[i].left < values[i - 1].right) problems.push('chart labels overlap')
  return problems
}

test('长辈模式: every main page at 390×844 without numbers or labels broken across lines', { skip, timeout: 300_000 }, async (t) => {
  const { page, errors, shot, current, consent, loginAs, open, close } = await openBrowser(server)
  try {
    await consent()
    await loginAs('citizen-red')
    await open('/pages/mine/index')
    const elderlySwitch = current().getByRole('switch', { name: /长辈模式/ })
    await elderlySwitch.click()
    await current().locator('[role="switch"][aria-checked="true"]').waitFor()

    const tabSize = await page.locator('.weui-tabbar__label').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
    t.diagnostic(`tab bar label in 长辈模式: ${tabSize}px`)
    assert.ok(tabSize >= 16, `the tab bar text is enlarged (${tabSize}px)`)

    const found = {}
    for (const [name, route] of PAGES) {
      await open(route)
      await page.locator('.page.elderly:visible').first().waitFor({ timeout: 15_000 }).catch(() => assert.fail(`${name} is not in 长辈模式`))
      await page.waitForLoadState('networkidle')
      await page.waitForTimeout(300)
      const problems = await page.evaluate(findBreaks, ONE_LINE)
      if (problems.length) found[name] = problems
      if (['mine', 'record-detail', 'score', 'home', 'incentives'].includes(name)) await shot(`elderly-${name}.png`)
    }
    assert.deepEqual(found, {}, 'no broken lines in 长辈模式')
    assert.deepEqual(errors, [], 'no script errors')
  } finally {
    await close()
  }
})
