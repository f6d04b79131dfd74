// End to end on the built H5 app: 异议. 赵磊 (sandbox persona citizen-objection), whose record shows
// a rent arrears he paid, files an objection with a photo of the bank receipt: the record turns
// 异议中 and his score no longer counts it. The officer (staff-officer) finds the case in the queue,
// sees the photo, accepts it and decides 撤销. 赵磊 gets the message, sees the record revoked and the
// score without the wrong entry. Screenshots (normal and 长辈模式) go to docs/screenshots/.
// Build first: npm run build:h5.
const { test } = require('node:test')
const assert = require('node:assert/strict')
const zlib = require('node:zlib')
const { useServer, openBrowser } = require('./support')

const RECORD = 'rec-zhao-rent-arrears'
const TITLE = '公共租赁住房租金逾期未缴'

/** A real PNG (a receipt-like pattern) the browser can decode and compress. */
function receiptPng(w = 320, h = 200) {
  const raw = Buffer.alloc((w * 3 + 1) * h)
  for (let y = 0; y < h; y++) {
    raw[y * (w * 3 + 1)] = 0
    for (let x = 0; x < w; x++) {
      const ink = y % 24 < 3 && x > 20 && x < w - 20
      const o = y * (w * 3 + 1) + 1 + x * 3
      raw[o] = ink ? 40 : 250
      raw[o + 1] = ink ? 60 : 248
      raw[o + 2] = ink ? 120 : 240
    }
  }
  const chunk = (type, data) => {
    const len = Buffer.alloc(4)
    len.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type), data])
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(zlib.crc32(body))
    return Buffer.concat([len, body, crc])
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(w, 0)
  ihdr.writeUInt32BE(h, 4)
  ihdr[8] = 8
  ihdr[9] = 2
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))])
}

const server = useServer()

