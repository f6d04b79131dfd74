// End to end on the built H5 app: 信用修复 through 公益服务, the whole way, with nothing written to
// the database behind the app's back. 李建国 (sandbox persona citizen-repairable, a 一般 penalty past
// its 3 months, 10 hours of public service required) opens the planner: it suggests a task the
// organizer has just published and predicts his score once it is done and the record repaired. He
// books the task, checks in and — once it has started — out by typing the digits of the organizer's
// rotating site code (the organizer's phone is a second browser); the organizer confirms his hours;
// 我的公益时长, the score and the planner show them. He applies with a PNG of the payment receipt
// and the 修复型 commitment signed through the commitments' own flow; the officer (staff-officer)
// approves; the record shows 已修复 and the score is exactly what the planner predicted before he
// booked. Meanwhile the organizer of another task he booked cancels it with a reason, and his
// bookings show 活动已取消 with that reason. Screenshots (390×844, normal and 长辈模式) go to docs/screenshots/. The server runs on
// the real clock: the check-out waits for the task's start (≈ 3 minutes). Build first: npm run build:h5.
const { test } = require('node:test')
const assert = require('node:assert/strict')
const zlib = require('node:zlib')
const { useServer, openBrowser } = require('./support')

const RECORD = 'rec-li-fire-penalty'
const RECORD_TITLE = '经营场所未保持疏散通道畅通'
const TASK_TITLE = '消防安全知识进社区'
const HOURS = 10 // what the 一般 class requires (REPAIR_SERVICE_HOURS): one task supplies all of it
const MIN_READ_SECONDS = 15 // COMMITMENT_MIN_READ_SECONDS
const START_IN_MS = 180_000 // the task starts this long after it is published

const server = useServer()

async function api(path, { token, body } = {}) {
  const res = await fetch(`${server.baseUrl}/api${path}`, {
    method: body ? 'POST' : 'GET',
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  })
  const json = await res.json()
  assert.ok(res.ok, `${path}: ${res.status} ${JSON.stringify(json)}`)
  return json
}

/** A real PNG (RGB, deflated, with CRCs): a grey "receipt" with dark lines of "text". */
function receiptPng(width = 240, height = 160) {
  const chunk = (type, data) => {
    const len = Buffer.alloc(4)
    len.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(zlib.crc32(body) >>> 0)
    return Buffer.concat([len, body, crc])
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 2 // RGB
  const rows = []
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3, 235) // filter byte, then light grey
    row[0] = 0
    const line = y % 20 >= 8 && y % 20 < 12
    for (let x = 20; line && x < width - 20 - (y % 60); x++) row.set([40, 40, 60], 1 + x * 3)
    rows.push(row)
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))])
}

