import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { RECORD_EVENTS, TRANSITIONS, type ActorKind, type RecordEvent, type RecordStatus } from '../../src/domain/lifecycle'
import { startTestApp, type TestApp } from '../testing/app'
import { AppError } from '../http/errors'
import { createRecord, SYSTEM_ACTOR, transition, type Actor } from './lifecycle'

let t: TestApp
before(async () => {
  t = await startTestApp()
})
after(() => t.close())

const officer: Actor = { kind: 'officer', id: 'user-officer', name: '市场监督管理局' }
const subject: Actor = { kind: 'subject', id: 'user-li', name: '信用主体本人' }
const ACTORS: Record<ActorKind, Actor> = { officer, subject, system: SYSTEM_ACTOR }

/** A fresh 一般 penalty record for person-li; an old decision date makes its publicity already over. */
async function newRecord(decisionDate = '2026-01-10') {
  const { id } = await createRecord(
    t.ctx.db,
    { subjectId: 'person-li', kind: '行政处罚', polarity: 'negative', severity: '一般', title: '测试处罚', content: '', department: '市场监督管理局', documentNo: null, legalBasis: null, decisionDate },
    officer,
  )
  return id
}

/** The path from 公示中 to each status, through the module itself. */
const PATHS: Record<RecordStatus, { event: RecordEvent; actor: Actor }[]> = {
  公示中: [],
  异议中: [{ event: 'file_objection', actor: subject }],
  已更正: [{ event: 'file_objection', actor: subject }, { event: 'correct', actor: officer }],
  已撤销: [{ event: 'file_objection', actor: subject }, { event: 'revoke', actor: officer }],
  已修复: [{ event: 'approve_repair', actor: officer }],
  已到期: [{ event: 'expire', actor: SYSTEM_ACTOR }],
}

async function recordIn(status: RecordStatus) {
  const id = await newRecord('2020-01-10')
  for (const step of PATHS[status]) await transition(t.ctx.db, { recordId: id, ...step })
  return id
}

const state = async (id: string) => {
  const r = await t.ctx.db.selectFrom('credit_records').select('status').where('id', '=', id).executeTakeFirstOrThrow()
  const events = await t.ctx.db.selectFrom('credit_record_events').selectAll().where('record_id', '=', id).orderBy('at').execute()
  return { status: r.status, events }
}

describe('record lifecycle on the database', () => {
  it('publishes a new record with its first event: who, when, why', async () => {
    const id = await newRecord()
    const s = await state(id)
    assert.equal(s.status, '公示中')
    assert.equal(s.events.length, 1)
    assert.deepEqual(
      { actor: s.events[0].actor, kind: s.events[0].actor_kind, by: s.events[0].actor_id, event: s.events[0].event, from: s.events[0].from_status, to: s.events[0].status },
      { actor: '市场监督管理局', kind: 'officer', by: 'user-officer', event: 'publish', from: null, to: '公示中' },
    )
    assert.ok(s.events[0].reason.length > 0)
  })

  it('refuses an unknown record kind', async () => {
    await assert.rejects(
      createRecord(t.ctx.db, { subjectId: 'person-li', kind: '随便写的', polarity: 'negative', severity: '一般', title: 'x', content: '', department: 'd', documentNo: null, legalBasis: null, decisionDate: '2026-01-10' }, officer),
      (e: AppError) => e.status === 400 && e.code === 'UNKNOWN_RECORD_KIND',
    )
  })

  for (const status of Object.keys(PATHS) as RecordStatus[]) {
    it(`from ${status}: every event not allowed is refused and leaves no trace`, async () => {
      const id = await recordIn(status)
      const before = await state(id)
      for (const event of RECORD_EVENTS) {
        for (const actorKind of Object.keys(ACTORS) as ActorKind[]) {
          const rule = TRANSITIONS[event]
          if (rule.from.includes(status) && rule.by.includes(actorKind)) continue
          await assert.rejects(transition(t.ctx.db, { recordId: id, event, actor: ACTORS[actorKind] }), (e: AppError) => e instanceof AppError && e.status >= 400 && e.status < 500, `${status} ${event} by ${actorKind}`)
        }
      }
      assert.deepEqual(await state(id), before)
    })
  }

  it('each allowed move changes the status and appends one event with who and why', async () => {
    const id = await newRecord()
    const r = await transition(t.ctx.db, { recordId: id, event: 'file_objection', actor: subject, reason: '处罚对象不是本人' })
    assert.deepEqual(r, { id, from: '公示中', to: '异议中' })
    const s = await state(id)
    assert.equal(s.status, '异议中')
    const last = s.events.at(-1)!
    assert.deepEqual([last.event, last.from_status, last.status, last.actor_kind, last.actor_id, last.reason], ['file_objection', '公示中', '异议中', 'subject', 'user-li', '处罚对象不是本人'])
  })

  it('a record still in publicity cannot expire', async () => {
    const id = await newRecord(new Date().toISOString().slice(0, 10))
    await assert.rejects(transition(t.ctx.db, { recordId: id, event: 'expire', actor: SYSTEM_ACTOR }), (e: AppError) => e.code === 'NOT_EXPIRED')
  })

  it('a law-excluded kind cannot be repaired; an unknown record is 404', async () => {
    await assert.rejects(transition(t.ctx.db, { recordId: 'rec-sun-judgment-debtor', event: 'approve_repair', actor: officer }), (e: AppError) => e.code === 'REPAIR_FORBIDDEN')
    await assert.rejects(transition(t.ctx.db, { recordId: 'no-such-record', event: 'file_objection', actor: subject }), (e: AppError) => e.status === 404)
  })

  it("runs inside the caller's transaction: a rollback leaves neither status nor event", async () => {
    const id = await newRecord()
    await assert.rejects(
      t.ctx.db.transaction().execute(async (trx) => {
        await transition(trx, { recordId: id, event: 'file_objection', actor: subject })
        throw new Error('caller failed after the change')
      }),
      /caller failed/,
    )
    const s = await state(id)
    assert.equal(s.status, '公示中')
    assert.equal(s.events.length, 1)
  })

  it('20 concurrent changes of one record: exactly one applies, the others get 409', async () => {
    const id = await newRecord()
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        t.ctx.db.transaction().execute((trx) => transition(trx, { recordId: id, event: i % 2 ? 'file_objection' : 'approve_repair', actor: i % 2 ? subject : officer })),
      ),
    )
    const ok = results.filter((r) => r.status === 'fulfilled')
    assert.equal(ok.length, 1)
    for (const r of results) if (r.status === 'rejected') assert.equal((r.reason as AppError).status, 409)
    const s = await state(id)
    assert.equal(s.events.length, 2)
    assert.equal(s.status, (ok[0] as PromiseFulfilledResult<{ to: string }>).value.to)
  })
})

describe('only the records module writes record status and events', () => {
  it('no other server module updates credit_records or inserts into credit_record_events', () => {
    const root = path.join(__dirname, '..')
    const offenders: string[] = []
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, e.name)
        if (e.isDirectory()) walk(full)
        else if (/\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name)) {
          const rel = path.relative(root, full)
          // the records module is the writer; the seed loads the demo data set
          if (rel.startsWith('records' + path.sep) || rel === path.join('db', 'seed.ts')) continue
          const src = fs.readFileSync(full, 'utf8')
          if (/updateTable\(\s*['"]credit_records['"]|insertInto\(\s*['"]credit_record(s|_events)['"]|update\s+credit_records|insert\s+into\s+credit_record/i.test(src)) offenders.push(rel)
        }
      }
    }
    walk(root)
    assert.deepEqual(offenders, [])
  })
})
