// A crash at the worst moment of a unit of work (http/idempotency.ts `inUnitOfWork`): the real server
// runs as its own process and kills itself (SIGKILL, the test-only crash points) right after the
// write committed, or right before, and the client retries with the same Idempotency-Key on the
// restarted server. Then a kill -9 in the middle of a burst of 200 concurrent writes.
// On the embedded PostgreSQL the server starts itself; with DATABASE_URL on a fresh clone of the test
// template there (the server process dies, that PostgreSQL keeps running, as in production).
// Each test reports its faults for `npm run reliability` (a `reliability {…}` diagnostic).
import assert from 'node:assert/strict'
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, describe, it } from 'node:test'
import pg from 'pg'
import { APP_DATABASE, removeOutsideCluster, runningPostmaster } from '../db/embedded'
import { cloneTestDatabase } from '../testing/databases'

const root = path.resolve(__dirname, '..', '..')
const ROUTE = '/api/me/authorizations'
const children: ChildProcess[] = []
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'creditpass-uow-'))
/** set when DATABASE_URL names a PostgreSQL server: the database every server of this file uses */
let external: Awaited<ReturnType<typeof cloneTestDatabase>> | undefined

function clusterDir() {
  const record = path.join(dataDir, 'pg-location')
  return path.join(fs.existsSync(record) ? fs.readFileSync(record, 'utf8').trim() : dataDir, 'pg')
}

after(async () => {
  children.forEach((c) => c.exitCode === null && c.kill('SIGKILL'))
  await external?.drop()
  const pid = runningPostmaster(clusterDir())
  if (pid) process.kill(pid, 'SIGKILL')
  removeOutsideCluster(dataDir)
  fs.rmSync(dataDir, { recursive: true, force: true })
})

/** Starts the real server on the shared DATA_DIR (embedded PostgreSQL) and waits until it listens. */
async function start(crash: Record<string, string> = {}) {
  if (process.env.DATABASE_URL && !external) external = await cloneTestDatabase()
  const env = { ...process.env, NODE_ENV: 'test', DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: external?.url ?? '', STATIC_DIR: path.join(dataDir, 'no-h5'), ...crash }
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] })
  children.push(child)
  let output = ''
  child.stdout!.on('data', (d) => (output += d))
  child.stderr!.on('data', (d) => (output += d))
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)))
  const end = Date.now() + 180_000
  let port: string | undefined
  while (!(port = output.match(/信用通已启动：http:\/\/127\.0\.0\.1:(\d+)/)?.[1])) {
    if (child.exitCode !== null || Date.now() > end) throw new Error(`server did not start; output:\n${output}`)
    await new Promise((r) => setTimeout(r, 100))
  }
  const base = `http://127.0.0.1:${port}`
  const call = async (method: string, url: string, token?: string, body?: unknown, key?: string) => {
    const res = await fetch(base + url, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}), ...(key ? { 'idempotency-key': key } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    return { status: res.status, replayed: res.headers.get('idempotent-replayed'), json: (await res.json()) as Record<string, unknown> }
  }
  const login = async () => (await call('POST', '/api/auth/sandbox/login', undefined, { persona: 'citizen-red' })).json.accessToken as string
  const stop = async () => {
    child.kill('SIGTERM')
    await exited
  }
  const kill = () => child.kill('SIGKILL')
  return { call, login, exited, stop, kill }
}

const authorise = { incentiveId: 'rental-bike', days: 30 }

/** Reads the running server's database directly (the embedded one: port from postmaster.pid). */
async function query<T>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = external ? new pg.Client({ connectionString: external.url }) : embeddedClient()
  await client.connect()
  try {
    return (await client.query(text, values)).rows as T[]
  } finally {
    await client.end()
  }
}

function embeddedClient() {
  const port = fs.readFileSync(path.join(clusterDir(), 'postmaster.pid'), 'utf8').split('\n')[3].trim()
  const password = fs.readFileSync(path.join(dataDir, 'pg-password'), 'utf8').trim()
  return new pg.Client({ host: '127.0.0.1', port: Number(port), user: 'postgres', password, database: APP_DATABASE })
}

