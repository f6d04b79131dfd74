// End to end on the built H5 app, 守信激励: citizen-red claims a 信易游 voucher at 灵隐景区 for today,
// shows it (QR code + readable code) and authorises a rental partner; the 灵隐 verifier redeems the
// code once and is refused the second time with when and where it was used; citizen-new sees why
// 灵隐 is not for them. Starts its own API server (serving dist/h5) on a free port with a fresh
// database, drives Debian's Chromium at 390×844, and saves screenshots to docs/screenshots/.
// Build first: npm run build:h5.
const { test } = require('node:test')
const assert = require('node:assert/strict')
const os = require('node:os')
const path = require('node:path')
const { useServer, openBrowser } = require('./support')

const FULL_NAME = '陈明远' // citizen-red's real name: must never reach the page

const server = useServer()

test('守信激励: claim a voucher, show it, verify it once at the gate; a 良好 newcomer sees why not', { timeout: 240_000 }, async (t) => {
  const { page, errors, shot, tab, button, consent, open, loginAs, logout, close } = await openBrowser(server)
  const claims = []
  page.on('request', (r) => {
    if (/\/api\/incentives\/[^/]+\/claims$/.test(new URL(r.url()).pathname)) claims.push(r.headers()['idempotency-key'])
  })

  try {
    // First launch: privacy consent, then citizen-red (red list).
    await consent()
    await loginAs('citizen-red')

    // 1. 守信激励: standing, red-list badges, 绿色通道, the catalog.
    await tab('守信激励')
    const catalog = page.locator('.incentives')
    await catalog.getByText('红名单 · 优秀志愿者').waitFor()
    await catalog.getByText('绿色通道 / 容缺受理').waitFor()
    assert.equal(await catalog.locator('[data-incentive="travel-lingyin"] .tag').innerText(), '可享受')
    await shot('incentives.png')

    // 2. 灵隐景区: claim 门票优惠 for today (the date picker starts on today).
    await catalog.locator('[data-incentive="travel-lingyin"]').click()
    const detail = page.locator('.incentive-detail')
    await detail.getByText('飞来峰景区门票 5 折（原价 45 元）').first().waitFor()
    await detail.locator('[data-benefit="ticket_discount"]').click()
    await button('领取卡券').click()

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
    await button('申请免押').click()
    await page.locator('.incentive-detail .grant-claim-code').waitFor()
    await button('授权合作方查验').click()
    const auth = page.locator('.authorizations')
    await button('同意授权').click()
    await auth.locator('.auth .tag', { hasText: '授权中' }).waitFor()
    await button('撤销授权').click()
    await page.locator('.taro-model__btn', { hasText: /^撤销$/ }).click()
    await auth.locator('.auth .tag', { hasText: '已撤销' }).waitFor()
    await button('同意授权').click()
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
    await button(/^核销$/).click()
    const ok = verify.locator('.result-ok')
    await ok.getByText('核销成功').waitFor()
    await ok.getByText('陈**').waitFor()
    assert.match(await ok.innerText(), /门票优惠/)
    assert.ok(!(await page.locator('body').innerText()).includes(FULL_NAME), 'the holder is masked')
    await shot('verify-ok.png')

    // 7. The same code again: refused, saying when and where it was used.
    await input.fill(code)
    await button(/^核销$/).click()
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
    assert.equal(await button('领取卡券').getAttribute('disabled'), '')
    await shot('not-eligible.png')

    assert.deepEqual(errors, [], 'no script errors')
    t.diagnostic(`voucher ${code}: ${modules}×${modules} modules`)
  } catch (e) {
    await page.screenshot({ path: path.join(os.tmpdir(), 'creditpass-e2e-incentives-failure.png') }).catch(() => undefined)
    throw e
  } finally {
    await close()
  }
})
