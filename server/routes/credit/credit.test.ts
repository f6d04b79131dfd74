import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { logAccess } from '../../credit/access-log'
import { bearer, loginAs, startTestApp, type TestApp } from '../../testing/app'

let t: TestApp
let tokens: Record<string, string> = {}
before(async () => {
  t = await startTestApp()
  for (const p of ['citizen-red', 'citizen-repairable', 'citizen-serious', 'citizen-blacklist', 'citizen-new', 'agent-yunqi', 'agent-jianhu']) {
    tokens[p] = (await loginAs(t.app, p)).accessToken
  }
})
after(() => t.close())

const get = (persona: string, url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ url, headers: { ...bearer(tokens[persona]), ...headers } })

describe('credit overview', () => {
  it('the red-list citizen sees score, level, red list and every factor traced to a record', async () => {
    const o = (await get('citizen-red', '/api/credit/overview')).json()
    assert.equal(o.score, 600 + 60 + 20 + 60)
    assert.equal(o.level, '优秀')
    assert.deepEqual(o.redList.sort(), ['优秀志愿者', '见义勇为'].sort())
    assert.deepEqual(o.blackList, [])
    assert.equal(o.factors.length, 3)
    for (const f of o.factors) assert.ok(f.record.id && f.record.title && f.reason.includes(f.record.title))
    assert.deepEqual(o.counts, { positive: 3, negative: 0, inPublicity: 3 })
  })

  it('a penalty is explained as a deduction with its document number and publicity end', async () => {
    const o = (await get('citizen-repairable', '/api/credit/overview')).json()
    assert.equal(o.score, 600 - 50 + 20)
    assert.equal(o.level, '一般')
    const penalty = o.factors.find((f: { points: number }) => f.points < 0)
    assert.match(penalty.reason, /^因“经营场所未保持疏散通道畅通”（杭上消行罚决字〔2026〕0128号）减 50 分，公示期到 \d{4} 年 \d{1,2} 月 \d{1,2} 日，期满后不再扣分$/)
  })

  it('a subject on the 严重失信 list is shown as such', async () => {
    const o = (await get('citizen-blacklist', '/api/credit/overview')).json()
    assert.deepEqual(o.blackList, ['失信被执行人名单'])
    assert.equal(o.level, '待提升')
  })

  it('a newcomer has the base score and no factors', async () => {
    const o = (await get('citizen-new', '/api/credit/overview')).json()
    assert.deepEqual([o.score, o.level, o.factors.length, o.counts.positive + o.counts.negative], [600, '良好', 0, 0])
  })

  it('an agent sees the enterprise with X-Subject, and another enterprise is 404', async () => {
    const own = await get('agent-yunqi', '/api/credit/overview', { 'x-subject': '91330106MA2H3K5Q7N' })
    assert.equal(own.statusCode, 200)
    assert.equal(own.json().subject.name, '杭州云栖数字科技有限公司')
    assert.deepEqual(own.json().redList, ['纳税信用A级'])
    const foreign = await get('agent-yunqi', '/api/credit/overview', { 'x-subject': '91330602MA2D8R6L1D' })
    assert.equal(foreign.statusCode, 404)
    const citizen = await get('citizen-red', '/api/credit/records', { 'x-subject': '91330106MA2H3K5Q7N' })
    assert.equal(citizen.statusCode, 404)
  })

  it('keeps a 12-month score history', async () => {
    const h = (await get('citizen-repairable', '/api/credit/score-history')).json()
    assert.equal(h.items.length, 12)
    assert.deepEqual(h.items.map((i: { month: string }) => i.month), [...h.items.map((i: { month: string }) => i.month)].sort())
    // the penalty was decided 150 days ago: months before it show the higher score
    assert.ok(h.items[0].score > h.items[11].score)
  })
})