describe('unit of work: the idempotency key commits with the write', () => {
  it('killed right after the commit, the retry with the same key replays the original answer and one row exists; killed before the commit, the retry writes exactly once', { timeout: 600_000 }, async (t) => {
    // 1. The write commits, then the process dies before answering.
    let server = await start({ CREDITPASS_TEST_CRASH_AFTER_COMMIT: ROUTE })
    let token = await server.login()
    assert.equal((await server.call('POST', '/api/incentives/rental-bike/claims', token)).status, 201)
    await assert.rejects(server.call('POST', ROUTE, token, authorise, 'crash-after-commit-1'), 'no answer: the server died')
    assert.equal(await server.exited, 'SIGKILL')

    // 2. Restarted: the retry replays what the first attempt committed; nothing is written twice.
    server = await start({ CREDITPASS_TEST_CRASH_BEFORE_COMMIT: ROUTE })
    token = await server.login()
    let list = await server.call('GET', ROUTE, token)
    assert.equal((list.json.items as unknown[]).length, 1, 'the first attempt committed its authorisation')
    const committedId = (list.json.items as { id: string }[])[0].id
    const retry = await server.call('POST', ROUTE, token, authorise, 'crash-after-commit-1')
    assert.deepEqual([retry.status, retry.replayed, retry.json.id, retry.json.statusText], [201, 'true', committedId, '授权中'])
    list = await server.call('GET', ROUTE, token)
    assert.equal((list.json.items as unknown[]).length, 1, 'the retry wrote nothing')

    // 3. A new request dies inside its transaction, before the commit: nothing of it is kept, key included.
    await assert.rejects(server.call('POST', ROUTE, token, { ...authorise, days: 7 }, 'crash-before-commit-2'), 'no answer: the server died')
    assert.equal(await server.exited, 'SIGKILL')

    server = await start()
    token = await server.login()
    list = await server.call('GET', ROUTE, token)
    assert.equal((list.json.items as unknown[]).length, 1, 'the rolled-back attempt left no row')
    // The retry is not told "in flight" (409): the key died with the transaction, so it runs once now.
    const again = await server.call('POST', ROUTE, token, { ...authorise, days: 7 }, 'crash-before-commit-2')
    assert.deepEqual([again.status, again.replayed], [201, null])
    const replay = await server.call('POST', ROUTE, token, { ...authorise, days: 7 }, 'crash-before-commit-2')
    assert.deepEqual([replay.status, replay.replayed, replay.json.id], [201, 'true', again.json.id])
    list = await server.call('GET', ROUTE, token)
    const items = list.json.items as { id: string; status: string }[]
    assert.equal(items.length, 2, 'one row per key')
    assert.deepEqual(items.filter((i) => i.status === 'active').map((i) => i.id), [again.json.id])
    await server.stop()
    t.diagnostic(`reliability ${JSON.stringify({ faults: 2, survived: 2, lost: 0, duplicated: 0 })}`)
  })

  it('killed -9 in the middle of a burst of 200 concurrent writes: after replaying all 200 keys every key has exactly one effect and no row is half-written', { timeout: 600_000 }, async (t) => {
    const BURST = 200
    let server = await start()
    let token = await server.login()
    const claim = await server.call('POST', '/api/incentives/rental-bike/claims', token)
    assert.ok([201, 409].includes(claim.status), `the grant: ${claim.status}`)
    const [{ since }] = await query<{ since: Date }>('select now() as since')
    const keys = Array.from({ length: BURST }, (_, i) => `burst-${String(i).padStart(3, '0')}`)

    // 1. All 200 at once; the process dies (SIGKILL from outside) once 20 have been answered.
    const acknowledged = new Map<string, string>()
    const burst = keys.map((key) =>
      server.call('POST', ROUTE, token, authorise, key).then((r) => {
        assert.equal(r.status, 201, `${key}: ${JSON.stringify(r.json)}`)
        acknowledged.set(key, r.json.id as string)
        if (acknowledged.size === 20) server.kill()
      }),
    )
    const settled = await Promise.allSettled(burst)
    assert.equal(await server.exited, 'SIGKILL')
    const lost = settled.filter((s) => s.status === 'rejected').length
    assert.ok(acknowledged.size >= 20 && lost > 0, `${acknowledged.size} answered, ${lost} cut off: the kill fell in the middle of the burst`)

    // 2. Restarted: the client retries all 200 with the same keys, concurrently again.
    server = await start()
    token = await server.login()
    const retried = await Promise.all(keys.map((key) => server.call('POST', ROUTE, token, authorise, key)))
    const ids = new Map<string, string>()
    retried.forEach((r, i) => {
      assert.equal(r.status, 201, `${keys[i]} retried: ${r.status} ${JSON.stringify(r.json)}`)
      ids.set(keys[i], r.json.id as string)
    })
    // An answered write replays what was answered; the retry creates nothing new for it.
    for (const [key, id] of acknowledged) assert.deepEqual([key, ids.get(key)], [key, id])
    const replays = retried.filter((r) => r.replayed === 'true').length
    assert.ok(replays >= acknowledged.size, `${replays} replays, ${acknowledged.size} acknowledged`)
    assert.equal(new Set(ids.values()).size, BURST, 'one distinct authorisation per key')
    t.diagnostic(`${acknowledged.size} answered before the kill, ${lost} cut off; on the retry ${replays} replayed, ${BURST - replays} written`)

    // 3. In the database: one row per key and none besides; every key done and pointing at its row.
    const rows = await query<{ id: string }>("select id from authorizations where subject_id = 'person-chen' and created_at >= $1", [since])
    const written = new Set(rows.map((r) => r.id))
    const lostRows = [...ids.values()].filter((id) => !written.has(id)).length
    t.diagnostic(`reliability ${JSON.stringify({ faults: 1, survived: lostRows === 0 && rows.length === BURST ? 1 : 0, lost: lostRows, duplicated: rows.length - (BURST - lostRows) })}`)
    assert.equal(rows.length, BURST, `${rows.length} rows written for ${BURST} keys`)
    assert.deepEqual(new Set(rows.map((r) => r.id)), new Set(ids.values()))
    const stored = await query<{ key: string; state: string; status_code: number; body: string }>(
      "select key, state, status_code, response_body as body from idempotency_keys where key like 'burst-%' order by key",
    )
    assert.deepEqual(stored.map((k) => [k.key, k.state, k.status_code, JSON.parse(k.body).id]), keys.map((k) => [k, 'done', 201, ids.get(k)]))
    // The replacement rule held through the crash: one active authorisation for the partner.
    const active = await query<{ n: string }>("select count(*) as n from authorizations where subject_id = 'person-chen' and incentive_id = 'rental-bike' and revoked_at is null and expires_at > now()")
    assert.equal(Number(active[0].n), 1)
    await server.stop()
  })
})
