// End to end on the built H5 app: 我的信用. citizen-red sees 740 / 优秀 on the home page, the three
// entries of 信用记录, a record's detail, 评分说明 and 查询记录; 长辈模式 survives a reload;
// citizen-repairable sees their own entries and score, never 陈's; agent-yunqi switches to
// 杭州云栖数字科技有限公司 and sees the enterprise's records (sent as X-Subject). Starts its own API
// server (serving dist/h5) with a fresh database, and saves screenshots to docs/screenshots/.
// Build first: npm run build:h5.
const { test } = require('node:test')
const assert = require('node:assert/strict')
const { useServer, openBrowser } = require('./support')

const YUNQI_USCC = '91330106MA2H3K5Q7N'

const server = useServer()

test('my credit: score, records, detail, score explanation, access log, elderly mode, other subjects', { timeout: 240_000 }, async (t) => {
  const { page, errors, shot, current, tab, consent, loginAs, logout, close } = await openBrowser(server)
  const creditCalls = []
  page.on('request', (r) => {
    const url = new URL(r.url())
    if (url.pathname.startsWith('/api/credit/')) creditCalls.push({ path: url.pathname, subject: r.headers()['x-subject'] ?? null })
  })

  const bodyText = () => current().innerText()
  const homeScore = () => page.locator('.home .dial-score')
  const recordTitles = async () => (await current().locator('.record-card-title').allInnerTexts()).sort()

  try {
    await consent()

    // 1. citizen-red: 740 优秀 on the dial, red lists, counts.
    await loginAs('citizen-red')
    await homeScore().filter({ hasText: '740' }).waitFor()
    assert.equal(await page.locator('.home .dial-level').innerText(), '优秀')
    await page.locator('.home').getByText('红名单 · 优秀志愿者').waitFor()
    assert.equal(await page.locator('.home').getByRole('link', { name: '3 正面记录' }).count(), 1)
    await shot('credit-home.png')

    // 2. 信用记录: the three entries.
    await page.locator('.home').getByRole('button', { name: '信用记录', exact: true }).click()
    await current().locator('.record-card').nth(2).waitFor()
    assert.deepEqual(await recordTitles(), ['志愿服务时长累计 320 小时', '杭州市优秀志愿者', '见义勇为先进个人'].sort())
    await current().getByText('已显示全部 3 条记录').waitFor()
    await shot('records.png')

    // 3. A record's detail, then back to the list.
    await current().locator('[data-record="rec-chen-volunteer-honour"]').click()
    await current().getByText('记录信息').waitFor()
    await current().getByText('杭志指〔2026〕3号', { exact: true }).waitFor()
    await current().getByText('计入信用评分 +60 分').waitFor()
    assert.match(await bodyText(), /法律依据[\s\S]*《浙江省志愿服务条例》第三十六条/)
    await shot('record-detail.png')
    await page.goBack()
    await current().locator('.record-card').nth(2).waitFor()
    assert.equal(await current().locator('.filters').count(), 1)

    // 4. 评分说明 from the home page.
    await page.goBack()
    await page.locator('.home').getByText('评分说明 ›').click()
    await current().getByText('计分明细').waitFor()
    await current().locator('.history-chart').waitFor()
    assert.match(await bodyText(), /见义勇为先进个人/)
    await shot('score.png')
    await page.goBack()

    // 5. 查询记录 from 我的.
    await tab('我的')
    await current().getByText('查询记录').click()
    await current().getByText('杭州市文明办').waitFor()
    await shot('access-log.png')
    await page.goBack()

    // 6. 长辈模式: larger type on every page, kept across a reload.
    const elderlySwitch = current().getByRole('switch', { name: /长辈模式/ })
    await elderlySwitch.click()
    assert.equal(await elderlySwitch.getAttribute('aria-checked'), 'true')
    await tab('首页')
    await homeScore().waitFor()
    const sizeOf = (sel) => page.locator(sel).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize))
    await page.reload()
    await page.locator('.home.elderly').waitFor()
    await homeScore().filter({ hasText: '740' }).waitFor()
    const elderlyTitle = await sizeOf('.home .section-title')
    await shot('elderly-home.png')
    await tab('我的')
    await current().getByRole('switch', { name: /长辈模式/ }).click()
    await tab('首页')
    await page.locator('.home:not(.elderly)').waitFor()
    const normalTitle = await sizeOf('.home .section-title')
    t.diagnostic(`section title: ${normalTitle}px normal, ${elderlyTitle}px in 长辈模式`)
    assert.ok(elderlyTitle >= normalTitle * 1.25, `长辈模式 type is at least 1.25× (${elderlyTitle} vs ${normalTitle})`)

    // 7. citizen-repairable sees their own entries and score, not 陈's.
    await logout()
    await loginAs('citizen-repairable')
    await homeScore().filter({ hasText: '570' }).waitFor()
    assert.equal(await page.locator('.home .dial-level').innerText(), '一般')
    await page.locator('.home').getByRole('button', { name: '信用记录', exact: true }).click()
    await current().locator('.record-card').nth(1).waitFor()
    assert.deepEqual(await recordTitles(), ['社区志愿服务 4 小时', '经营场所未保持疏散通道畅通'].sort())
    assert.ok(!(await bodyText()).includes('优秀志愿者'), "陈's entries are not shown")
    await page.goBack()

    // 8. agent-yunqi switches to the enterprise: its records, asked for with X-Subject.
    await logout()
    await loginAs('agent-yunqi')
    await homeScore().waitFor()
    await tab('我的')
    await current().getByRole('radio', { name: '杭州云栖数字科技有限公司' }).click()
    assert.equal(await current().getByRole('radio', { name: '杭州云栖数字科技有限公司' }).getAttribute('aria-checked'), 'true')
    await shot('mine.png')
    await tab('首页')
    await page.locator('.home').getByText('正在查看企业信用').waitFor()
    await page.locator('.home .home-name', { hasText: '杭州云栖数字科技有限公司' }).waitFor()
    await page.locator('.home').getByText('红名单 · 纳税信用A级').waitFor()
    const before = creditCalls.length
    await page.locator('.home').getByRole('button', { name: '信用记录', exact: true }).click()
    await current().locator('.record-card').first().waitFor()
    assert.ok((await recordTitles()).includes('纳税信用 A 级纳税人'))
    await current().getByText('企业：杭州云栖数字科技有限公司').waitFor()
    const recordCalls = creditCalls.slice(before).filter((c) => c.path === '/api/credit/records')
    assert.ok(recordCalls.length > 0 && recordCalls.every((c) => c.subject === YUNQI_USCC), 'records are asked for the enterprise')

    assert.deepEqual(errors, [], 'no script errors')
  } finally {
    await close()
  }
})