test('信用修复 through 公益服务: plan, book, check in and out, confirmed hours, apply, approve, the score is as planned', { timeout: 900_000 }, async () => {
  // The organizer publishes a task that starts in 3 minutes and credits the 10 hours required.
  const organizerToken = (await api('/auth/sandbox/login', { body: { persona: 'staff-organizer' } })).accessToken
  const now = Date.now()
  const startAt = now + START_IN_MS
  const task = await api('/organizer/tasks', {
    token: organizerToken,
    body: {
      title: TASK_TITLE, organization: '杭州市志愿者协会', place: '上城区小营街道社区服务中心',
      description: '随社区网格员入户讲解楼道堆物、电动车进楼的火灾风险，检查疏散通道并登记整改。协会提供马甲和宣传资料。',
      startAt: new Date(startAt).toISOString(), endAt: new Date(startAt + HOURS * 3600_000).toISOString(),
      signupDeadline: new Date(startAt - 10_000).toISOString(), capacity: 10, hours: HOURS,
    },
  })

  const citizen = await openBrowser(server)
  const staff = await openBrowser(server)
  const elderly = async (who, on) => {
    await who.open('/pages/mine/index')
    const sw = who.current().getByRole('switch', { name: /长辈模式/ })
    if ((await sw.getAttribute('aria-checked')) !== String(on)) await sw.click()
  }
  try {
    await staff.consent()
    await staff.loginAs('staff-organizer')
    await citizen.consent()
    await citizen.loginAs('citizen-repairable')
    const { page } = citizen

    // 1. The planner from the home page: 10 hours missing, the new task would supply them, and the
    //    score it predicts once the record is repaired.
    await citizen.current().getByRole('button', { name: '信用修复' }).click()
    const planner = page.locator('.planner')
    await planner.getByText(`还需公益服务 ${HOURS} 小时（已确认 0 / 需 ${HOURS} 小时）`).waitFor()
    await planner.locator('.plan-task', { hasText: `${TASK_TITLE} · ${HOURS} 小时` }).waitFor()
    await planner.getByText('信用修复免费办理').waitFor()
    const scoreBefore = Number(await planner.locator('.plan-now-score').textContent())
    const predicted = Number((await planner.locator('.plan-after').first().textContent()).match(/预计 (\d+) 分/)[1])
    assert.equal(scoreBefore, 570)
    assert.ok(predicted > scoreBefore, `the plan raises the score (${scoreBefore} → ${predicted})`)
    assert.match(await planner.locator('.plan-summary').textContent(), /^按这个顺序，您的信用分预计在 .+回到“良好”$/)
    await citizen.shot('repair-planner.png')

    // 2. 首页 → 公益服务: the task among the demo tasks; book it.
    await citizen.open('/pages/index/index')
    await page.locator('.home').getByRole('button', { name: '公益服务' }).click()
    const list = page.locator('.ps-tasks')
    await list.getByText(TASK_TITLE).waitFor()
    await list.getByText('湖滨步行街环境清洁').waitFor()
    await citizen.shot('public-service-tasks.png')
    await list.getByText(TASK_TITLE).click()
    const detail = page.locator('.ps-task-page')
    await detail.getByText('任务说明').waitFor()
    await citizen.button('预约报名').click()
    await detail.locator('.tag', { hasText: '已预约' }).waitFor()
    await detail.getByText('剩余 9 / 10 个名额').waitFor()
    await page.waitForTimeout(2000) // the 预约成功 toast fades
    await citizen.shot('public-service-task.png')

    // 3. At the site: the organizer's phone shows the code (a QR and 6 digits, new every 30 s).
    await staff.open(`/packages/organizer/pages/site-code/index?id=${task.id}`)
    const site = staff.page.locator('.org-site-code')
    const qr = site.getByRole('img', { name: /现场签到二维码/ })
    await qr.waitFor()
    assert.ok(Number(await qr.getAttribute('data-modules')) >= 21, 'a real QR matrix is drawn')
    await site.getByText(/^\d{1,2} 秒后刷新$/).waitFor()
    await staff.shot('public-service-site-code.png')
    const shownCode = async () => (await site.locator('.ps-code').innerText()).replace(/\s/g, '')

    await citizen.open('/packages/public-service/pages/scan/index')
    const scan = page.locator('.ps-scan')
    await scan.getByLabel('签到码').fill(await shownCode())
    await citizen.button('确认签到').click()
    await scan.getByText(/签到成功/).first().waitFor()
    await scan.getByLabel('签到码').fill(await shownCode())
    await citizen.button('确认签到').click()
    await scan.getByText(/无需重复签到/).waitFor()

    // While the task has not started: another task he booked is called off by its organizer. The
    //    organizer gives the reason in the 取消活动 dialog; 我的预约 shows 活动已取消 with it.
    const rainy = await api('/organizer/tasks', {
      token: organizerToken,
      body: {
        title: '西湖边环境清洁', organization: '杭州市志愿者协会', place: '北山街断桥入口',
        description: '沿北山街捡拾垃圾，劝导游客文明游览。', capacity: 8, hours: 2,
        startAt: new Date(now + 26 * 3600_000).toISOString(), endAt: new Date(now + 28 * 3600_000).toISOString(), signupDeadline: new Date(now + 20 * 3600_000).toISOString(),
      },
    })
    await citizen.open(`/packages/public-service/pages/task/index?id=${rainy.id}`)
    await citizen.button('预约报名').click()
    await detail.locator('.tag', { hasText: '已预约' }).waitFor()
    await staff.open(`/packages/organizer/pages/task/index?id=${rainy.id}`)
    const orgTask = staff.page.locator('.org-task')
    await orgTask.getByText('报名 1 人（名额 8）').waitFor()
    await staff.button('取消活动').click()
    const dialog = staff.page.getByRole('dialog')
    await dialog.getByText('已报名的 1 人将收到取消通知（含您填写的原因）', { exact: false }).waitFor()
    await dialog.locator('textarea').fill('天气预报明天有暴雨，为安全起见取消，改期另行通知')
    await staff.shot('organizer-cancel-task.png')
    await dialog.locator('taro-button-core', { hasText: '确认取消' }).click()
    await orgTask.getByText(/取消，原因：天气预报明天有暴雨/).waitFor()
    await orgTask.locator('.ps-cancelled-title', { hasText: '活动已取消' }).waitFor()
    await orgTask.locator('.tag', { hasText: '活动已取消' }).waitFor() // the citizen's booking in the list
    await citizen.open('/packages/public-service/pages/bookings/index')
    const mine = page.locator('.ps-bookings .card', { hasText: '西湖边环境清洁' })
    await mine.locator('.tag', { hasText: '活动已取消' }).waitFor()
    await mine.getByText('组织方已取消本次活动，原因：天气预报明天有暴雨，为安全起见取消，改期另行通知').waitFor()
    await page.locator('.ps-bookings .card', { hasText: TASK_TITLE }).locator('.tag', { hasText: '已签到' }).waitFor()
    await citizen.shot('public-service-booking-cancelled.png')
    await citizen.open('/packages/messages/pages/index/index')
    await page.getByText('公益任务已取消').first().waitFor()

    // Check-out opens at the start.
    const wait = startAt + 3_000 - Date.now()
    if (wait > 0) await page.waitForTimeout(wait)
    await staff.open(`/packages/organizer/pages/site-code/index?id=${task.id}`)
    await qr.waitFor()
    await citizen.open('/packages/public-service/pages/scan/index')
    await scan.getByRole('radio', { name: '签退' }).click()
    await scan.getByLabel('签到码').fill(await shownCode())
    await citizen.button('确认签退').click()
    await scan.getByText(/签退成功.*组织方确认后/).waitFor()

    // 4. The organizer confirms the hours on the task's list (the task's 10 hours are proposed).
    await staff.open(`/packages/organizer/pages/task/index?id=${task.id}`)
    const bookings = staff.page.locator('.org-task')
    await bookings.locator('.tag', { hasText: '已签退，待组织方确认时长' }).waitFor()
    await staff.button('确认时长').click()
    await bookings.locator('.tag', { hasText: `已确认 ${HOURS} 小时` }).waitFor()
    await bookings.getByText(/^签到：\d{4}-\d{2}-\d{2} \d{2}:\d{2}　签退：\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/).waitFor()
    await staff.page.waitForTimeout(2000) // the 已确认 toast fades
    await staff.shot('organizer-task-attendees.png')

    // 5. The hours have reached the requirement: 我的公益时长, the score and the planner say so,
    //    and the planner still predicts the same score.
    await citizen.open('/packages/public-service/pages/hours/index')
    const hours = page.locator('.ps-hours')
    await hours.getByLabel(`累计 ${HOURS} 小时`).waitFor()
    await hours.getByText(/来源：参加公益任务/).waitFor()
    await citizen.shot('public-service-hours.png')
    await citizen.open('/packages/credit/pages/score/index')
    await page.locator('.factor', { hasText: '公益服务' }).getByText(`+${HOURS}`).waitFor()
    await citizen.open('/packages/repair/pages/planner/index')
    await planner.getByText(`公益服务时长已满足（${HOURS} / ${HOURS} 小时）`).waitFor()
    assert.equal(Number(await planner.locator('.plan-now-score').textContent()), scoreBefore + HOURS)
    assert.match(await planner.locator('.plan-after').first().textContent(), new RegExp(`^预计 ${predicted} 分`))

    // 6. The record's own page says it can be repaired now and leads to the application.
    await citizen.open(`/packages/credit/pages/detail/index?id=${RECORD}`)
    const status = citizen.current().getByLabel('信用修复')
    await status.getByText('现在可申请').waitFor()
    await status.locator('taro-button-core', { hasText: '申请信用修复' }).click()
    const apply = page.locator('.apply')
    await apply.getByText(RECORD_TITLE).waitFor()

    // 7. Sign the 信用修复承诺书 through the signing flow, then come back to the form.
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

    // 8. The proof that the fine was paid (a photo of the receipt), then submit.
    const applyRoute = `/packages/repair/pages/apply/index?recordId=${RECORD}`
    await elderly(citizen, true)
    await citizen.open(applyRoute)
    await page.locator('.apply.elderly').getByText(/《信用修复承诺书》回执 CP/).waitFor()
    await citizen.shot('repair-apply-elderly.png')
    await elderly(citizen, false)
    await citizen.open(applyRoute)
    await apply.getByText(/《信用修复承诺书》回执 CP/).waitFor()
    await apply.locator('input[type=file]').setInputFiles({ name: '罚款缴纳凭证.png', mimeType: 'image/png', buffer: receiptPng() })
    await apply.getByText('已上传').waitFor()
    await apply.getByText('提交后信用平台 10 个工作日内答复，认定部门 3 个工作日内作出决定').waitFor()
    await citizen.shot('repair-apply.png')
    await apply.locator('taro-button-core', { hasText: '提交修复申请' }).click()
    const application = page.locator('.application')
    await application.getByText('审核中').first().waitFor()
    await application.getByText('办理进度').waitFor()
    await application.getByText(`获准后信用分预计为 ${predicted} 分`).waitFor()

    // 长辈模式 pictures of the citizen's and the organizer's screens while the data is there.
    await elderly(citizen, true)
    await elderly(staff, true)
    await citizen.open('/packages/repair/pages/planner/index')
    await page.locator('.planner.elderly .plan-summary').waitFor()
    await citizen.shot('repair-planner-elderly.png')
    await citizen.open('/packages/public-service/pages/tasks/index')
    await page.locator('.ps-tasks.elderly').getByText('湖滨步行街环境清洁').waitFor()
    await citizen.shot('elderly-public-service-tasks.png')
    await citizen.open(`/packages/public-service/pages/task/index?id=${task.id}`)
    await page.locator('.ps-task-page.elderly').getByText('任务说明').waitFor()
    await citizen.shot('elderly-public-service-task.png')
    await citizen.open('/packages/public-service/pages/hours/index')
    await page.locator('.ps-hours.elderly').getByLabel(`累计 ${HOURS} 小时`).waitFor()
    await citizen.shot('elderly-public-service-hours.png')
    await citizen.open('/packages/public-service/pages/bookings/index')
    await page.locator('.ps-bookings.elderly').getByText(/组织方已取消本次活动/).waitFor()
    await citizen.shot('elderly-public-service-booking-cancelled.png')
    await staff.open(`/packages/organizer/pages/task/index?id=${rainy.id}`)
    await staff.page.locator('.org-task.elderly').getByText(/取消，原因：/).waitFor()
    await staff.shot('elderly-organizer-task-cancelled.png')
    await staff.open(`/packages/organizer/pages/task/index?id=${task.id}`)
    const elderlyTask = staff.page.locator('.org-task.elderly')
    await elderlyTask.locator('.tag', { hasText: `已确认 ${HOURS} 小时` }).waitFor()
    await elderlyTask.locator('[data-booking]').scrollIntoViewIfNeeded()
    await staff.shot('elderly-organizer-task-attendees.png')
    // the 取消活动 dialog in large type (再想想 leaves the task as it is)
    await staff.button('取消活动').click()
    await dialog.locator('textarea').fill('天气预报明天有暴雨，为安全起见取消，改期另行通知')
    await staff.shot('elderly-organizer-cancel-task.png')
    await dialog.locator('taro-button-core', { hasText: '再想想' }).click()
    await dialog.waitFor({ state: 'detached' })
    await staff.open(`/packages/organizer/pages/site-code/index?id=${task.id}`)
    await staff.page.locator('.org-site-code.elderly').getByRole('img', { name: /现场签到二维码/ }).waitFor()
    await staff.shot('elderly-public-service-site-code.png')
    await elderly(citizen, false)
    await elderly(staff, false)

    // 9. The officer (on the organizer's phone after a change of account): the queue, the case with
    //    its materials and the hours confirmed by the organizer, approve with reasons.
    await staff.logout()
    await staff.loginAs('staff-officer')
    await staff.open('/packages/officer/pages/repairs/index')
    await staff.page.locator('.repair-queue').getByText(RECORD_TITLE).click()
    const officerCase = staff.page.locator('.repair-case')
    await officerCase.getByText(`公益服务时长：已确认 ${HOURS} 小时 / 需 ${HOURS} 小时（已满足）`).waitFor()
    await officerCase.getByText(`信用分：现 ${scoreBefore + HOURS} 分，准予修复后 ${predicted} 分`).waitFor()
    await officerCase.getByText('履行证明（1 个文件）').waitFor()
    await staff.shot('officer-repair.png')
    const caseRoute = decodeURIComponent(new URL(staff.page.url()).hash.slice(1))
    await elderly(staff, true)
    await staff.open(caseRoute)
    await staff.page.locator('.repair-case.elderly').getByText('履行证明（1 个文件）').waitFor()
    await staff.shot('officer-repair-elderly.png')
    await elderly(staff, false)
    await staff.open(caseRoute)
    await officerCase.getByText('履行证明（1 个文件）').waitFor()
    await officerCase.locator('textarea').fill(`已缴清罚款并完成 ${HOURS} 小时公益服务，准予修复。`)
    await officerCase.locator('taro-button-core', { hasText: '准予修复' }).click()
    await officerCase.getByText(new RegExp(`^准予修复：已缴清罚款并完成 ${HOURS} 小时公益服务，准予修复。`)).waitFor()

    // 10. The citizen: the record is 已修复 and the score is what the planner said before he booked.
    await citizen.open('/pages/index/index')
    await page.locator('.home').getByText(String(predicted)).first().waitFor()
    await citizen.open(`/packages/credit/pages/detail/index?id=${RECORD}`)
    await citizen.current().locator('.detail-head').getByText('已修复', { exact: true }).waitFor()
    await citizen.current().getByText('记录状态为“已修复”，不再影响信用分').waitFor()
    const overview = await api('/credit/overview', { token: (await api('/auth/sandbox/login', { body: { persona: 'citizen-repairable' } })).accessToken })
    assert.equal(overview.score, predicted)

    assert.deepEqual(citizen.errors, [])
    assert.deepEqual(staff.errors, [])
  } finally {
    await citizen.close()
    await staff.close()
  }
})
