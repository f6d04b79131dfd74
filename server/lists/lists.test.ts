import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { personas } from '../../mock/personas'
import { startTestApp, type TestApp } from '../testing/app'

let t: TestApp
before(async () => {
  t = await startTestApp()
})
after(() => t.close())

const lookup = (query: string) => t.app.inject({ url: `/api/public/lists?${query}` })
type Hit = { id: string; subject: { kind: string; name: string; identifier: string }; listName: string; department: string; legalBasis: string; listedOn: string; publicityEnd: string | null }
const items = async (query: string) => {
  const res = await lookup(query)
  assert.equal(res.statusCode, 200, res.body)
  return res.json().items as Hit[]
}

describe('public red and black list lookup (no login)', () => {
  it('with an empty search, the red list shows enterprises newest first, each with department, basis, date and end of publicity', async () => {
    const red = await items('list=red')
    assert.deepEqual(red.map((h) => h.subject.name), ['杭州绿源环保科技有限公司', '杭州云栖数字科技有限公司', '绍兴鉴湖酿造有限公司'])
    const model = red[0]
    assert.deepEqual([model.listName, model.department, model.subject.identifier], ['诚信典型', '杭州市发展和改革委员会', '91330105MA2J7T4W3E'])
    assert.match(model.legalBasis, /公共信用信息管理条例/)
    assert.ok(model.listedOn < model.publicityEnd!)
  })

  it('persons appear only on lists the law publishes, and masked', async () => {
    const red = await items('list=red')
    assert.ok(red.every((h) => h.subject.kind === 'enterprise'), 'a person honoured on the red list is not published here')
    const res = await lookup('list=black')
    const black = res.json().items as Hit[]
    const sun = personas.find((p) => p.persona === 'citizen-blacklist')!.subject
    const person = black.find((h) => h.subject.kind === 'person')!
    assert.deepEqual([person.subject.name, person.listName], ['孙*', '失信被执行人名单'])
    assert.equal(person.subject.identifier, sun.identifier.slice(0, 6) + '********' + sun.identifier.slice(-4))
    assert.ok(!res.body.includes(sun.identifier) && !res.body.includes(sun.name))
    assert.ok(black.some((h) => h.subject.name === '浙江恒信建设工程有限公司' && h.listName === '拖欠农民工工资失信联合惩戒对象名单'))
  })

  it('finds an enterprise by part of its name or by its USCC (any case); a wrong check digit is a Chinese 400', async () => {
    assert.deepEqual((await items(`list=black&q=${encodeURIComponent('恒信')}`)).map((h) => h.subject.name), ['浙江恒信建设工程有限公司'])
    assert.deepEqual((await items('list=red&q=91330105ma2j7t4w3e')).map((h) => h.subject.name), ['杭州绿源环保科技有限公司'])
    assert.deepEqual(await items('list=black&q=91330105MA2J7T4W3E'), [])
    const wrong = await lookup('list=red&q=91330105MA2J7T4W3F')
    assert.deepEqual([wrong.statusCode, wrong.json().error.code], [400, 'INVALID_USCC'])
    assert.match(wrong.json().error.message, /校验位不正确/)
    for (const q of ['list=grey', 'q=abc', `list=red&q=${'字'.repeat(51)}`, 'list=red&cursor=garbage']) {
      const res = await lookup(q)
      assert.equal(res.statusCode, 400, q)
      assert.match(res.json().error.message, /[\u4e00-\u9fa5]/)
    }
  })

  it('ids are opaque; pages follow the cursor without gaps or repeats', async () => {
    const db = t.ctx.db
    for (let i = 0; i < 25; i++) {
      const day = `2026-0${1 + (i % 9)}-1${i % 10}`
      await db.insertInto('credit_records').values({
        id: `rec-extra-${i}`, subject_id: 'ent-yunqi', kind: '表彰奖励', polarity: 'positive', severity: null, title: `守信激励对象 ${i}`,
        department: '杭州市发展和改革委员会', legal_basis: '《浙江省公共信用信息管理条例》', decision_date: day, publicity_start: day,
        publicity_end: '2029-01-01', list_kind: 'red', list_name: '守信激励对象',
      }).execute()
    }
    const first = (await lookup('list=red')).json()
    assert.equal(first.items.length, 20)
    const second = (await lookup(`list=red&cursor=${first.nextCursor}`)).json()
    const ids = [...first.items, ...second.items].map((h: Hit) => h.id)
    assert.equal(ids.length, 28)
    assert.equal(new Set(ids).size, 28)
    assert.equal(second.nextCursor, null)
    assert.ok(ids.every((id) => /^[A-Za-z0-9_-]{22}$/.test(id) && !id.includes('rec')))
  })

  it('an entry under objection is no longer shown', async () => {
    await t.ctx.db.updateTable('credit_records').set({ status: '异议中' }).where('id', '=', 'rec-hengxin-wages').execute()
    assert.deepEqual(await items(`list=black&q=${encodeURIComponent('恒信')}`), [])
  })
})
