// End to end on the built H5 app: 信用修复. 李建国 (sandbox persona citizen-repairable, a 一般 penalty
// past its 3 months) opens the planner: 10 hours of public service are missing. The hours arrive
// (written to the service-hours ledger as the public-service module credits them); the planner now
// says when the score is back to 良好 and what it will be. He applies with proof and the 修复型
// commitment signed through the commitments' own flow; the officer (staff-officer) opens the case
// and approves; the record shows 已修复 and the score is exactly what the planner predicted.
// Starts its own API server with a fresh database; screenshots go to docs/screenshots/.
// Build first: npm run build:h5.
const { test } = require('node:test')
const assert = require('node:assert/strict')
const crypto = require('node:crypto')
const fs = require('node:fs')
const path = require('node:path')
const pg = require('pg')
const { useServer, openBrowser } = require('./support')

const RECORD = 'rec-li-fire-penalty'
const MIN_READ_SECONDS = 15 // COMMITMENT_MIN_READ_SECONDS

const server = useServer()

/** The server's own (embedded) database: its password is kept in DATA_DIR, its port in postmaster.pid. */
async function creditHours(subjectId, hours) {
  const location = path.join(server.dataDir, 'pg-location')
  const base = fs.existsSync(location) ? fs.readFileSync(location, 'utf8').trim() : server.dataDir
  const port = fs.readFileSync(path.join(base, 'pg', 'postmaster.pid'), 'utf8').split('\n')[3].trim()
  const password = fs.readFileSync(path.join(server.dataDir, 'pg-password'), 'utf8').trim()
  const client = new pg.Client({ host: '127.0.0.1', port: Number(port), user: 'postgres', password, database: 'creditpass' })
  await client.connect()
  try {
    await client.query(
      `insert into service_hours (id, subject_id, source, source_id, hours, title, organization) values ($1, $2, 'hour_code', $3, $4, '社区垃圾分类宣传', '杭州市志愿者协会')`,
      [crypto.randomUUID(), subjectId, crypto.randomUUID(), hours],
    )
  } finally {
    await client.end()
  }
}

