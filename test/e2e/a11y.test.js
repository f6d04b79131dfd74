// End to end on the built H5 app: keyboard, switch and screen-reader access. On the main pages in
// normal and 长辈模式: axe-core finds no serious or critical problem (label-content-name-mismatch
// included), every control is reachable by Tab and at least 44×44 px, and the 长辈模式 switch is
// found by Tab and turned on with Space. Build first: npm run build:h5.
const { test } = require('node:test')
const assert = require('node:assert/strict')
const { AxeBuilder } = require('@axe-core/playwright')
const { skip, useServer, openBrowser } = require('./support')

const server = useServer()

const PAGES = [
  ['首页', '/pages/index/index'],
  ['守信激励', '/pages/incentives/index'],
  ['我的', '/pages/mine/index'],
  ['信用记录', '/packages/credit/pages/records/index'],
  ['记录详情', '/packages/credit/pages/detail/index?id=rec-chen-volunteer-honour'],
  ['评分说明', '/packages/credit/pages/score/index'],
  ['激励详情', '/packages/incentives/pages/detail/index?id=travel-lingyin'],
  ['信用承诺', '/packages/commitments/pages/index/index'],
]
const CONTROL = ['button', 'link', 'switch', 'radio', 'tab', 'checkbox'].map((r) => `[role="${r}"]`).concat('taro-button-core').join(',')

/** Runs in the page: visible controls that Tab cannot reach or that are smaller than 44×44. */
function auditControls(selector) {
  const out = { unreachable: [], small: [] }
  const name = (el) => (el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 24)
  for (const el of document.querySelectorAll(selector)) {
    const box = el.getBoundingClientRect()
    if (box.width === 0 || box.height === 0 || el.closest('[aria-hidden="true"]')) continue
    const style = getComputedStyle(el)
    if (style.visibility === 'hidden') continue
    const disabled = el.getAttribute('aria-disabled') === 'true' || el.hasAttribute('disabled')
    const focusable = el.tabIndex >= 0 || el.querySelector('button, [tabindex="0"]')
    if (!disabled && !focusable) out.unreachable.push(name(el))
    if (box.width < 44 || box.height < 44) out.small.push(`${name(el)} ${Math.round(box.width)}×${Math.round(box.height)}`)
  }
  return out
}

test('keyboard and screen-reader access on the main pages, normal and 长辈模式', { skip, timeout: 600_000 }, async (t) => {
  const { page, errors, current, consent, loginAs, open, settle, close } = await openBrowser(server)
  try {
    await consent()
    await loginAs('citizen-red')

    // The 长辈模式 switch: reached by Tab, turned on with Space.
    await open('/pages/mine/index')
    const elderlySwitch = current().getByRole('switch', { name: /长辈模式/ })
    await elderlySwitch.waitFor()
    let reached = false
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab')
      reached = await elderlySwitch.evaluate((el) => el === document.activeElement)
    }
    assert.ok(reached, 'Tab reaches the 长辈模式 switch')
    await page.keyboard.press('Space')
    await current().locator('[role="switch"][aria-checked="true"]').waitFor()
    await page.keyboard.press('Space')
    await current().locator('[role="switch"][aria-checked="false"]').waitFor()

    const findings = {}
    for (const mode of ['normal', 'elderly']) {
      if (mode === 'elderly') {
        await open('/pages/mine/index')
        await current().getByRole('switch', { name: /长辈模式/ }).click()
        await current().locator('[role="switch"][aria-checked="true"]').waitFor()
      }
      for (const [name, route] of PAGES) {
        await open(route)
        await page.waitForLoadState('networkidle')
        await settle()
        // The whole document: pages Taro keeps hidden in the stack are skipped by axe itself.
        const axe = await new AxeBuilder({ page })
          .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
          .analyze()
        const serious = axe.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)
        const controls = await page.evaluate(auditControls, CONTROL)
        const problems = [...serious, ...controls.unreachable.map((c) => `not reachable by Tab: ${c}`), ...controls.small.map((c) => `smaller than 44×44: ${c}`)]
        if (problems.length) findings[`${name} (${mode})`] = problems
      }
    }
    t.diagnostic(JSON.stringify(findings, null, 1))
    assert.deepEqual(findings, {}, 'no serious axe findings, every control reachable and large enough')
    assert.deepEqual(errors, [], 'no script errors')
  } finally {
    await close()
  }
})
