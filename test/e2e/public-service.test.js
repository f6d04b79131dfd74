// End to end on the built H5 app, 公益服务: the organizer publishes a task that starts in a few
// minutes; citizen-new finds it in 公益任务, books it, and at the site checks in and — once the task
// has started — out by typing the digits shown on the organizer's 现场签到码 page (a QR that changes
// every 30 s); the organizer confirms the hours on the task's list; 我的公益时长 shows them with
// their source and the score factor. Screenshots (normal and 长辈模式) of the task list, the task,
// the site QR and the hours go to docs/screenshots/. The server runs on the real clock (the check-out
// waits for the task's start). Build first: npm run build:h5.
const { test } = require('node:test')
const assert = require('node:assert/strict')
const { useServer, openBrowser } = require('./support')

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

test('公益服务: book, check in and out by the rotating site code, the organizer confirms, the hours show', { timeout: 600_000 }, async () => {
  const organizerToken = (await api('/auth/sandbox/login', { body: { persona: 'staff-organizer' } })).accessToken
  // Starts in 150 s: booking is open for two minutes, check-in opens at once (30 min before the
  // start), check-out at the start.
  const now = Date.now()
  const task = await api('/organizer/tasks', {
    token: organizerToken,
    body: {
      title: '社区垃圾分类宣传', organization: '杭州市志愿者协会', place: '上城区小营街道社区服务中心门口',
      description: '在小区入口向居民讲解垃圾分类，发放宣传册。协会提供马甲和宣传资料。',
      startAt: new Date(now + 150_000).toISOString(), endAt: new Date(now + 150_000 + 2 * 3600_000).toISOString(),
      signupDeadline: new Date(now + 120_000).toISOString(), capacity: 10, hours: 2,
    },
  })

  const citizen = await openBrowser(server)
  const organizer = await openBrowser(server)
  try {
    await organizer.consent()
    await organizer.loginAs('staff-organizer')
    await citizen.consent()
    await citizen.loginAs('citizen-new')

    // 首页 → 公益服务: the task list, soonest first, grouped by day (the demo tasks follow).
    await citizen.page.locator('.home').getByRole('button', { name: '公益服务' }).click()
    const list = citizen.page.locator('.ps-tasks')
    await list.getByText('社区垃圾分类宣传').waitFor()
    await list.getByText('湖滨步行街环境清洁').waitFor()
    await citizen.shot('public-service-tasks.png')

    // The task: book it.
    await list.getByText('社区垃圾分类宣传').click()
    const detail = citizen.page.locator('.ps-task-page')
    await detail.getByText('任务说明').waitFor()
    await citizen.button('预约报名').click()
    await detail.locator('.tag', { hasText: '已预约' }).waitFor()
    await detail.getByText('剩余 9 / 10 个名额').waitFor()
    await citizen.page.waitForTimeout(2000) // the 预约成功 toast fades
    await citizen.shot('public-service-task.png')

    // The organizer shows the site code; the QR and the digits change every 30 s.
    await organizer.open(`/packages/organizer/pages/site-code/index?id=${task.id}`)
    const site = organizer.page.locator('.org-site-code')
    const qr = site.getByRole('img', { name: /现场签到二维码/ })
    await qr.waitFor()
    assert.ok(Number(await qr.getAttribute('data-modules')) >= 21, 'a real QR matrix is drawn')
    await site.getByText(/^\d{1,2} 秒后刷新$/).waitFor()
    await organizer.shot('public-service-site-code.png')
    const shownCode = async () => (await site.locator('.ps-code').innerText()).replace(/\s/g, '')

    // At the site: check in with the digits shown now.
    await citizen.open('/packages/public-service/pages/scan/index')
    const scan = citizen.page.locator('.ps-scan')
    await scan.getByLabel('签到码').fill(await shownCode())
    await citizen.button('确认签到').click()
    await scan.getByText(/签到成功/).first().waitFor()
    // Again: refused, said plainly.
    await scan.getByLabel('签到码').fill(await shownCode())
    await citizen.button('确认签到').click()
    await scan.getByText(/无需重复签到/).waitFor()

    // Check-out opens at the start.
    const wait = now + 150_000 + 3_000 - Date.now()
    if (wait > 0) await citizen.page.waitForTimeout(wait)
    await scan.getByRole('radio', { name: '签退' }).click()
    await scan.getByLabel('签到码').fill(await shownCode())
    await citizen.button('确认签退').click()
    await scan.getByText(/签退成功.*组织方确认后/).waitFor()

    // The organizer confirms the hours on the task's list.
    await organizer.open(`/packages/organizer/pages/task/index?id=${task.id}`)
    const bookings = organizer.page.locator('.org-task')
    await bookings.locator('.tag', { hasText: '已签退，待组织方确认时长' }).waitFor()
    await organizer.button('确认时长').click()
    await bookings.locator('.tag', { hasText: '已确认 2 小时' }).waitFor()

    // 我的公益时长: 2 hours from 参加公益任务; 2 points; the score explains them.
    await citizen.open('/packages/public-service/pages/hours/index')
    const hours = citizen.page.locator('.ps-hours')
    await hours.getByLabel('累计 2 小时').waitFor()
    await hours.getByText(/^\+2 分（最多 \d+ 分）$/).waitFor()
    await hours.getByText(/来源：参加公益任务/).waitFor()
    await citizen.shot('public-service-hours.png')
    await citizen.open('/packages/credit/pages/score/index')
    await citizen.page.locator('.factor', { hasText: '公益服务' }).getByText('+2').waitFor()

    // 长辈模式: the same screens in large type.
    for (const who of [citizen, organizer]) {
      await who.open('/pages/mine/index')
      await who.current().getByRole('switch', { name: /长辈模式/ }).click()
    }
    await citizen.open('/packages/public-service/pages/tasks/index')
    await citizen.page.locator('.ps-tasks.elderly').getByText('湖滨步行街环境清洁').waitFor()
    await citizen.shot('elderly-public-service-tasks.png')
    await citizen.open(`/packages/public-service/pages/task/index?id=${task.id}`)
    await citizen.page.locator('.ps-task-page.elderly').getByText('任务说明').waitFor()
    await citizen.shot('elderly-public-service-task.png')
    await citizen.open('/packages/public-service/pages/hours/index')
    await citizen.page.locator('.ps-hours.elderly').getByLabel('累计 2 小时').waitFor()
    await citizen.shot('elderly-public-service-hours.png')
    await organizer.open(`/packages/organizer/pages/site-code/index?id=${task.id}`)
    await organizer.page.locator('.org-site-code.elderly').getByRole('img', { name: /现场签到二维码/ }).waitFor()
    await organizer.shot('elderly-public-service-site-code.png')

    assert.deepEqual(citizen.errors, [])
    assert.deepEqual(organizer.errors, [])
  } finally {
    await citizen.close()
    await organizer.close()
  }
})
