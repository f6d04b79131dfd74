// End to end on the built H5 app: 举报失信 and 自愿注册. A citizen (sandbox persona citizen-new)
// reports an enterprise from the public lists page with a PDF as evidence and follows the report;
// the officer (staff-officer) accepts it and sees the reporter masked, verifies and concludes it;
// the citizen reads the reply. Then the citizen registers positive information after signing the
// truth commitment, and the officer verifies it. Screenshots (normal and 长辈模式) go to
// docs/screenshots/. Build first: npm run build:h5.
const { test } = require('node:test')
const assert = require('node:assert/strict')
const { useServer, openBrowser } = require('./support')

const USCC = '91330106MA2H3K5Q7N'
const PDF = { name: 'evidence.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n') }
const server = useServer()

test('a citizen reports an enterprise and follows it; the officer handles it; a registration is verified', { timeout: 300_000 }, async () => {
  const { page, errors, shot, current, button, consent, open, loginAs, logout, close } = await openBrowser(server)
  const typeInto = async (label, text) => {
    const field = current().getByLabel(label)
    await field.fill(text)
  }
  try {
    await consent()
    await loginAs('citizen-new')

    // 1. From the public lists page to the report form.
    await open('/packages/public/pages/lists/index')
    await current().getByText('举报失信 ›').click()
    const form = current()
    await form.getByText('举报人信息严格保密').waitFor()
    await typeInto('被举报企业的统一社会信用代码', '91330106MA2H3K5Q7M')
    await form.getByText('统一社会信用代码校验位不正确，请核对后重新输入').waitFor()
    await typeInto('被举报企业的统一社会信用代码', USCC)
    await form.getByText('拖欠工资', { exact: true }).click()
    await typeInto('失信行为的具体情况', '该公司拖欠施工班组三个月工资共计八万余元，多次催要未果，有工资条和聊天记录为证。')
    await form.locator('input[type="file"]').setInputFiles(PDF)
    await form.locator('[data-status="done"]').waitFor({ timeout: 30_000 })
    await shot('dishonesty-report-form.png')
    await button('提交举报').click()

    // 2. The report page: steps and due date.
    await page.locator('.taro_page:visible').getByText('办理进度').waitFor({ timeout: 30_000 })
    await current().getByText('杭州云栖数字科技有限公司').waitFor()
    await shot('dishonesty-report.png')

    // 3. The officer: queue, accept (the reporter appears masked), verify, conclude.
    await logout()
    await loginAs('staff-officer')
    await open('/packages/officer/pages/dishonesty-reports/index')
    await current().getByText('杭州云栖数字科技有限公司').first().waitFor()
    await shot('officer-dishonesty-reports.png')
    await current().getByText('杭州云栖数字科技有限公司').first().click()
    await button('受理举报').click()
    await current().getByText('138****0006').waitFor()
    assert.equal(await current().getByText('周*').count(), 1)
    await page.waitForTimeout(2000) // the 已受理 toast fades
    await shot('officer-dishonesty-report.png')
    await typeInto('核查说明', '已调取该公司工资发放记录')
    await button('开始核查').click()
    await current().getByText('核查结论').waitFor()
    await current().getByText('举报属实', { exact: true }).click()
    await typeInto('答复举报人', '经核查举报属实，已移送劳动保障监察部门立案处理。')
    await button('办结并答复').click()
    await current().getByText('办结答复：举报属实').waitFor()

    // 4. The citizen reads the reply; in 长辈模式 too.
    await logout()
    await loginAs('citizen-new')
    await open('/packages/cases/pages/reports/index')
    await current().getByText('结论：举报属实').click()
    await current().getByText('经核查举报属实，已移送劳动保障监察部门立案处理。').waitFor()
    await shot('dishonesty-report-concluded.png')
    await open('/pages/mine/index')
    await current().getByRole('switch', { name: /长辈模式/ }).click()
    await current().locator('[role="switch"][aria-checked="true"]').waitFor()
    await open('/packages/cases/pages/reports/index')
    await current().getByText('结论：举报属实').click()
    await page.locator('.page.elderly:visible').first().waitFor()
    await current().getByText('办结答复：举报属实').waitFor()
    await shot('elderly-dishonesty-report.png')
    await open('/packages/cases/pages/report-form/index')
    await current().getByText('举报人信息严格保密').waitFor()
    await shot('elderly-dishonesty-report-form.png')
    // the description field in large type: the page's font and size, no box of its own
    await typeInto('失信行为的具体情况', '该公司拖欠施工班组三个月工资共计八万余元，多次催要未果。')
    await current().getByLabel('失信行为的具体情况').scrollIntoViewIfNeeded()
    await shot('elderly-dishonesty-report-form-description.png')
    await open('/pages/mine/index')
    await current().getByRole('switch', { name: /长辈模式/ }).click()
    await current().locator('[role="switch"][aria-checked="false"]').waitFor()

    // 5. 自愿注册: sign the truth commitment first, then register with a certificate.
    await open('/packages/cases/pages/registration-form/index')
    await current().getByText('公益慈善', { exact: true }).click()
    await typeInto('信息名称', '社区助老志愿服务项目')
    await typeInto('具体说明', '2026 年组织社区助老志愿服务 120 小时，附社区居委会出具的证明。')
    await current().locator('input[type="file"]').setInputFiles(PDF)
    await current().locator('[data-status="done"]').waitFor({ timeout: 30_000 })
    await button('提交核验').click()
    await current().getByText('请先签署《信用信息自愿注册真实性承诺书》').waitFor()
    await shot('voluntary-registration-form.png')
    // signing itself is covered by commitments.test.js: here through the API, as the same user
    const signed = await page.evaluate(async () => {
      // Taro's H5 storage wraps each value as {data}; the persisted store is JSON inside it
      let raw = JSON.parse(localStorage.getItem('creditpass-auth') || '{}')
      if (raw && 'data' in raw) raw = typeof raw.data === 'string' ? JSON.parse(raw.data) : raw.data
      const token = raw.state && raw.state.accessToken
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' }
      const tpl = await (await fetch('/api/commitments/templates/tpl-voluntary-registration', { headers })).json()
      const c = document.createElement('canvas')
      c.width = 300
      c.height = 120
      const g = c.getContext('2d')
      g.lineWidth = 4
      g.beginPath()
      g.moveTo(20, 80)
      g.bezierCurveTo(80, 10, 160, 110, 280, 30)
      g.stroke()
      const body = { templateId: tpl.id, version: tpl.version, textSha256: tpl.textSha256, agreed: true, signaturePng: c.toDataURL('image/png') }
      return (await fetch('/api/commitments', { method: 'POST', headers, body: JSON.stringify(body) })).status
    })
    assert.equal(signed, 201)
    await open('/packages/cases/pages/registration-form/index')
    await current().getByText(/^已签署《信用信息自愿注册真实性承诺书》$/).waitFor()
    // the certificate uploaded before signing is kept with the draft: nothing to upload again
    await current().locator('[data-status="done"]').waitFor()
    assert.equal(await current().locator('.uploader-item').count(), 1)
    await button('提交核验').click()
    await page.locator('.taro_page:visible').getByText('核验进度').waitFor({ timeout: 30_000 })
    await shot('voluntary-registration.png')

    await logout()
    await loginAs('staff-officer')
    await open('/packages/officer/pages/registrations/index')
    await current().getByText('社区助老志愿服务项目').click()
    await button('核验通过，计入信用记录').click()
    await current().getByText('已核验').first().waitFor()
    await page.waitForTimeout(2000)
    await shot('officer-voluntary-registration.png')

    await logout()
    await loginAs('citizen-new')
    await open('/packages/cases/pages/registrations/index')
    await current().getByText('已计入信用记录').waitFor()
    await shot('voluntary-registrations.png')
    assert.deepEqual(errors, [])
  } finally {
    await close()
  }
})
