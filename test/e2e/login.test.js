// End to end on the built H5 app: first launch → privacy consent → sandbox login as citizen-red →
// the home page shows the masked name only. Starts its own API server (which serves dist/h5) on
// a free port with a fresh database, drives Debian's Chromium, and saves screenshots to
// docs/screenshots/. Build first: npm run build:h5.
const { test } = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const path = require('node:path')
const zlib = require('node:zlib')
const { H5_DIR, useServer, openBrowser } = require('./support')

const FULL_NAME = '陈明远' // citizen-red's real name: must never reach the page

const server = useServer()

/** gzip size of the app's own JS files a page load fetched */
function gzipKb(urls) {
  let bytes = 0
  for (const url of new Set(urls)) {
    const file = path.join(H5_DIR, new URL(url).pathname)
    if (fs.existsSync(file)) bytes += zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length
  }
  return Math.round(bytes / 102.4) / 10
}

test('first launch: consent, sandbox login as citizen-red, masked name on the home page', { timeout: 120_000 }, async (t) => {
  const { page, errors, shot, button, tab, close } = await openBrowser(server)
  const apiCalls = []
  const apiBodies = []
  const scripts = []
  page.on('request', (r) => {
    const url = new URL(r.url())
    if (url.pathname.startsWith('/api/')) apiCalls.push(`${r.method()} ${url.pathname}`)
    if (r.resourceType() === 'script') scripts.push(r.url())
  })
  page.on('response', async (r) => {
    if (new URL(r.url()).pathname.startsWith('/api/')) apiBodies.push(await r.text().catch(() => ''))
  })

  try {
    await page.goto(`${server.baseUrl}/`)

    // 1. Privacy consent covers the app; nothing personal has been asked for.
    const dialog = page.getByRole('dialog')
    await dialog.getByText('个人信息保护提示').waitFor()
    t.diagnostic(`H5 first-load JS: ${gzipKb(scripts)} KB gzip (${new Set(scripts).size} files)`)
    if (process.env.E2E_VERBOSE) t.diagnostic([...new Set(scripts)].join(' '))
    await shot('consent.png')
    assert.deepEqual(apiCalls.filter((c) => !c.endsWith('/api/health')), [], 'no API call before consent')

    await button(/^同意$/).click()
    await dialog.waitFor({ state: 'detached' })
    assert.equal(await page.locator('.home').getByText('您好，欢迎使用信用通').isVisible(), true)

    // 2. Login page with the sandbox persona picker.
    await button('登录 / 注册').click()
    const persona = page.locator('[data-persona="citizen-red"]')
    await persona.waitFor()
    await page.getByText('演示账号').waitFor()
    assert.equal(await page.getByText('沙箱环境').isVisible(), true)
    await shot('login.png')

    // 3. Log in as the red-list citizen: back on the home page with the masked name only.
    await persona.click()
    const name = page.locator('.home .home-name')
    await name.filter({ hasText: '陈**' }).waitFor()
    await page.locator('.home').getByText('已实名认证').waitFor()
    await shot('home.png')
    assert.ok(apiCalls.includes('POST /api/auth/sandbox/login'))
    assert.ok(!(await page.locator('body').innerText()).includes(FULL_NAME), 'the full name is never shown')

    // 4. 我的: masked profile.
    await tab('我的')
    await page.locator('.mine').getByText('身份证号').waitFor()
    await page.locator('.mine').getByText('138****0001').waitFor()
    // mine.png is taken by credit.test.js, where 我的 also shows the identity switch of an agent.
    assert.ok(!(await page.locator('body').innerText()).includes(FULL_NAME), 'the full name is never shown')
    assert.ok(apiBodies.every((b) => !b.includes(FULL_NAME)), 'no API answer carries the full name')
    assert.deepEqual(errors, [], 'no script errors')
  } finally {
    await close()
  }
})
