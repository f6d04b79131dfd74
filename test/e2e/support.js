// Shared setup for the end-to-end tests on the built H5 app (test/e2e/*.test.js). Not a test
// itself: scripts/test-e2e.js only runs files ending in .test.js.
//
//   const { useServer, openBrowser } = require('./support')
//   const server = useServer() // at the top level of a test file
//   test('…', { timeout: 120_000 }, async () => {
//     const { page, errors, shot, current, tab, button, consent, loginAs, logout, open, close } = await openBrowser(server)
//     try { … } finally { await close() }
//   })
//
// - Loading this file builds the H5 app (`npm run build:h5`) when dist/h5/index.html is missing,
//   and throws when that build fails: the suite never passes by skipping.
// - useServer(): registers before/after hooks that start the API server (`node --import tsx
//   server/main.ts`, which also serves dist/h5) on a free port with a fresh temporary DATA_DIR,
//   wait for /api/health (the sandbox personas must be on), and stop it (and its embedded
//   PostgreSQL) and remove DATA_DIR — and the cluster kept outside it — at the end. Returns
//   { baseUrl } (set once the server is up).
// - openBrowser(server): Debian's Chromium (CHROMIUM_PATH to override) through playwright-core,
//   headless at 390×844, deviceScaleFactor 2, zh-CN, Asia/Shanghai, in a fresh user-data-dir.
//   Gives:
//     page, context    the playwright objects
//     errors           messages of uncaught page errors (tests assert it stays empty)
//     settle()         waits 450 ms for Taro's 300 ms page animation
//     shot(name)       settle(), then a screenshot to docs/screenshots/<name>
//     current()        the page Taro shows now (H5 keeps earlier pages of the stack in the DOM, hidden)
//     tab(name)        clicks the tab bar item
//     button(text)     a taro button of the current page whose text matches
//     consent()        first launch: loads the app and accepts the privacy consent
//     open(route)      a fresh load of a route (the session stays in storage)
//     loginAs(persona) sandbox login from the login page; waits for the home page
//     logout()         我的 → 退出登录; waits for 未登录
//     close()          closes the browser and removes its user-data-dir
'use strict'
const { before, after } = require('node:test')
const assert = require('node:assert/strict')
const { spawn, spawnSync } = require('node:child_process')
const fs = require('node:fs')
const net = require('node:net')
const os = require('node:os')
const path = require('node:path')

const ROOT = path.resolve(__dirname, '..', '..')
const H5_DIR = path.join(ROOT, 'dist', 'h5')
const SHOTS = path.join(ROOT, 'docs', 'screenshots')
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
if (!fs.existsSync(path.join(H5_DIR, 'index.html'))) {
  const build = spawnSync('npm', ['run', 'build:h5'], { cwd: ROOT, stdio: 'inherit' })
  if (build.status !== 0 || !fs.existsSync(path.join(H5_DIR, 'index.html'))) {
    throw new Error('dist/h5/index.html is missing and `npm run build:h5` failed: the e2e tests need the built H5 app')
  }
}

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

async function waitForHealth(server, url, timeoutMs) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`server exited (${server.child.exitCode}):\n${server.log}`)
    try {
      const res = await fetch(`${url}/api/health`)
      if (res.ok) return res.json()
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`server not healthy after ${timeoutMs} ms:\n${server.log}`)
}

/**
 * A temporary DATA_DIR is mode 700, so as root the server keeps its PostgreSQL cluster elsewhere and
 * records where in DATA_DIR/pg-location (server/db/embedded.ts): remove it too, and stop its
 * postmaster if the server had to be killed.
 */
function removeEmbeddedCluster(dataDir) {
  const record = path.join(dataDir, 'pg-location')
  const base = fs.existsSync(record) ? fs.readFileSync(record, 'utf8').trim() : dataDir
  try {
    const pid = Number(fs.readFileSync(path.join(base, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0])
    if (pid > 0) process.kill(pid, 'SIGQUIT') // immediate shutdown: the cluster is thrown away
  } catch {
    // stopped cleanly: no postmaster.pid
  }
  if (base !== dataDir && base.startsWith('/var/lib/creditpass/')) fs.rmSync(base, { recursive: true, force: true })
}

/** Starts the API server before the file's tests and stops it after them. */
function useServer() {
  const server = { baseUrl: undefined, child: undefined, log: '', dataDir: undefined }

  before(async () => {
    server.dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'creditpass-e2e-'))
    const port = await freePort()
    server.baseUrl = `http://127.0.0.1:${port}`
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: server.dataDir, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'development', STATIC_DIR: H5_DIR },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    server.child = child
    child.stdout.on('data', (d) => (server.log += d))
    child.stderr.on('data', (d) => (server.log += d))
    // Generous: on a busy machine the embedded database alone can take a minute to start.
    const health = await waitForHealth(server, server.baseUrl, 240_000)
    assert.equal(health.sandbox, true, 'the e2e test needs the sandbox personas')
  })

  after(async () => {
    const child = server.child
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve))
      // SIGTERM: the server stops its embedded PostgreSQL (a shutdown checkpoint) and exits
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000)
      await exited
      clearTimeout(timer)
    }
    if (server.dataDir) {
      removeEmbeddedCluster(server.dataDir)
      fs.rmSync(server.dataDir, { recursive: true, force: true })
    }
  })

  return server
}

/** A fresh headless Chromium on the app served by `server` (from useServer()), with helpers. */
async function openBrowser(server) {
  const { chromium } = require('playwright-core')
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'creditpass-chromium-'))
  let context
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    })
  } catch (e) {
    fs.rmSync(userDataDir, { recursive: true, force: true })
    throw e
  }
  fs.mkdirSync(SHOTS, { recursive: true })
  const page = context.pages()[0] || (await context.newPage())
  const errors = []
  page.on('pageerror', (e) => errors.push(e.message))

  const settle = () => page.waitForTimeout(450) // Taro's page animation is 300 ms
  const shot = async (name) => {
    await settle()
    await page.screenshot({ path: path.join(SHOTS, name) })
  }
  const current = () => page.locator('.taro_page:visible').last()
  const tab = (name) => page.locator('.weui-tabbar__item', { hasText: name }).click()
  const button = (text) => current().locator('taro-button-core', { hasText: text })

  const consent = async () => {
    await page.goto(`${server.baseUrl}/`)
    await page.locator('taro-button-core', { hasText: /^同意$/ }).click()
    await page.getByRole('dialog').waitFor({ state: 'detached' })
  }
  let visit = 0
  const open = async (route) => {
    await page.goto(`${server.baseUrl}/?v=${++visit}#${route}`)
    await settle()
  }
  const loginAs = async (persona) => {
    await open('/packages/account/pages/login/index')
    await page.locator(`[data-persona="${persona}"]`).click()
    await page.locator('.home .home-name').waitFor()
  }
  const logout = async () => {
    await open('/pages/mine/index')
    await button('退出登录').click()
    await page.locator('.mine').getByText('未登录').waitFor()
  }
  const close = async () => {
    await context.close()
    fs.rmSync(userDataDir, { recursive: true, force: true })
  }

  return { page, context, errors, settle, shot, current, tab, button, consent, open, loginAs, logout, close }
}

module.exports = { ROOT, H5_DIR, SHOTS, useServer, openBrowser }
