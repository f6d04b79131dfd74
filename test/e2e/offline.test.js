// End to end on the built H5 app: losing the network. citizen-red opens the app, the connection
// drops, and they keep moving between tabs and into 信用记录 / 评分说明: every failed request shows
// the Chinese network message, and the page never throws — no uncaught error, no unhandled promise
// rejection (each failed fetch used to surface as "TypeError: Failed to fetch"). Build first:
// npm run build:h5.
const { test } = require('node:test')
const assert = require('node:assert/strict')
const { skip, useServer, openBrowser } = require('./support')

const server = useServer()

test('offline: moving through the app reports the network error in Chinese and leaves nothing unhandled', { skip, timeout: 180_000 }, async (t) => {
  const { page, context, errors, current, tab, settle, consent, loginAs, close } = await openBrowser(server)
  // pageerror covers uncaught exceptions; this records unhandled rejections on its own as well.
  await page.addInitScript(() => {
    window.__unhandled = []
    window.addEventListener('unhandledrejection', (e) => window.__unhandled.push(String(e.reason && e.reason.message ? e.reason.message : e.reason)))
  })
  const unhandled = () => page.evaluate(() => window.__unhandled)
  try {
    await consent()
    await loginAs('citizen-red')
    await page.locator('.home .dial-score').filter({ hasText: '740' }).waitFor()
    // Load the pages' code once while online, as a user who had opened them before would have
    // (H5 loads each page's code on first use; that part of being offline is not this test's).
    await page.locator('.home').getByRole('button', { name: '信用记录', exact: true }).click()
    await current().locator('.record-card').first().waitFor()
    await page.goBack()
    await settle()
    await tab('守信激励')
    await current().locator('.incentive-card').first().waitFor()
    await tab('我的')
    await settle()
    await tab('首页')
    await settle()

    let failed = 0
    page.on('requestfailed', (r) => {
      if (new URL(r.url()).pathname.startsWith('/api/')) failed++
    })
    await context.setOffline(true)

    await tab('守信激励')
    await settle()
    await tab('我的')
    await settle()
    await tab('首页')
    await settle()
    await page.locator('.home').getByRole('button', { name: '信用记录', exact: true }).click()
    await current().getByText('网络连接失败，请检查网络后重试').first().waitFor({ timeout: 30_000 })
    await page.goBack()
    await settle()
    await tab('守信激励')
    await settle()
    await page.waitForTimeout(1500) // let the client's retries run out

    t.diagnostic(`${failed} API requests failed while offline`)
    assert.ok(failed > 0, 'the test did make requests that failed')
    assert.deepEqual(await unhandled(), [], 'no unhandled promise rejection')
    assert.deepEqual(errors, [], 'no uncaught page error')

    // Back online, 重试 brings the data back.
    await context.setOffline(false)
    await tab('首页')
    await page.locator('.home').getByRole('button', { name: '信用记录', exact: true }).click()
    const retry = current().locator('taro-button-core', { hasText: '重试' })
    if (await retry.count()) await retry.first().click()
    await current().locator('.record-card').first().waitFor({ timeout: 30_000 })
    assert.deepEqual(errors, [], 'no uncaught page error')
  } finally {
    await close()
  }
})
