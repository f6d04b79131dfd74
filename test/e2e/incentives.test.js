// End to end on the built H5 app, 守信激励: citizen-red claims a 信易游 voucher at 灵隐景区 for today,
// shows it (QR code + readable code) and authorises a rental partner; the 灵隐 verifier redeems the
// code once and is refused the second time with when and where it was used; citizen-new sees why
// 灵隐 is not for them. Starts its own API server (serving dist/h5) on a free port with a fresh
// database, drives Debian's Chromium at 390×844, and saves screenshots to docs/screenshots/.
// Build first: npm run build:h5.
const { test, before, after } = require('node:test')
const assert = require('node:assert/strict')
const { spawn } = require('node:child_process')
const fs = require('node:fs')
const net = require('node:net')
const os = require('node:os')
const path = require('node:path')

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

test('守信激励: claim a voucher, show it, verify it once at the gate; a 良好 newcomer sees why not', { skip, timeout: 240_000 }, async (t) => {
  const { chromium } = require('playwright-core')
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'creditpass-chromium-'))
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  })
  fs.mkdirSync(SHOTS, { recursive: true })
  const page = context.pages()[0] || (await context.newPage())
  const errors = []
  const claims = []
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('request', (r) => {
    if (/\/api\/incentives\/[^/]+\/claims$/.test(new URL(r.url()).pathname)) claims.push(r.headers()['idempotency-key'])
  })

  const settle = () => page.waitForTimeout(450) // Taro's page animation is 300 ms
  const shot = async (name) => {
    await settle()
    await page.screenshot({ path: path.join(SHOTS, name) })
  }
  const button = (scope, text) => page.locator(`${scope} taro-button-core`, { hasText: text })
  let visit = 0
  /** a fresh load of a page (the session stays in storage) */
  const open = async (route) => {
    await page.goto(`${baseUrl}/?v=${++visit}#${route}`)
    await settle()
  }
  const loginAs = async (persona) => {
    await open('/packages/account/pages/login/index')
    await page.locator(`[data-persona="${persona}"]`).click()
    await page.locator('.home').waitFor()
  }
  const logout = async () => {
    await open('/pages/mine/index')
    await button('.mine', '退出登录').click()
    await page.locator('.mine').getByText('未登录').waitFor()
  }

  try {
    // First launch: privacy consent, then citizen-red (red list).
    await page.goto(`${baseUrl}/`)
    await page.locator('taro-button-core', { hasText: /^同意$/ }).click()
    await page.getByRole('dialog').waitFor({ state: 'detached' })
    await loginAs('citizen-red')

    // 1. 守信激励: standing, red-list badges, 绿色通道, the catalog.
    await page.locator('.weui-tabbar__item', { hasText: '守信激励' }).click()
    const tab = page.locator('.incentives')
    await tab.getByText('红名单 · 优秀志愿者').waitFor()
    await tab.getByText('绿色通道 / 容缺受理').waitFor()
    assert.equal(await tab.locator('[data-incentive="travel-lingyin"] .tag').innerText(), '可享受')
    await shot('incentives.png')

    // 2. 灵隐景区: claim 门票优惠 for today (the date picker starts on today).
    await tab.locator('[data-incentive="travel-lingyin"]').click()
    const detail = page.locator('.incentive-detail')
    await detail.getByText('飞来峰景区门票 5 折（原价 45 元）').first().waitFor()
    await detail.locator('[data-benefit="ticket_discount"]').click()
    await button('.incentive-detail', '领取卡券').click()

    // 3. The voucher: QR code drawn on the page and the code in letters under it.
    const voucher = page.locator('.voucher')
    const qr = voucher.getByRole('img', { name: /卡券二维码/ })
    await qr.waitFor()
    const code = (await voucher.locator('.ticket-code').innerText()).trim()
    assert.match(code, /^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/)
    assert.equal(await qr.getAttribute('aria-label'), `卡券二维码，卡券码 ${code}`)
    const modules = Number(await qr.getAttribute('data-modules'))
    assert.ok(modules >= 21, 'a real QR matrix is drawn')
    assert.equal(await voucher.locator('.qr-row').count(), modules)
    const box = await qr.boundingBox()
    assert.ok(box && box.width >= 250 && Math.abs(box.width - box.height) < 2, `the QR code is large and square (${JSON.stringify(box)})`)
    await voucher.getByText('可使用').first().waitFor()
    assert.equal(claims.length, 1)
    assert.ok(claims[0] && claims[0].length >= 8, 'the claim carries an Idempotency-Key')
    await shot('voucher.png')

    // 4. 我的卡券 lists it under 可使用.
    await open('/packages/incentives/pages/vouchers/index')
    await page.locator('.vouchers').getByText('灵隐景区').waitFor()

    // 5. 授权管理: a deposit-free grant for the bikes, authorised, revoked (已撤销 at once), authorised again.
    await open(`/packages/incentives/pages/detail/index?id=rental-bike`)
    await button('.incentive-detail', '申请免押').click()
    await page.locator('.incentive-detail .grant-claim-code').waitFor()
    await button('.incentive-detail', '授权合作方查验').click()
    const auth = page.locator('.authorizations')
    await button('.authorizations', '同意授权').click()
    await auth.locator('.auth .tag', { hasText: '授权中' }).waitFor()
    await button('.authorizations', '撤销授权').click()
    await page.locator('.taro-model__btn', { hasText: /^撤销$/ }).click()
    await auth.locator('.auth .tag', { hasText: '已撤销' }).waitFor()
    await button('.authorizations', '同意授权').click()
    await auth.locator('.auth .tag', { hasText: '授权中' }).waitFor()
    assert.equal(await auth.locator('.auth').count(), 2)
    await page.waitForTimeout(2000) // the 已授权 toast fades
    await auth.locator('.auth-list-title').evaluate((el) => el.scrollIntoView({ block: 'start' }))
    await shot('authorizations.png')
    assert.ok(!(await page.locator('body').innerText()).includes(FULL_NAME), 'the full name is never shown')
    await logout()

    // 6. The 灵隐 verifier: 工作台 → 扫码核销, types the code → success with the masked holder.
    await loginAs('staff-verifier')
    await open('/pages/incentives/index')
    await page.locator('.incentives .workbench').getByText('扫码核销').click()
    const verify = page.locator('.staff-verify')
    await verify.getByText('西湖风景名胜区灵隐景区').waitFor()
    const input = verify.getByLabel('卡券码')
    await input.fill(code.toLowerCase())
    await button('.staff-verify', /^核销$/).click()
    const ok = verify.locator('.result-ok')
    await ok.getByText('核销成功').waitFor()
    await ok.getByText('陈**').waitFor()
    assert.match(await ok.innerText(), /门票优惠/)
    assert.ok(!(await page.locator('body').innerText()).includes(FULL_NAME), 'the holder is masked')
    await shot('verify-ok.png')

    // 7. The same code again: refused, saying when and where it was used.
    await input.fill(code)
    await button('.staff-verify', /^核销$/).click()
    const refused = verify.locator('.result-fail')
    await refused.getByText('卡券已被使用').waitFor()
    assert.match(await refused.innerText(), /该卡券已于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 在 西湖风景名胜区灵隐景区 核销，不能重复使用/)
    await shot('verify-used.png')
    await logout()

    // 8. citizen-new (良好): 灵隐 says why not; 西溪 is fine.
    await loginAs('citizen-new')
    await open('/pages/incentives/index')
    const lingyin = page.locator('.incentives [data-incentive="travel-lingyin"]')
    await lingyin.getByText('需信用等级达到“优秀”，当前“良好”，或需列入守信红名单').waitFor()
    assert.equal(await page.locator('.incentives [data-incentive="travel-xixi"] .tag').innerText(), '可享受')
    await lingyin.click()
    const notEligible = page.locator('.incentive-detail')
    await notEligible.getByText('暂不符合领取条件，原因见上方').waitFor()
    assert.equal(await button('.incentive-detail', '领取卡券').getAttribute('disabled'), '')
    await shot('not-eligible.png')

    assert.deepEqual(errors, [], 'no script errors')
    t.diagnostic(`voucher ${code}: ${modules}×${modules} modules`)
  } catch (e) {
    await page.screenshot({ path: path.join(os.tmpdir(), 'creditpass-e2e-incentives-failure.png') }).catch(() => undefined)
    throw e
  } finally {
    await context.close()
    fs.rmSync(userDataDir, { recursive: true, force: true })
  }
})
