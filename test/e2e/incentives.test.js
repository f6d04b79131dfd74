// End to end on the built H5 app, 守信激励: citizen-red claims a 信易游 voucher at 灵隐景区 for today,
// shows it (QR code with a code that changes every 30 s) and authorises a rental partner; the 灵隐
// verifier, on a second phone, redeems the code shown at that moment once, sees the holder as
// 陈*远 with the ID's last 4, and is refused the second time with when and where it was used;
// citizen-new sees why 灵隐 is not for them; the 待提升 persona's badge says 暂无可享激励 and why;
// an enterprise agent sees 面向个人 and switches back to themself; after the last entry, today is
// not offered. The server and the browsers run on a clock set to 10:00 China time today. Starts its own API server (serving dist/h5) on a free port with a fresh
// database, drives Debian's Chromium at 390×844, and saves screenshots to docs/screenshots/.
// Build first: npm run build:h5.
const { test } = require('node:test')
const assert = require('node:assert/strict')
const os = require('node:os')
const path = require('node:path')
const { useServer, openBrowser } = require('./support')

const FULL_NAME = '陈明远' // citizen-red's real name: must never reach the page

// 10:00 China time today, for the server (SANDBOX_CLOCK) and the browsers (playwright's clock).
const chinaToday = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
const MORNING = new Date(`${chinaToday}T10:00:00+08:00`)
const AFTER_LAST_ENTRY = new Date(`${chinaToday}T17:45:00+08:00`)
process.env.SANDBOX_CLOCK = MORNING.toISOString() // read when the server starts (in the before hook)
const server = useServer()