describe('credit records', () => {
  it('lists the subject\'s own records with every field, newest first', async () => {
    const page = (await get('citizen-red', '/api/credit/records')).json()
    assert.equal(page.items.length, 3)
    assert.equal(page.nextCursor, null)
    const dates = page.items.map((r: { decisionDate: string }) => r.decisionDate)
    assert.deepEqual(dates, [...dates].sort().reverse())
    const r = page.items[0]
    for (const k of ['kind', 'polarity', 'title', 'department', 'legalBasis', 'decisionDate', 'publicityStart', 'publicityEnd', 'status']) assert.ok(k in r, k)
  })

  it('filters by kind, status and polarity', async () => {
    const honours = (await get('citizen-red', `/api/credit/records?kind=${encodeURIComponent('表彰奖励')}`)).json()
    assert.equal(honours.items.length, 2)
    const neg = (await get('citizen-red', '/api/credit/records?polarity=negative')).json()
    assert.equal(neg.items.length, 0)
    const bad = await get('citizen-red', '/api/credit/records?status=whatever')
    assert.equal(bad.statusCode, 400)
    assert.equal(bad.json().error.message, '记录状态不正确')
  })

  it('a record of another subject is 404, never 403', async () => {
    const res = await get('citizen-red', '/api/credit/records/rec-li-fire-penalty')
    assert.equal(res.statusCode, 404)
    const own = await get('citizen-repairable', '/api/credit/records/rec-li-fire-penalty')
    assert.equal(own.statusCode, 200)
    assert.equal(own.json().history[0].status, '公示中')
  })

  it('a forged cursor is a 400 with a Chinese message, on every paged list', async () => {
    for (const url of ['/api/credit/records?cursor=abc', '/api/me/access-log?cursor=abc', '/api/commitments?cursor=abc', '/api/public/commitments?cursor=abc']) {
      const res = await get('citizen-red', url)
      assert.equal(res.statusCode, 400, url)
      assert.equal(res.json().error.message, '分页参数无效，请刷新列表')
    }
  })

  it('pages have no duplicates or gaps while entries are inserted', async () => {
    const subjectId = 'person-zhou'
    const insert = (i: number, daysAgo: number) =>
      t.ctx.db.insertInto('credit_records').values({
        id: `page-${String(i).padStart(4, '0')}`, subject_id: subjectId, kind: '志愿服务', polarity: 'positive', severity: null,
        title: `志愿服务 ${i}`, department: '测试街道', document_no: null, legal_basis: null,
        decision_date: new Date(Date.now() - daysAgo * 86400_000).toISOString().slice(0, 10),
        publicity_start: '2026-01-01', publicity_end: null, list_kind: null, list_name: null,
      }).execute()
    for (let i = 0; i < 95; i++) await insert(i, 10 + (i % 30))
    const seen: string[] = []
    let cursor: string | null = null
    let n = 95
    do {
      const url: string = `/api/credit/records?limit=10${cursor ? `&cursor=${cursor}` : ''}`
      const page = (await get('citizen-new', url)).json()
      seen.push(...page.items.map((r: { id: string }) => r.id))
      cursor = page.nextCursor
      // newer entries arrive while the user scrolls: they appear at the top, not in the pages ahead
      await insert(n++, 0)
    } while (cursor)
    assert.equal(seen.length, 95)
    assert.equal(new Set(seen).size, 95)
  })
})

describe('access log', () => {
  it('a subject sees who read their record, and only their own log', async () => {
    await logAccess(t.ctx.db, { subjectId: 'person-li', reader: '杭州城市公共自行车服务有限公司', readerKind: 'partner', purpose: '信易租免押资格查验' })
    const mine = (await get('citizen-repairable', '/api/me/access-log')).json()
    assert.deepEqual(mine.items.map((i: { reader: string }) => i.reader), ['杭州城市公共自行车服务有限公司', '杭州市上城区市场监督管理局'])
    assert.equal(mine.items[0].readerKind, '合作机构')
    const other = (await get('citizen-serious', '/api/me/access-log')).json()
    assert.deepEqual(other.items, [])
    const ent = (await get('agent-yunqi', '/api/me/access-log', { 'x-subject': '91330106MA2H3K5Q7N' })).json()
    assert.equal(ent.items[0].purpose, '政府采购供应商信用审查')
  })
})

describe('nobody sees what is not theirs', () => {
  const routes = ['/api/credit/overview', '/api/credit/records', '/api/credit/records/rec-yunqi-tax-a', '/api/credit/score-history', '/api/me/access-log']
  it('every credit route answers 404 for an enterprise the caller is not bound to', async () => {
    for (const url of routes) {
      const res = await get('agent-jianhu', url, { 'x-subject': '91330106MA2H3K5Q7N' })
      assert.equal(res.statusCode, 404, url)
      assert.match(res.json().error.message, /不存在或无权查看/)
    }
  })

  it('a record of another subject is 404 even for a bound agent, and without X-Subject the agent sees only their own records', async () => {
    assert.equal((await get('agent-yunqi', '/api/credit/records/rec-jianhu-label', { 'x-subject': '91330106MA2H3K5Q7N' })).statusCode, 404)
    assert.equal((await get('agent-yunqi', '/api/credit/records/rec-yunqi-tax-a')).statusCode, 404)
    assert.deepEqual((await get('agent-yunqi', '/api/credit/records')).json().items, [])
  })

  it('every credit route needs a login', async () => {
    for (const url of routes) assert.equal((await t.app.inject(url)).statusCode, 401, url)
  })
})