test('a citizen objects to a wrong entry with a photo; the officer accepts and revokes it; the citizen is told and the score is restored', { timeout: 420_000 }, async () => {
  const { page, errors, shot, current, button, consent, open, loginAs, logout, close } = await openBrowser(server)
  const scoreOnHome = async () => {
    await open('/pages/index/index')
    const label = await page.locator('.home [aria-label^="信用分"]').first().getAttribute('aria-label')
    return Number(/信用分 (\d+) 分/.exec(label)[1])
  }
  const setElderly = async (on) => {
    await open('/pages/mine/index')
    const toggle = current().getByRole('switch', { name: /长辈模式/ })
    if ((await toggle.getAttribute('aria-checked')) !== String(on)) await toggle.click()
    assert.equal(await toggle.getAttribute('aria-checked'), String(on))
  }
  const attachReceipt = async () => {
    await current().locator('input.uploader-file-input').setInputFiles({ name: 'bank-receipt.png', mimeType: 'image/png', buffer: receiptPng() })
    await current().getByText('已上传').waitFor({ timeout: 30_000 })
  }
  try {
    await consent()
    await loginAs('citizen-objection')
    const before = await scoreOnHome()

    // 1. The record page offers 我要异议; the form keeps its draft (and the uploaded receipt) across a reload.
    await open(`/packages/credit/pages/detail/index?id=${RECORD}`)
    await current().getByText('对记录有异议？').waitFor()
    await button('我要异议').click()
    const form = page.locator('.obj-new:visible')
    await form.getByText(TITLE).waitFor()
    await form.getByRole('radio', { name: '信息错误' }).click()
    await form.locator('textarea').fill('该租金已于 2026 年 5 月按期缴清，附银行转账回单，记录有误。')
    await form.getByText(/^\d+\/500$/).waitFor()
    await attachReceipt()
    await shot('objection-form.png')

    await setElderly(true)
    await open(`/packages/credit/pages/objection-new/index?recordId=${RECORD}`)
    assert.equal(await form.getByRole('radio', { name: '信息错误' }).getAttribute('aria-checked'), 'true', 'the reason is kept')
    assert.match(await form.locator('textarea').inputValue(), /银行转账回单/, 'the description is kept')
    // the receipt uploaded before is kept with the draft: shown again, and sent with the case
    await form.getByText(/^bank-receipt\.(png|jpg)$/).waitFor()
    await form.getByText('图片 · 已保存').waitFor()
    assert.equal(await form.getByText('已上传').count(), 1)
    await shot('elderly-objection-form.png')
    await form.getByText('图片 · 已保存').scrollIntoViewIfNeeded()
    await shot('elderly-objection-form-evidence-kept.png')

    // 2. Submit: the case page shows 已提交 with its due date; the record is 异议中 and stops counting.
    await button('提交异议').click()
    const casePage = page.locator('.obj-page:visible')
    await casePage.getByText('异议办理中').waitFor({ timeout: 30_000 })
    await casePage.getByText(/将于 \d{4}-\d{2}-\d{2} 前办结/).waitFor()
    await casePage.getByText('已提交', { exact: true }).first().waitFor()
    await shot('elderly-objection-case.png')
    await setElderly(false)
    await open(`/packages/credit/pages/detail/index?id=${RECORD}`)
    await current().getByText('异议办理中').waitFor()
    await current().getByLabel('状态：异议中').first().waitFor()
    await button('查看异议进度').click()
    await casePage.getByText('办理进度').waitFor()
    await shot('objection-case.png')
    const during = await scoreOnHome()
    assert.ok(during > before, `while verified the entry does not count (${before} → ${during})`)
    await page.locator('.home').getByText('办理中的异议（1）').waitFor()
    await logout()

    // 3. The officer: 工作台 → 异议 queue → the case with the photo; accept, then decide 撤销.
    await loginAs('staff-officer')
    await open('/pages/mine/index')
    await current().getByText('工作台').click()
    await page.locator('.officer:visible').getByRole('link', { name: '异议待办' }).click()
    const queue = page.locator('.officer:visible')
    await queue.getByText(TITLE).waitFor()
    await shot('officer-queue.png')
    await queue.getByText(TITLE).click()
    const officerCase = page.locator('.officer:visible')
    await officerCase.locator('.evidence-image').waitFor({ timeout: 30_000 })
    await button('受理').click()
    await officerCase.getByText('作出决定', { exact: true }).waitFor()
    await officerCase.getByRole('radio', { name: /撤销/ }).click()
    await officerCase.locator('.decision textarea').last().fill('经核查银行回单，该期租金已按期缴清，原记录有误，予以撤销。')
    await page.waitForTimeout(1600) // the 已受理 toast
    await shot('officer-case.png')

    await setElderly(true)
    await open('/packages/officer/pages/objections/index')
    await queue.getByText(TITLE).waitFor()
    await shot('elderly-officer-queue.png')
    await queue.getByText(TITLE).click()
    await officerCase.getByText('作出决定', { exact: true }).waitFor()
    await shot('elderly-officer-case.png')
    // the decision form in large type: the reasons field takes the page's font and size
    await officerCase.getByRole('radio', { name: /撤销/ }).click()
    const reasons = officerCase.locator('.decision textarea').last()
    await reasons.fill('经核查银行回单，该期租金已按期缴清，原记录有误，予以撤销。')
    await reasons.scrollIntoViewIfNeeded()
    await shot('elderly-officer-decision.png')
    await setElderly(false)

    await open('/packages/officer/pages/objections/index')
    await queue.getByText(TITLE).click()
    await officerCase.getByRole('radio', { name: /撤销/ }).click()
    await officerCase.locator('.decision textarea').last().fill('经核查银行回单，该期租金已按期缴清，原记录有误，予以撤销。')
    await button('提交决定').click()
    await page.locator('.taro__modal').getByText('确定', { exact: true }).click()
    await officerCase.getByText('决定：撤销').waitFor({ timeout: 30_000 })
    await logout()

    // 4. The citizen: the message, the record revoked, the score without the wrong entry.
    await loginAs('citizen-objection')
    await open('/packages/messages/pages/index/index')
    await current().getByText('异议已办结：撤销').first().waitFor()
    await open(`/packages/credit/pages/detail/index?id=${RECORD}`)
    await current().getByLabel('状态：已撤销').first().waitFor()
    const after = await scoreOnHome()
    assert.equal(after, during, 'the revoked entry no longer counts')
    assert.ok(after > before)
    assert.equal(await page.locator('.home').getByText(/办理中的异议/).count(), 0, 'no open case left on the home page')
    assert.deepEqual(errors, [])
  } finally {
    await close()
  }
})
