// End to end on the built H5 app, what every visit relies on: the first load asks for nothing the
// server does not have (favicon, touch icon, manifest), and a claim made offline survives a reload
// in the outbox and becomes exactly one voucher once the network is back.
const { test } = require('node:test')
const assert = require('node:assert/strict')
const { useServer, openBrowser } = require('./support')

const server = useServer()

test('first load: no 404, and the icons and web manifest are served', { timeout: 120_000 }, async () => {
  const { page, errors, consent, close } = await openBrowser(server)
  const failed = []
  page.on('response', (r) => r.status() >= 400 && failed.push(`${r.status()} ${new URL(r.url()).pathname}`))
  try {
    await consent()
    await page.waitForLoadState('networkidle')
    assert.deepEqual(failed, [])
    const manifest = await (await fetch(`${server.baseUrl}/manifest.webmanifest`)).json()
    assert.equal(manifest.short_name, '信用通')
    for (const href of ['/favicon.ico', '/apple-touch-icon.png', ...manifest.icons.map((i) => i.src)]) {
      const res = await fetch(`${server.baseUrl}${href}`)
      assert.equal(res.status, 200, href)
      assert.match(String(res.headers.get('content-type')), /^image\//, href)
    }
    assert.deepEqual(errors, [])
  } finally {
    await close()
  }
})

test('outbox: a claim made offline is kept across a reload and sent once the network is back — exactly one voucher', { timeout: 180_000 }, async () => {
  const { page, context, errors, consent, open, loginAs, close } = await openBrowser(server)
  const keys = []
  page.on('request', (r) => {
    if (/\/api\/incentives\/travel-lingyin\/claims$/.test(new URL(r.url()).pathname)) keys.push(r.headers()['idempotency-key'])
  })
  try {
    await consent()
    await loginAs('citizen-red')
    await open('/packages/incentives/pages/detail/index?id=travel-lingyin')
    const detail = page.locator('.incentive-detail')
    await detail.getByText('领取信易游卡券').waitFor()

    await context.setOffline(true)
    await detail.locator('taro-button-core', { hasText: '领取卡券' }).click()
    await detail.getByText('待发送：网络恢复后会自动提交，不会重复领取').waitFor({ timeout: 30_000 })
    const stored = await page.evaluate(() => localStorage.getItem('creditpass-outbox'))
    assert.match(stored, /travel-lingyin/)

    await context.setOffline(false)
    await page.reload()
    // The outbox sends it by itself after the reload; the list of vouchers has exactly one for 灵隐.
    // Taro H5 keeps each storage value as {"data": <the string the store wrote>}
    const storeState = (key) =>
      page.evaluate((k) => {
        const outer = JSON.parse(localStorage.getItem(k))
        return JSON.parse(typeof outer.data === 'string' ? outer.data : JSON.stringify(outer)).state
      }, key)
    const vouchers = async () =>
      page.evaluate(async () => {
        const outer = JSON.parse(localStorage.getItem('creditpass-auth'))
        const { state } = JSON.parse(typeof outer.data === 'string' ? outer.data : JSON.stringify(outer))
        const res = await fetch('/api/vouchers?status=available', { headers: { Authorization: `Bearer ${state.accessToken}` } })
        return (await res.json()).items.filter((v) => v.incentiveId === 'travel-lingyin').length
      })
    const deadline = Date.now() + 60_000
    let outbox
    do {
      await page.waitForTimeout(500)
      outbox = (await storeState('creditpass-outbox')).items
    } while (outbox.some((i) => i.status !== 'done') && Date.now() < deadline)
    assert.deepEqual(outbox.map((i) => i.status), ['done'])
    assert.equal(await vouchers(), 1)
    assert.ok(keys.length >= 1)
    assert.equal(new Set(keys.filter(Boolean)).size, 1, 'every attempt carried the same Idempotency-Key')
    assert.deepEqual(errors, [])
  } finally {
    await close()
  }
})
