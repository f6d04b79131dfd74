// End to end on the built H5 app: 信用承诺. The legal representative of 杭州云栖数字科技有限公司
// (sandbox persona agent-yunqi) logs in, chooses to sign for the enterprise, opens a 主动公示型
// template, reads it to the end for the minimum time, ticks consent, signs with the mouse and
// confirms; the receipt shows. Then, logged out, anyone finds the commitment in 承诺公示 by the
// enterprise's name and verifies its receipt number. Starts its own API server (which serves
// dist/h5) with a fresh database; screenshots go to docs/screenshots/. Build first: npm run build:h5.
const { test } = require('node:test')
const assert = require('node:assert/strict')
const { useServer, openBrowser } = require('./support')

const ENTERPRISE = '杭州云栖数字科技有限公司'
const USCC = '91330106MA2H3K5Q7N'
const MIN_READ_SECONDS = 15 // COMMITMENT_MIN_READ_SECONDS; the page itself shows and enforces it

const server = useServer()

test('an enterprise signs a 主动公示型 commitment; anyone finds it in 承诺公示 and verifies the receipt', { timeout: 180_000 }, async () => {
  const { page, errors, shot, button, consent, open, logout, close } = await openBrowser(server)
  const apiRequests = []
  page.on('request', (r) => {
    const url = new URL(r.url())
    if (url.pathname.startsWith('/api/')) apiRequests.push({ call: `${r.method()} ${url.pathname}`, headers: r.headers() })
  })
  try {
    // Privacy consent first, as on any first launch.
    await consent()

    // 1. 信用承诺 home: log in as the legal representative, then choose to sign for the enterprise.
    await open('/packages/commitments/pages/index/index')
    await page.locator('.cm-home').getByText('登录后在线签署').waitFor()
    await button('登录 / 注册').click()
    await page.locator('[data-persona="agent-yunqi"]').click()
    const home = page.locator('.cm-home')
    await home.getByRole('tablist').waitFor()
    await home.getByRole('button', { name: '更换签署身份' }).click()
    await home.locator(`[data-subject="${USCC}"]`).click()
    await home.locator('.subject-summary').getByText(`${ENTERPRISE}（法定代表人）`).waitFor()
    await home.getByRole('tab', { name: /主动公示型/ }).click()
    const template = home.locator('[data-template="tpl-public-integrity"]')
    await template.waitFor()
    assert.equal(await home.getByText('在信用修复中使用').isVisible(), true, '修复型 is listed as used in repair')
    await shot('commitments.png')

    // 2. Sign: nothing can be confirmed before reading to the end for the minimum time.
    await template.click()
    const sign = page.locator('.sign')
    await sign.locator('#sign-text').waitFor()
    await sign.getByText('请阅读至末尾').waitFor()
    await sign.getByText(/^还需阅读 \d+ 秒$/).waitFor()
    const confirm = sign.locator('taro-button-core', { hasText: '确认签署' })
    const disabled = () => confirm.evaluate((el) => el.hasAttribute('disabled'))
    assert.equal(await disabled(), true, '确认签署 is disabled before reading')
    await sign.getByText('请先阅读至承诺书末尾').waitFor()

    await sign.locator('#sign-text').evaluate((el) => el.scrollTo({ top: el.scrollHeight }))
    await sign.getByText('✓ 已阅读至末尾').waitFor()
    await sign.getByRole('checkbox').click()
    assert.equal(await sign.getByRole('checkbox').getAttribute('aria-checked'), 'true')

    const canvas = sign.locator('#signature-canvas')
    await canvas.scrollIntoViewIfNeeded()
    const box = await canvas.boundingBox()
    await page.mouse.move(box.x + 30, box.y + box.height * 0.6)
    await page.mouse.down()
    for (let i = 1; i <= 24; i++) await page.mouse.move(box.x + 30 + i * 10, box.y + box.height * (0.6 - 0.25 * Math.sin(i / 3)), { steps: 2 })
    await page.mouse.up()
    await sign.getByText('签名已保存').waitFor()

    // The countdown still holds the button until the minimum reading time has passed.
    await sign.getByText(`✓ 已阅读满 ${MIN_READ_SECONDS} 秒`).waitFor({ timeout: (MIN_READ_SECONDS + 5) * 1000 })
    assert.equal(await disabled(), false, '确认签署 is enabled once read, ticked and signed')
    await sign.locator('.sign-progress').evaluate((el) => {
      el.scrollIntoView({ block: 'start' })
      let scroller = el.parentElement
      while (scroller && scroller.scrollHeight <= scroller.clientHeight) scroller = scroller.parentElement
      if (scroller) scroller.scrollTop -= 12
    })
    await shot('sign.png')

    await confirm.click()
    const receipt = page.locator('.rc')
    await receipt.getByText('签署成功').waitFor()
    const receiptNo = (await receipt.locator('.rc-no').innerText()).trim()
    assert.match(receiptNo, /^CP\d{8}[A-Z2-9]{8}$/)
    await receipt.getByText(ENTERPRISE).waitFor()
    await receipt.getByText('法定代表人').waitFor()
    await receipt.getByText('履约中').waitFor()
    assert.ok((await receipt.locator('.qr-dark').count()) > 20, 'the receipt shows a QR code')
    const signCalls = apiRequests.filter((r) => r.call === 'POST /api/commitments')
    assert.equal(signCalls.length, 1, 'signed exactly once')
    assert.match(signCalls[0].headers['idempotency-key'] || '', /^[A-Za-z0-9_\-:.]{8,128}$/)
    assert.equal(signCalls[0].headers['x-subject'], USCC)
    await shot('receipt.png')

    // 3. Log out (我的 → 退出登录).
    await logout()

    // 4. 承诺公示, logged out: a mistyped USCC gets the server's message; the name finds the commitment.
    const mark = apiRequests.length
    await open('/packages/commitments/pages/public/index')
    const list = page.locator('.pc')
    const search = list.getByLabel('企业名称或统一社会信用代码')
    await search.fill('91330106MA2H3K5Q7X')
    await button(/^搜索$/).click()
    await list.getByText('统一社会信用代码校验位不正确，请核对后重新输入').waitFor()
    await search.fill('云栖数字')
    await button(/^搜索$/).click()
    const item = list.locator(`[data-receipt="${receiptNo}"]`)
    await item.waitFor()
    await item.getByText(ENTERPRISE).waitFor()
    await item.getByText(`统一社会信用代码 ${USCC}`).waitFor()
    await item.getByText('企业诚信经营承诺书').waitFor()
    await shot('public-list.png')
    const publicCalls = apiRequests.slice(mark)
    assert.ok(publicCalls.length > 0 && publicCalls.every((r) => !r.headers.authorization && !r.headers['x-subject']), 'public calls carry no credentials')

    // 5. 回执核验 from the list: valid.
    await item.click()
    const verify = page.locator('.vf')
    await verify.getByText('回执有效').waitFor()
    await verify.getByText(`编号 ${receiptNo} 是信用通出具的承诺回执`).waitFor()
    await verify.getByText(ENTERPRISE).waitFor()
    await shot('verify.png')

    // …and an unknown number gets the plain not-found message.
    await verify.getByLabel('回执编号').fill('CP20260101AAAAAAAA')
    await verify.locator('taro-button-core', { hasText: /^核验$/ }).click()
    await verify.getByText('未找到该回执').waitFor()
    await verify.getByText(/未找到编号为 CP20260101AAAAAAAA 的承诺回执/).waitFor()

    assert.deepEqual(errors, [], 'no script errors')
  } finally {
    await close()
  }
})
