// End to end on the built H5 app: finding one's way. A sub-page has a title bar with its title and
// 返回 when it was opened from another page; the same page opened directly in a new tab (a shared
// link, a home-screen launch) offers 回到首页 instead, by keyboard too; tab pages have no title
// bar; an unknown address shows 页面不存在 with a way home. Build first: npm run build:h5.
const { test } = require('node:test')
const assert = require('node:assert/strict')
const { skip, useServer, openBrowser } = require('./support')

const server = useServer()

const RECORDS = '/packages/credit/pages/records/index'

test('H5 title bar: back from a sub-page, home from a deep link, a 404 page that leads home', { skip, timeout: 180_000 }, async () => {
  const { page, context, errors, shot, current, tab, settle, consent, loginAs, open, close } = await openBrowser(server)
  const bar = (p = page) => p.locator('#taro-navigation-bar')
  const barButton = (name, p = page) => bar(p).getByRole('button', { name, exact: true })
  try {
    await consent()
    await loginAs('citizen-red')

    // A tab page: no title bar.
    assert.equal(await bar().isVisible(), false, 'no title bar on 首页')

    // Opened from home: title and 返回, which goes back.
    await page.locator('.home').getByRole('button', { name: '信用记录', exact: true }).click()
    await current().locator('.record-card').first().waitFor()
    await bar().getByRole('heading', { name: '信用记录' }).waitFor()
    assert.equal(await barButton('返回').isVisible(), true)
    assert.equal(await barButton('回到首页').isVisible(), false)
    const box = await barButton('返回').boundingBox()
    assert.ok(box.width >= 44 && box.height >= 44, `返回 is at least 44×44 (${box.width}×${box.height})`)
    await shot('h5-title-bar.png')
    await barButton('返回').click()
    await settle()
    await page.locator('.home .dial-score').waitFor()
    assert.equal(await bar().isVisible(), false)

    // The same page opened directly in a new tab: 回到首页, reached and pressed with the keyboard.
    const deep = await context.newPage()
    await deep.goto(`${server.baseUrl}/#${RECORDS}`)
    await deep.locator('.record-card').first().waitFor()
    assert.equal(await barButton('返回', deep).isVisible(), false)
    await deep.keyboard.press('Tab')
    const focused = await deep.evaluate(() => document.activeElement && document.activeElement.getAttribute('aria-label'))
    assert.equal(focused, '回到首页', 'the first Tab stop is 回到首页')
    await deep.keyboard.press('Enter')
    await deep.locator('.home .dial-score').waitFor()
    await deep.close()

    // An unknown address: 页面不存在, and a way home.
    await open('/packages/nowhere/index')
    await current().getByText('页面不存在', { exact: true }).first().waitFor()
    assert.equal(await barButton('回到首页').isVisible(), true)
    await shot('h5-not-found.png')
    await current().locator('taro-button-core', { hasText: '回到首页' }).click()
    await page.locator('.home .dial-score').waitFor()

    await tab('我的')
    assert.equal(await bar().isVisible(), false, 'no title bar on 我的')
    assert.deepEqual(errors, [], 'no script errors')
  } finally {
    await close()
  }
})