test('守信激励: claim a voucher, show it, verify it once at the gate; a 良好 newcomer sees why not', { timeout: 240_000 }, async (t) => {
  const { page, context, errors, shot, current, tab, button, consent, open, loginAs, logout, close } = await openBrowser(server)
  await context.clock.install({ time: MORNING })
  let staff
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
    assert.equal(await catalog.locator('[data-incentive="travel-lingyin"] .incentive-card-title-row .tag').innerText(), '可享受')
    assert.match(await catalog.locator('.standing [data-badge]').innerText(), /^可享 \d+ 项激励$/)
    await shot('incentives.png')

    // 2. 灵隐景区: claim 门票优惠 for today (the date picker starts on today).
    await catalog.locator('[data-incentive="travel-lingyin"]').click()
    const detail = page.locator('.incentive-detail')
    await detail.getByText('飞来峰景区门票 5 折（原价 45 元）').first().waitFor()
    await detail.locator('[data-benefit="ticket_discount"]').click()
    await button('领取卡券').click()

    // 3. The voucher: QR code drawn on the page, the code in letters and the 6 digits of this 30-s
    //    window under it, with a countdown.
    const voucher = page.locator('.voucher')
    const qr = voucher.getByRole('img', { name: /卡券二维码/ })
    await qr.waitFor()
    const voucherUrl = new URL(page.url()).hash.slice(1)
    const code = (await voucher.locator('.ticket-code').innerText()).trim()
    assert.match(code, /^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/)
    const digits = (await voucher.locator('.ticket-pass-digits').innerText()).replace(/\s/g, '')
    assert.match(digits, /^\d{6}$/)
    assert.equal(await qr.getAttribute('aria-label'), `卡券二维码，卡券码 ${code}，动态码 ${digits}`)
    assert.match(await voucher.locator('.ticket-pass-timer').innerText(), /^\d{1,2} 秒后刷新$/)
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

    // 6. The visitor shows the voucher again; the 灵隐 verifier, on a second phone: 工作台 → 扫码核销.
    //    The code alone is refused (a printout or a screenshot has no current digits); the code
    //    with the digits on the visitor's screen now redeems it, showing 陈*远 and the ID's last 4.
    await open(voucherUrl)
    await voucher.locator('.ticket-pass-digits').waitFor()
    staff = await openBrowser(server)
    await staff.context.clock.install({ time: MORNING })
    await staff.consent()
    await staff.loginAs('staff-verifier')
    await staff.open('/pages/incentives/index')
    await staff.page.locator('.incentives .workbench').getByText('扫码核销').click()
    const verify = staff.page.locator('.staff-verify')
    await verify.getByText('西湖风景名胜区灵隐景区').waitFor()
    const input = verify.getByLabel('卡券码')
    await input.fill(code)
    await staff.button(/^核销$/).click()
    await verify.locator('.result-fail').getByText('缺少动态码').waitFor()
    const shown = async () => `${code}-${(await voucher.locator('.ticket-pass-digits').innerText()).replace(/\s/g, '')}`
    await input.fill((await shown()).toLowerCase())
    await staff.button(/^核销$/).click()
    const ok = verify.locator('.result-ok')
    await ok.getByText('核销成功').waitFor()
    await ok.getByText('陈*远').waitFor()
    assert.match(await ok.innerText(), /身份证后四位\s*001X/)
    assert.match(await ok.innerText(), /门票优惠/)
    assert.ok(!(await staff.page.locator('body').innerText()).includes(FULL_NAME), 'the holder is masked')
    await staff.shot('verify-ok.png')
    await staff.shot('verify-holder-after.png')

    // 7. The same code again: refused, saying when and where it was used.
    await input.fill(await shown())
    await staff.button(/^核销$/).click()
    const refused = verify.locator('.result-fail')
    await refused.getByText('卡券已被使用').waitFor()
    assert.match(await refused.innerText(), /该卡券已于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 在 西湖风景名胜区灵隐景区 核销，不能重复使用/)
    await staff.shot('verify-used.png')
    assert.deepEqual(staff.errors, [], 'no script errors on the verifier\'s phone')
    await logout()

    // 8. citizen-new (良好): 灵隐 says why not; 西溪 is fine.
    await loginAs('citizen-new')
    await open('/pages/incentives/index')
    const lingyin = page.locator('.incentives [data-incentive="travel-lingyin"]')
    await lingyin.getByText('需信用等级达到“优秀”，当前“良好”，或需列入守信红名单').waitFor()
    assert.equal(await page.locator('.incentives [data-incentive="travel-xixi"] .incentive-card-title-row .tag').innerText(), '可享受')
    await lingyin.click()
    const notEligible = page.locator('.incentive-detail')
    await notEligible.getByText('暂不符合领取条件，原因见上方').waitFor()
    assert.equal(await button('领取卡券').getAttribute('disabled'), '')
    await shot('not-eligible.png')
    await logout()

    // 9. The 待提升 persona (450): every item 暂不符合, and the badge says so with the reason.
    await loginAs('citizen-serious')
    await open('/pages/incentives/index')
    const badge = page.locator('.incentives .standing [data-badge]')
    await badge.waitFor()
    assert.equal(await badge.innerText(), '暂无可享激励')
    await page.locator('.incentives .standing').getByText('当前信用等级“待提升”，各项激励最低需达到“良好”，或列入守信红名单').waitFor()
    await shot('standing-badge-after.png')
    await logout()

    // 10. An enterprise agent acting for 云栖: each item says 面向个人 up front, with 切换为本人身份
    //     instead of a claim form; the switch brings the claim form back.
    await loginAs('agent-yunqi')
    await open('/pages/mine/index')
    await page.locator('.mine [data-subject="91330106MA2H3K5Q7N"]').click()
    await open('/pages/incentives/index')
    const xixi = page.locator('.incentives [data-incentive="travel-xixi"]')
    await xixi.getByText('该激励面向个人，企业身份不能领取，请切换为本人身份').waitFor()
    assert.equal(await xixi.locator('.incentive-card-audience').innerText(), '面向个人')
    assert.equal(await xixi.locator('[data-audience-switch] taro-button-core').innerText(), '切换为本人身份')
    await xixi.evaluate((el) => el.scrollIntoView({ block: 'start' }))
    await shot('enterprise-incentives-after.png')
    await xixi.locator('.incentive-card-title').click()
    const entDetail = page.locator('.incentive-detail')
    await entDetail.getByText('该激励面向个人').first().waitFor()
    assert.equal(await current().locator('[data-benefit]').count(), 0, 'no claim form for an enterprise')
    await shot('enterprise-claim-after.png')
    await button('切换为本人身份').click()
    await entDetail.locator('[data-benefit="ticket_discount"]').waitFor()
    await button('领取卡券').waitFor()

    // 11. After the last entry (西溪 17:00) the same page no longer offers today: tomorrow is first.
    await page.clock.setSystemTime(AFTER_LAST_ENTRY)
    await open('/packages/incentives/pages/detail/index?id=travel-xixi')
    await page.locator('.incentive-detail').getByText('今天已过最晚入园时间（17:00），不能再领取今天的卡券，最早可预约明天。').waitFor()
    const [y, m, d] = new Date(AFTER_LAST_ENTRY.getTime() + 32 * 3600_000).toISOString().slice(0, 10).split('-').map(Number)
    assert.match(await page.locator('.incentive-detail .claim-date-text').innerText(), new RegExp(`^${y}年${m}月${d}日`))
    await page.locator('.incentive-detail .claim').evaluate((el) => el.scrollIntoView({ block: 'start' }))
    await shot('same-day-after.png')

    assert.deepEqual(errors, [], 'no script errors')
    t.diagnostic(`voucher ${code}: ${modules}×${modules} modules`)
  } catch (e) {
    await page.screenshot({ path: path.join(os.tmpdir(), 'creditpass-e2e-incentives-failure.png') }).catch(() => undefined)
    throw e
  } finally {
    await close()
    if (staff) await staff.close()
  }
})
