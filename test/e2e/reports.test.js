// End to end on the built H5 app: 信用报告. A citizen (sandbox persona citizen-repairable, 李建国)
// opens 信用报告 from 首页, generates a 公共信用信息报告, watches its progress and downloads the PDF
// (fetched with the bearer token in a header, saved from a blob): it is a PDF whose text holds his
// entries. Logged out, anyone verifies it on the public page by number + code and by uploading the
// file; a copy with one byte changed is 已被修改. Then the public red/black list lookup. Screenshots
// at 390×844 (normal and 长辈模式) and the first page of the PDF go to docs/screenshots/.
// Starts its own API server (which serves dist/h5) with a fresh database. Build first: npm run build:h5.
const { test } = require('node:test')
const assert = require('node:assert/strict')
const { execFileSync } = require('node:child_process')
const crypto = require('node:crypto')
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const { SHOTS, useServer, openBrowser } = require('./support')

const server = useServer()
const flat = (s) => s.replace(/\s+/g, '')

test('a citizen generates and downloads a report; logged out, anyone verifies it by number + code and by the file', { timeout: 300_000 }, async (t) => {
  const { page, errors, shot, current, button, consent, open, loginAs, logout, close } = await openBrowser(server)
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'creditpass-report-e2e-'))
  const apiRequests = []
  page.on('request', (r) => {
    const url = new URL(r.url())
    if (url.pathname.startsWith('/api/')) apiRequests.push({ call: `${r.method()} ${url.pathname}`, url: r.url(), headers: r.headers() })
  })
  const elderly = async (on) => {
    await open('/pages/mine/index')
    const sw = current().getByRole('switch', { name: /长辈模式/ })
    if ((await sw.getAttribute('aria-checked')) !== String(on)) await sw.click()
    await current().locator(`[role="switch"][aria-checked="${on}"]`).waitFor()
  }
  try {
    await consent()
    await loginAs('citizen-repairable')

    // 1. 首页 → 信用报告 (the entry is open now), an empty list, then 生成信用报告.
    await current().locator('.entry', { hasText: '信用报告' }).click()
    const reports = page.locator('.reports')
    await reports.getByText('还没有生成过信用报告').waitFor()
    await shot('reports-empty.png')
    await button('生成信用报告').click()
    const gen = page.locator('.gen')
    await gen.getByText('报告类型').waitFor()
    // 专项 is for enterprises: a citizen is told so and cannot send it.
    await gen.getByText('专项信用报告', { exact: true }).click()
    await gen.getByText('专项信用报告仅面向企业，请先切换到您代理的企业').waitFor()
    await gen.getByText('公共信用信息报告', { exact: true }).click()
    await shot('report-generate.png')

    // 2. Generate: one POST with an Idempotency-Key; the report page shows the progress, then the report.
    const asked = Date.now()
    await gen.locator('taro-button-core', { hasText: '生成公共信用信息报告' }).click()
    const detail = page.locator('.rd')
    const sawProgress = await detail.getByText('报告生成中').waitFor({ timeout: 5_000 }).then(() => true, () => false)
    if (sawProgress) await shot('report-progress.png')
    await detail.getByText('如何让对方核验').waitFor({ timeout: 120_000 })
    t.diagnostic(`tap to ready report on screen: ${Date.now() - asked} ms`)
    const posts = apiRequests.filter((r) => r.call === 'POST /api/reports')
    assert.equal(posts.length, 1, 'requested once')
    assert.match(posts[0].headers['idempotency-key'] || '', /^[A-Za-z0-9_\-:.]{8,128}$/)
    const number = (await detail.locator('.rd-mono').first().innerText()).trim()
    const code = (await detail.locator('.rd-code').innerText()).trim()
    const sha256 = (await detail.locator('.rd-hash-line').allInnerTexts()).join('')
    assert.match(number, /^BG\d{8}[A-Z2-9]{8}$/)
    assert.match(code, /^[A-Z2-9]{6}$/)
    assert.match(sha256, /^[0-9a-f]{64}$/)
    await shot('report-detail.png')

    // 3. Download: a PDF with his entries; the token travels in a header, never in a URL.
    const [download] = await Promise.all([page.waitForEvent('download'), button('下载报告').click()])
    assert.equal(download.suggestedFilename(), `${number}.pdf`)
    const pdfPath = path.join(tmp, `${number}.pdf`)
    await download.saveAs(pdfPath)
    await detail.getByText(`已下载 ${number}.pdf`).waitFor()
    const pdf = fs.readFileSync(pdfPath)
    t.diagnostic(`report PDF: ${(pdf.length / 1024).toFixed(1)} KB`)
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-')
    assert.equal(crypto.createHash('sha256').update(pdf).digest('hex'), sha256, 'the page shows the file’s SHA-256')
    const text = flat(execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-']).toString())
    for (const s of ['公共信用信息报告', '姓名：李**', '经营场所未保持疏散通道畅通', '杭州市上城区消防救援大队', '社区志愿服务4小时', `核验码：${code}`, number]) {
      assert.ok(text.includes(flat(s)), `the PDF text holds ${s}`)
    }
    const fileCall = apiRequests.find((r) => r.call.endsWith('/file'))
    assert.ok(fileCall && /^Bearer /.test(fileCall.headers.authorization || ''), 'the file is fetched with the bearer token')
    assert.ok(apiRequests.every((r) => !/token|bearer/i.test(new URL(r.url).search)), 'no token in any URL')
    // The first page of the PDF as the user sees it.
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdfPath, path.join(SHOTS, 'report-pdf-page1')])

    // 4. The list shows it; 长辈模式 screenshots of the list and the report.
    await open('/packages/reports/pages/index/index')
    await reports.locator('.report-card', { hasText: number }).getByText('已生成').waitFor()
    await shot('reports.png')
    await elderly(true)
    await open('/packages/reports/pages/index/index')
    await page.locator('.reports.elderly .report-card').first().waitFor()
    await shot('elderly-reports.png')
    await page.locator('.reports.elderly .report-card').first().click()
    await page.locator('.rd.elderly').getByText('如何让对方核验').waitFor()
    await shot('elderly-report-detail.png')
    await open('/packages/reports/pages/generate/index')
    await page.locator('.gen.elderly').getByText('报告类型').waitFor()
    await shot('elderly-report-generate.png')
    await elderly(false)

    // 5. Logged out: the report's QR opens the verify page with the number filled in.
    await logout()
    const mark = apiRequests.length
    await open(`/packages/public/pages/report-verify/index?number=${number}`)
    const rv = page.locator('.rv')
    assert.equal(await rv.getByLabel('报告编号').inputValue(), number)
    await rv.getByLabel('核验码').fill('AAAAAA')
    await button(/^查询$/).click()
    await rv.getByText('报告编号或核验码不正确，请核对后重新输入').waitFor()
    await rv.getByLabel('核验码').fill(code.toLowerCase())
    await button(/^查询$/).click()
    await rv.getByText('报告真实有效').waitFor()
    await rv.getByText('李**').waitFor()
    assert.equal((await rv.locator('.rv-result .rv-hash-line').allInnerTexts()).join(''), sha256)
    await rv.locator('.rv-result').scrollIntoViewIfNeeded()
    await shot('report-verify.png')

    // …and by the file: the original is 与原件一致, a copy with one byte changed 已被修改.
    await rv.locator('input[type="file"]').setInputFiles(pdfPath)
    await rv.getByText('与原件一致').waitFor()
    await rv.getByText(`该文件与信用通出具的报告 ${number} 完全一致，未被修改。`).waitFor()
    await rv.locator('.rv-ok').scrollIntoViewIfNeeded()
    await shot('report-verify-file.png')
    const altered = Buffer.from(pdf)
    const at = altered.indexOf('PDFKit')
    altered[at] = 'Q'.charCodeAt(0)
    const alteredPath = path.join(tmp, 'altered.pdf')
    fs.writeFileSync(alteredPath, altered)
    await rv.locator('input[type="file"]').setInputFiles(alteredPath)
    await rv.getByText('已被修改', { exact: true }).waitFor()
    await rv.locator('.rv-bad').scrollIntoViewIfNeeded()
    await shot('report-verify-altered.png')
    const publicCalls = apiRequests.slice(mark).filter((r) => r.call.startsWith('GET /api/public/reports') || r.call === 'POST /api/public/reports/verify')
    assert.equal(publicCalls.length, 4, publicCalls.map((r) => r.call).join('; '))
    assert.ok(publicCalls.every((r) => !r.headers.authorization && !r.headers['x-subject']), 'public checks carry no credentials')

    await elderly(true)
    await open(`/packages/public/pages/report-verify/index?number=${number}`)
    await page.locator('.rv.elderly').getByLabel('核验码').fill(code)
    await button(/^查询$/).click()
    await page.locator('.rv.elderly').getByText('报告真实有效').waitFor()
    await page.locator('.rv.elderly .rv-result').scrollIntoViewIfNeeded()
    await shot('elderly-report-verify.png')
    await elderly(false)

    // 6. Each check is in the subject's 查询记录.
    await loginAs('citizen-repairable')
    await open('/packages/account/pages/access-log/index')
    await current().getByText(new RegExp(`上传文件核验报告 ${number}`)).first().waitFor()
    await current().getByText(new RegExp(`凭报告编号与核验码查看报告 ${number} 的摘要`)).first().waitFor()

    assert.deepEqual(errors, [], 'no script errors')
  } finally {
    await close()
    fs.rmSync(tmp, { recursive: true, force: true })
  }
})

