import assert from 'node:assert/strict'
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, describe, it } from 'node:test'
import { currentVersion, migrate, migrationFiles } from './migrate'
import { seed } from './seed'
import { lockDataDir } from './lock'
import { startTestApp } from '../testing/app'
import { enterprises, personas } from '../../mock/personas'
import { records } from '../../mock/records'
import { isValidIdNumber } from '../../src/domain/id-number'
import { isValidUscc } from '../../src/domain/uscc'

const root = path.resolve(__dirname, '..', '..')
const children: ChildProcess[] = []
const dirs: string[] = []
after(() => {
  children.forEach((c) => c.exitCode === null && c.kill('SIGKILL'))
  dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true }))
})

/** Starts the real server as its own process on the embedded database. */
function server(dataDir: string) {
  const env = { ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: '', STATIC_DIR: path.join(dataDir, 'no-h5') }
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] })
  children.push(child)
  let output = ''
  child.stdout!.on('data', (d) => (output += d))
  child.stderr!.on('data', (d) => (output += d))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  const waitFor = async (pattern: RegExp, ms = 60_000) => {
    const end = Date.now() + ms
    while (!pattern.test(output)) {
      if (child.exitCode !== null || Date.now() > end) throw new Error(`did not see ${pattern}; output:\n${output}`)
      await new Promise((r) => setTimeout(r, 100))
    }
  }
  return { child, exited, waitFor, output: () => output }
}

const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'creditpass-db-'))
  dirs.push(d)
  return d
}

describe('embedded database process safety', () => {
  it('a second server on the same data dir refuses to start with a clear message; SIGTERM stops the first cleanly', async () => {
    const dir = tmp()
    const first = server(dir)
    await first.waitFor(/信用通已启动/)
    const second = server(dir)
    assert.equal(await second.exited, 2)
    assert.match(second.output(), /正在被另一个服务进程（pid \d+）使用/)
    first.child.kill('SIGTERM')
    assert.equal(await first.exited, 0)
    assert.equal(fs.existsSync(path.join(dir, 'server.pid')), false, 'lock released')
    // and the data survived: a new start sees the seeded database without seeding again
    const third = server(dir)
    await third.waitFor(/信用通已启动/)
    assert.doesNotMatch(third.output(), /已载入演示数据/)
    third.child.kill('SIGTERM')
    assert.equal(await third.exited, 0)
  })

  it('a kill -9 during first-run initialisation leaves nothing half-done', async () => {
    const dir = tmp()
    const victim = server(dir)
    // initdb is under way once its temporary directory exists
    const end = Date.now() + 30_000
    while (!fs.existsSync(dir) || !fs.readdirSync(dir).some((f) => f.startsWith('pg.init-'))) {
      assert.ok(Date.now() < end, 'initialisation never started')
      await new Promise((r) => setTimeout(r, 20))
    }
    victim.child.kill('SIGKILL')
    await victim.exited
    assert.equal(fs.existsSync(path.join(dir, 'pg', 'PG_VERSION')), false)
    const next = server(dir)
    await next.waitFor(/信用通已启动/)
    assert.match(next.output(), /已载入演示数据/)
    assert.equal(fs.readdirSync(dir).some((f) => f.startsWith('pg.init-')), false)
    next.child.kill('SIGTERM')
    assert.equal(await next.exited, 0)
  })

  it('a lock left by a dead process does not block a start', () => {
    const dir = tmp()
    fs.writeFileSync(path.join(dir, 'server.pid'), '999999')
    const release = lockDataDir(dir)
    assert.equal(fs.readFileSync(path.join(dir, 'server.pid'), 'utf8'), String(process.pid))
    release()
  })
})

describe('migrations and demo data', () => {
  it('migrations and seeding run twice without change', async () => {
    const t = await startTestApp()
    try {
      const before = await currentVersion(t.ctx.db)
      assert.equal(before, migrationFiles().at(-1)!.version)
      assert.equal(await migrate(t.ctx.db), before)
      await seed(t.ctx.db)
      const users = await t.ctx.db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()
      const records = await t.ctx.db.selectFrom('credit_records').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()
      await seed(t.ctx.db)
      const users2 = await t.ctx.db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()
      const records2 = await t.ctx.db.selectFrom('credit_records').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()
      assert.deepEqual([users2.n, records2.n], [users.n, records.n])
    } finally {
      await t.close()
    }
  })

  it('record dates are relative to the day of seeding', async () => {
    const t = await startTestApp()
    try {
      await seed(t.ctx.db, new Date('2030-06-15T12:00:00Z'))
      const r = await t.ctx.db.selectFrom('credit_records').select(['decision_date', 'publicity_end']).where('id', '=', 'rec-li-fire-penalty').executeTakeFirstOrThrow()
      assert.equal(r.decision_date, '2030-01-16') // 150 days before
      assert.equal(r.publicity_end, '2031-01-16') // 一般: 12 months
    } finally {
      await t.close()
    }
  })
})

describe('demo data set', () => {
  it('every ID number and USCC in mock/ is valid, and every record belongs to a known subject', () => {
    for (const p of personas) assert.ok(isValidIdNumber(p.subject.identifier), p.subject.identifier)
    for (const e of enterprises) assert.ok(isValidUscc(e.identifier), e.identifier)
    const ids = new Set([...personas.map((p) => p.subject.id), ...enterprises.map((e) => e.id)])
    for (const r of records) assert.ok(ids.has(r.subjectId), r.id)
  })

  it('covers the situations the demo needs', () => {
    const negative = (sev: string) => records.some((r) => r.polarity === 'negative' && r.severity === sev)
    assert.ok(records.some((r) => r.listKind === 'red'))
    assert.ok(records.some((r) => r.listKind === 'black'))
    assert.ok(negative('一般') && negative('严重') && negative('轻微'))
    assert.ok(personas.some((p) => !records.some((r) => r.subjectId === p.subject.id)), 'a newcomer without entries')
    for (const role of ['verifier', 'rental_partner', 'organizer', 'officer']) assert.ok(personas.some((p) => p.roles.includes(role)), role)
    assert.equal(personas.filter((p) => p.agentOf?.length).length, 2)
  })
})