test('the planner predicts the score; the citizen applies with proof and the 修复型 commitment; the officer approves; the score is as predicted', { timeout: 300_000 }, async () => {
  const { page, errors, shot, current, button, consent, open, loginAs, logout, close } = await openBrowser(server)
  const elderly = async (on) => {
    await open('/pages/mine/index')
    const sw = current().getByRole('switch', { name: /长辈模式/ })
    if ((await sw.getAttribute('aria-checked')) !== String(on)) await sw.click()
  }
  try {
    await consent()
    await loginAs('citizen-repairable')

    // 1. The planner from the home page: hours are missing, so no date can be promised yet.
    await current().getByRole('button', { name: '信用修复' }).click()
    const planner = page.locator('.planner')
    await planner.getByText('还需公益服务 10 小时（已确认 0 / 需 10 小时）').waitFor()
    await planner.getByText('信用修复免费办理').waitFor()
    assert.equal(await planner.locator('.plan-now-score').textContent(), '570')

    // 2. The hours are credited; the planner now gives the date and the score it will bring.
    await creditHours('person-li', 10)
    await open('/packages/repair/pages/planner/index')
    await planner.getByText('公益服务时长已满足（10 / 10 小时）').waitFor()
    const summary = await planner.locator('.plan-summary').textContent()
    assert.match(summary, /^按这个顺序，您的信用分预计在 .+回到“良好”$/)
    const predicted = Number((await planner.locator('.plan-after').first().textContent()).match(/预计 (\d+) 分/)[1])
    assert.equal(predicted, 630)
    await shot('repair-planner.png')
    await elderly(true)
    await open('/packages/repair/pages/planner/index')
    await page.locator('.planner.elderly .plan-summary').waitFor()
    await shot('repair-planner-elderly.png')
    await elderly(false)

    // 3. The record's own page says it can be repaired now and leads to the application.
    await open(`/packages/credit/pages/detail/index?id=${RECORD}`)
    const status = current().getByLabel('信用修复')
    await status.getByText('现在可申请').waitFor()
    await status.locator('taro-button-core', { hasText: '申请信用修复' }).click()
    const apply = page.locator('.apply')
    await apply.getByText('经营场所未保持疏散通道畅通').waitFor()

    // 4. Sign the 信用修复承诺书 through the signing flow, then come back to the form.
    await apply.locator('taro-button-core', { hasText: '阅读并签署《信用修复承诺书》' }).click()
    const sign = page.locator('.sign')
    await sign.locator('#sign-text').waitFor()
    await sign.locator('#sign-text').evaluate((el) => el.scrollTo({ top: el.scrollHeight }))
    await sign.getByText('✓ 已阅读至末尾').waitFor()
    await sign.getByRole('checkbox').click()
    const canvas = sign.locator('#signature-canvas')
    await canvas.scrollIntoViewIfNeeded()
    const box = await canvas.boundingBox()
    await page.mouse.move(box.x + 30, box.y + box.height * 0.6)
    await page.mouse.down()
    for (let i = 1; i <= 24; i++) await page.mouse.move(box.x + 30 + i * 10, box.y + box.height * (0.6 - 0.25 * Math.sin(i / 3)), { steps: 2 })
    await page.mouse.up()
    await sign.getByText('签名已保存').waitFor()
    await sign.getByText(`✓ 已阅读满 ${MIN_READ_SECONDS} 秒`).waitFor({ timeout: (MIN_READ_SECONDS + 10) * 1000 })
    await sign.locator('taro-button-core', { hasText: '确认签署' }).click()
    await page.locator('.rc').getByText('签署成功').waitFor()
    await page.goBack()
    await apply.getByText(/《信用修复承诺书》回执 CP/).waitFor()

    // 5. Proof that the fine was paid, then submit (the 长辈模式 picture first, on a fresh form).
    const applyRoute = `/packages/repair/pages/apply/index?recordId=${RECORD}`
    await elderly(true)
    await open(applyRoute)
    await page.locator('.apply.elderly').getByText(/《信用修复承诺书》回执 CP/).waitFor()
    await shot('repair-apply-elderly.png')
    await elderly(false)
    await open(applyRoute)
    await apply.getByText(/《信用修复承诺书》回执 CP/).waitFor()
    await apply.locator('input[type=file]').setInputFiles({ name: 'payment.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n') })
    await apply.getByText('已上传').waitFor()
    await apply.getByText('提交后信用平台 10 个工作日内答复，认定部门 3 个工作日内作出决定').waitFor()
    await shot('repair-apply.png')
    await apply.locator('taro-button-core', { hasText: '提交修复申请' }).click()
    const application = page.locator('.application')
    await application.getByText('审核中').first().waitFor()
    await application.getByText('办理进度').waitFor()
    await application.getByText(`获准后信用分预计为 ${predicted} 分`).waitFor()
    await logout()

    // 6. The officer: the queue, the case with its materials and hours, approve with reasons.
    await loginAs('staff-officer')
    await open('/packages/officer/pages/repairs/index')
    await page.locator('.repair-queue').getByText('经营场所未保持疏散通道畅通').click()
    const officerCase = page.locator('.repair-case')
    await officerCase.getByText('公益服务时长：已确认 10 小时 / 需 10 小时（已满足）').waitFor()
    await officerCase.getByText(`信用分：现 580 分，准予修复后 ${predicted} 分`).waitFor()
    await officerCase.getByText('履行证明（1 个文件）').waitFor()
    await shot('officer-repair.png')
    const caseRoute = decodeURIComponent(new URL(page.url()).hash.slice(1))
    await elderly(true)
    await open(caseRoute)
    await page.locator('.repair-case.elderly').getByText('履行证明（1 个文件）').waitFor()
    await shot('officer-repair-elderly.png')
    await elderly(false)
    await open(caseRoute)
    await officerCase.getByText('履行证明（1 个文件）').waitFor()
    await officerCase.locator('textarea').fill('已缴清罚款并完成 10 小时公益服务，准予修复。')
    await officerCase.locator('taro-button-core', { hasText: '准予修复' }).click()
    await officerCase.getByText(/^准予修复：已缴清罚款并完成 10 小时公益服务，准予修复。/).waitFor()
    await logout()

    // 7. The citizen: the record is 已修复 and the score is what the planner said.
    await loginAs('citizen-repairable')
    await page.locator('.home').getByText(String(predicted)).first().waitFor()
    await open(`/packages/credit/pages/detail/index?id=${RECORD}`)
    await current().locator('.detail-head').getByText('已修复', { exact: true }).waitFor()
    await current().getByText('记录状态为“已修复”，不再影响信用分').waitFor()
    assert.deepEqual(errors, [])
  } finally {
    await close()
  }
})