test('an enterprise agent generates a 专项信用报告 for a chosen period and domains; it says plainly where there is nothing', { timeout: 240_000 }, async () => {
  const { page, errors, shot, current, button, consent, open, loginAs, close } = await openBrowser(server)
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'creditpass-report-e2e-'))
  try {
    await consent()
    await loginAs('agent-jianhu')
    await open('/pages/mine/index')
    await current().locator('[data-subject="91330602MA2D8R6L1D"]').click()
    await current().locator('[data-subject="91330602MA2D8R6L1D"][aria-checked="true"]').waitFor()

    await open('/packages/reports/pages/index/index')
    await button('生成专项信用报告（代替无违法违规证明）').click()
    const gen = page.locator('.gen')
    await gen.getByText('查询期间').waitFor()
    await gen.getByText('近 5 年').click()
    await gen.getByText('全部取消').click()
    await gen.getByText('请至少选择一个领域').waitFor()
    await gen.getByRole('checkbox', { name: /市场监管/ }).click()
    await gen.getByRole('checkbox', { name: /税务/ }).click()
    await gen.getByText('查询领域').scrollIntoViewIfNeeded()
    await shot('report-generate-special.png')
    await gen.locator('taro-button-core', { hasText: '生成专项信用报告' }).click()

    const detail = page.locator('.rd')
    await detail.getByText('如何让对方核验').waitFor({ timeout: 120_000 })
    await detail.getByText('市场监管、税务').waitFor()
    const number = (await detail.locator('.rd-mono').first().innerText()).trim()
    const [download] = await Promise.all([page.waitForEvent('download'), button('下载报告').click()])
    const pdfPath = path.join(tmp, `${number}.pdf`)
    await download.saveAs(pdfPath)
    const text = flat(execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-']).toString())
    for (const s of ['专项信用报告', '企业名称：绍兴鉴湖酿造有限公司', '统一社会信用代码：91330602MA2D8R6L1D', '预包装食品标签标注不规范', '市场监管领域有1条违法违规记录', '无税务领域违法违规记录']) {
      assert.ok(text.includes(flat(s)), `the PDF text holds ${s}`)
    }
    assert.deepEqual(errors, [], 'no script errors')
  } finally {
    await close()
    fs.rmSync(tmp, { recursive: true, force: true })
  }
})

test('红黑名单查询, logged out: a mistyped USCC is refused in Chinese, the black list shows its entries', { timeout: 180_000 }, async () => {
  const { page, errors, shot, button, consent, open, close } = await openBrowser(server)
  try {
    await consent()
    await open('/packages/public/pages/lists/index')
    const ls = page.locator('.ls')
    await ls.locator('.ls-hit').first().waitFor()
    const search = ls.getByLabel('企业名称或统一社会信用代码')
    await search.fill('91330106MA2H3K5Q7X')
    await button(/^搜索$/).click()
    await ls.getByText(/校验位不正确/).waitFor()
    await ls.getByRole('tab', { name: '严重失信主体名单' }).click()
    await search.fill('恒信')
    await button(/^搜索$/).click()
    const hit = ls.locator('.ls-hit', { hasText: '浙江恒信建设工程有限公司' })
    await hit.waitFor()
    await hit.getByText('拖欠农民工工资失信联合惩戒对象名单', { exact: true }).waitFor()
    await hit.getByText('杭州市西湖区人力资源和社会保障局').waitFor()
    await shot('public-lists-black.png')
    assert.deepEqual(errors, [], 'no script errors')
  } finally {
    await close()
  }
})
