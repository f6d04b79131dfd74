import assert from 'node:assert/strict'
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, describe, it } from 'node:test'
import { currentVersion, migrate, migrationFiles } from './migrate'
import { seed } from './seed'
import { lockDataDir } from './lock'
import { FALLBACK_ROOT, binaries, canEnter, postgresUser, removeOutsideCluster, runningPostmaster } from './embedded'
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
  for (const d of dirs) {
    const cluster = clusterDirOf(d)
    const pid = runningPostmaster(cluster)
    if (pid) process.kill(pid, 'SIGKILL')
    removeOutsideCluster(d)
    fs.rmSync(d, { recursive: true, force: true })
  }
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
  const waitFor = async (pattern: RegExp, ms = 90_000) => {
    const end = Date.now() + ms
    while (!pattern.test(output)) {
      if (child.exitCode !== null || Date.now() > end) throw new Error(`did not see ${pattern}; output:\n${output}`)
      await new Promise((r) => setTimeout(r, 100))
    }
  }
  const health = async () => {
    const port = output.match(/信用通已启动：http:\/\/127\.0\.0\.1:(\d+)/)![1]
    return (await fetch(`http://127.0.0.1:${port}/api/health`)).json()
  }
  return { child, exited, waitFor, health, output: () => output }
}

/** A data directory as `mktemp -d` makes it: mode 700, which the postgres OS user cannot enter. */
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'creditpass-db-'))
  dirs.push(d)
  return d
}

/** Where the cluster of a data directory lives (DATA_DIR/pg, or the place recorded in it). */
function clusterDirOf(dataDir: string) {
  const record = path.join(dataDir, 'pg-location')
  return path.join(fs.existsSync(record) ? fs.readFileSync(record, 'utf8').trim() : dataDir, 'pg')
}

/** A live process (zombies do not count): what `ps` would show. */
function running(pid: number) {
  try {
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'))
  } catch {
    return false
  }
}

/** The postmaster and its children, found through /proc while they run. */
function postgresProcesses(postmaster: number): number[] {
  const found = [postmaster]
  for (const p of fs.readdirSync('/proc').filter((x) => /^\d+$/.test(x))) {
    try {
      const ppid = Number(fs.readFileSync(`/proc/${p}/stat`, 'utf8').replace(/^.*\) /, '').split(' ')[1])
      if (ppid === postmaster) found.push(Number(p))
    } catch {
      /* gone */
    }
  }
  return found
}

const asRoot = process.getuid?.() === 0

