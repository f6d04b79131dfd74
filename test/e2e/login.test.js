// End to end on the built H5 app: first launch → privacy consent → sandbox login as citizen-red →
// the home page shows the masked name only. Starts its own API server (which serves dist/h5) on
// a free port with a fresh database, drives Debian's Chromium, and saves screenshots to
// docs/screenshots/. Build first: npm run build:h5.
const { test, before, after } = require('node:test')
const assert = require('node:assert/strict')
const { spawn } = require('node:child_process')
const fs = require('node:fs')
const net = require('node:net')
const os = require('node:os')
const path = require('node:path')
const zlib = require('node:zlib')

const ROOT = path.resolve(__dirname, '..', '..')
const H5_DIR = path.join(ROOT, 'dist', 'h5')
const SHOTS = path.join(ROOT, 'docs', 'screenshots')
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
const FULL_NAME = '陈明远' // citizen-red's real name: must never reach the page
const built = fs.existsSync(path.join(H5_DIR, 'index.html'))
const skip = built ? false : 'dist/h5/index.html is missing: run `npm run build:h5` first'

let server
let serverLog = ''
let dataDir
let baseUrl

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address()
      srv.close(() => resolve(port))
    })
  })
}

async function waitForHealth(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`server exited (${server.exitCode}):\n${serverLog}`)
    try {
      const res = await fetch(`${url}/api/health`)
      if (res.ok) return res.json()
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`server not healthy after ${timeoutMs} ms:\n${serverLog}`)
}

before(async () => {
  if (skip) return
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'creditpass-e2e-'))
  const port = await freePort()
  baseUrl = `http://127.0.0.1:${port}`
  server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'development', STATIC_DIR: H5_DIR },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  server.stdout.on('data', (d) => (serverLog += d))
  server.stderr.on('data', (d) => (serverLog += d))
  const health = await waitForHealth(baseUrl, 90_000)
  assert.equal(health.sandbox, true, 'the e2e test needs the sandbox personas')
})

after(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve))
    server.kill('SIGTERM')
    const timer = setTimeout(() => server.kill('SIGKILL'), 5000)
    await exited
    clearTimeout(timer)
  }
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
})

/** gzip size of the app's own JS files a page load fetched */
function gzipKb(urls) {
  let bytes = 0
  for (const url of new Set(urls)) {
    const file = path.join(H5_DIR, new URL(url).pathname)
    if (fs.existsSync(file)) bytes += zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length
  }
  return Math.round(bytes / 102.4) / 10
}

test('first launch: consent, sandbox login as citizen-red, masked name on the home page', { skip, timeout: 120_000 }, async (t) => {
  const { chromium } = require('playwright-core')
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'creditpass-chromium-'))
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
  })
  fs.mkdirSync(SHOTS, { recursive: true })
  const shot = (name) => page.screenshot({ path: path.join(SHOTS, name) })
  const page = context.pages()[0] || (await context.newPage())
  const errors = []
  const apiCalls = []
  const apiBodies = []
  const scripts = []
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('request', (r) => {
    const url = new URL(r.url())
    if (url.pathname.startsWith('/api/')) apiCalls.push(`${r.method()} ${url.pathname}`)
    if (r.resourceType() === 'script') scripts.push(r.url())
  })
  page.on('response', async (r) => {
    if (new URL(r.url()).pathname.startsWith('/api/')) apiBodies.push(await r.text().catch(() => ''))
  })
  const transition = () => page.waitForTimeout(450) // Taro's page animation is 300 ms

  try {
    await page.goto(`${baseUrl}/`)

    // 1. Privacy consent covers the app; nothing personal has been asked for.
    const dialog = page.getByRole('dialog')
    await dialog.getByText('个人信息保护提示').waitFor()
    t.diagnostic(`H5 first-load JS: ${gzipKb(scripts)} KB gzip (${new Set(scripts).size} files)`)
    if (process.env.E2E_VERBOSE) t.diagnostic([...new Set(scripts)].join(' '))
    await transition()
    await shot('consent.png')
    assert.deepEqual(apiCalls.filter((c) => !c.endsWith('/api/health')), [], 'no API call before consent')

    await page.locator('taro-button-core', { hasText: /^同意$/ }).click()
    await dialog.waitFor({ state: 'detached' })
    assert.equal(await page.locator('.home').getByText('您好，欢迎使用信用通').isVisible(), true)

    // 2. Login page with the sandbox persona picker.
    await page.locator('taro-button-core', { hasText: '登录 / 注册' }).click()
    const persona = page.locator('[data-persona="citizen-red"]')
    await persona.waitFor()
    await page.getByText('演示账号').waitFor()
    assert.equal(await page.getByText('沙箱环境').isVisible(), true)
    await transition()
    await shot('login.png')

    // 3. Log in as the red-list citizen: back on the home page with the masked name only.
    await persona.click()
    const name = page.locator('.home .home-name')
    await name.filter({ hasText: '陈**' }).waitFor()
    await page.locator('.home').getByText('已实名认证').waitFor()
    await transition()
    await shot('home.png')
    assert.ok(apiCalls.includes('POST /api/auth/sandbox/login'))
    assert.ok(!(await page.locator('body').innerText()).includes(FULL_NAME), 'the full name is never shown')

    // 4. 我的: masked profile.
    await page.locator('.weui-tabbar__item', { hasText: '我的' }).click()
    await page.locator('.mine').getByText('身份证号').waitFor()
    await page.locator('.mine').getByText('138****0001').waitFor()
    // mine.png is taken by credit.test.js, where 我的 also shows the identity switch of an agent.
    assert.ok(!(await page.locator('body').innerText()).includes(FULL_NAME), 'the full name is never shown')
    assert.ok(apiBodies.every((b) => !b.includes(FULL_NAME)), 'no API answer carries the full name')
    assert.deepEqual(errors, [], 'no script errors')
  } finally {
    await context.close()
    fs.rmSync(userDataDir, { recursive: true, force: true })
  }
})