describe('embedded PostgreSQL server', () => {
  it('a second server on the same data dir refuses to start with a clear message; SIGTERM stops PostgreSQL and leaves no process', async () => {
    const dir = tmp()
    const first = server(dir)
    await first.waitFor(/信用通已启动/)
    const health = await first.health()
    assert.equal(health.database, 'embedded')
    assert.match(health.databaseVersion, /^17\./)
    const postmaster = runningPostmaster(clusterDirOf(dir))!
    assert.ok(postmaster, 'postmaster.pid names a running postgres of this cluster')
    const processes = postgresProcesses(postmaster)
    assert.ok(processes.length > 1, 'postmaster with its background processes')
    const second = server(dir)
    assert.equal(await second.exited, 2)
    assert.match(second.output(), /正在被另一个服务进程（pid \d+）使用/)
    assert.equal(runningPostmaster(clusterDirOf(dir)), postmaster, 'the refused start left the running PostgreSQL alone')
    first.child.kill('SIGTERM')
    assert.equal(await first.exited, 0)
    assert.deepEqual(processes.filter(running), [], 'no postgres process of this cluster is left')
    assert.equal(fs.existsSync(path.join(dir, 'server.pid')), false, 'lock released')
    // and the data survived: a new start sees the seeded database without seeding again
    const third = server(dir)
    await third.waitFor(/信用通已启动/)
    assert.doesNotMatch(third.output(), /已载入演示数据/)
    third.child.kill('SIGTERM')
    assert.equal(await third.exited, 0)
  })

  it('after a kill -9 of the API the next start stops the PostgreSQL left running and starts', async () => {
    const dir = tmp()
    const victim = server(dir)
    await victim.waitFor(/信用通已启动/)
    const stale = runningPostmaster(clusterDirOf(dir))!
    victim.child.kill('SIGKILL')
    await victim.exited
    assert.ok(running(stale), 'the postmaster outlives the API')
    const next = server(dir)
    await next.waitFor(/信用通已启动/)
    assert.match(next.output(), new RegExp(`发现上次未正常停止的 PostgreSQL（pid ${stale}）`))
    assert.equal(running(stale), false)
    assert.equal((await next.health()).database, 'embedded')
    assert.doesNotMatch(next.output(), /已载入演示数据/, 'same data as before')
    next.child.kill('SIGTERM')
    assert.equal(await next.exited, 0)
  })

  it('a kill -9 during first-run initialisation leaves nothing half-done', async () => {
    const dir = tmp()
    const victim = server(dir)
    // initdb is under way once its temporary directory exists
    const end = Date.now() + 60_000
    const initDir = () => {
      const base = path.dirname(clusterDirOf(dir))
      return fs.existsSync(base) && fs.readdirSync(base).some((f) => f.startsWith('pg.init-'))
    }
    while (!initDir()) {
      assert.ok(Date.now() < end, 'initialisation never started')
      await new Promise((r) => setTimeout(r, 20))
    }
    victim.child.kill('SIGKILL')
    await victim.exited
    assert.equal(fs.existsSync(path.join(clusterDirOf(dir), 'PG_VERSION')), false)
    const next = server(dir)
    await next.waitFor(/信用通已启动/)
    assert.match(next.output(), /已载入演示数据/)
    assert.equal(initDir(), false, 'the temporary directory is gone')
    next.child.kill('SIGTERM')
    assert.equal(await next.exited, 0)
  })

  it('keeps the cluster where the postgres user can reach it when DATA_DIR sits in a mode-700 directory', { skip: !asRoot && 'only as root' }, async () => {
    const parent = tmp() // mode 700, like root's home or `mktemp -d`
    assert.equal(fs.statSync(parent).mode & 0o777, 0o700)
    const dir = path.join(parent, 'data')
    const s = server(dir)
    await s.waitFor(/信用通已启动/)
    const cluster = clusterDirOf(dir)
    assert.ok(cluster.startsWith(FALLBACK_ROOT + path.sep), cluster)
    assert.match(s.output(), /postgres 用户无法进入数据目录/)
    assert.equal(fs.statSync(path.join(dir, 'pg-password')).mode & 0o777, 0o600, 'password readable by its owner only')
    s.child.kill('SIGTERM')
    assert.equal(await s.exited, 0)
    // the recorded place is used again, and said so
    const again = server(dir)
    await again.waitFor(/信用通已启动/)
    assert.match(again.output(), new RegExp(`PostgreSQL 数据不在数据目录中，而在 ${path.dirname(cluster)}`))
    assert.doesNotMatch(again.output(), /已载入演示数据/)
    again.child.kill('SIGTERM')
    assert.equal(await again.exited, 0)
    removeOutsideCluster(dir)
    assert.equal(fs.existsSync(cluster), false)
  })

  it('keeps the cluster in DATA_DIR/pg when the postgres user can reach it', async () => {
    const dir = tmp()
    fs.chmodSync(dir, 0o755)
    const s = server(dir)
    await s.waitFor(/信用通已启动/)
    assert.equal(fs.existsSync(path.join(dir, 'pg-location')), false)
    assert.equal(clusterDirOf(dir), path.join(dir, 'pg'))
    assert.ok(fs.existsSync(path.join(dir, 'pg', 'PG_VERSION')))
    s.child.kill('SIGTERM')
    assert.equal(await s.exited, 0)
  })

  it('uses a reachable copy of the PostgreSQL programs when the postgres user cannot enter node_modules', { skip: !asRoot && 'only as root' }, () => {
    // a checkout inside root's home: the package directory sits below a mode-700 directory
    const home = tmp()
    const native = path.join(home, 'pkg', 'native')
    fs.mkdirSync(path.join(native, 'bin'), { recursive: true })
    fs.writeFileSync(path.join(native, 'bin', 'postgres'), '#!/bin/sh\n', { mode: 0o755 })
    fs.symlinkSync('postgres', path.join(native, 'bin', 'postmaster'))
    const version = `0.0.0-test-${process.pid}`
    fs.writeFileSync(path.join(home, 'pkg', 'package.json'), JSON.stringify({ version }))
    const copy = path.join(FALLBACK_ROOT, `postgresql-${version}`)
    const logged: string[] = []
    try {
      const user = postgresUser()!
      assert.equal(canEnter(path.join(native, 'bin'), user), false)
      const bin = binaries(user, (m) => logged.push(m), native)
      assert.equal(bin, path.join(copy, 'bin'))
      assert.ok(canEnter(bin, user), 'the postgres user can enter the copy')
      assert.equal(fs.readlinkSync(path.join(bin, 'postmaster')), 'postgres', 'symlinks kept')
      assert.match(logged.join('\n'), /已把 PostgreSQL 程序复制到/)
      assert.equal(binaries(user, (m) => logged.push(m), native), bin, 'copied once')
      assert.equal(logged.length, 1)
    } finally {
      fs.rmSync(copy, { recursive: true, force: true })
    }
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
