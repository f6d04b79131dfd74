// API benchmarks: the real service in this process, on a fresh embedded PostgreSQL server (its own
// cluster for a temp DATA_DIR, seeded with the demo data), driven from a worker thread over
// 127.0.0.1: autocannon for the maximum rate, an evenly paced open-loop client for a fixed rate
// (paced-client.js says why not autocannon's rate limit).
//
// To bench another route, add an entry to `apiBenches`.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../server/app'
import { loadConfig } from '../../server/config'
import { removeOutsideCluster } from '../../server/db/embedded'
import { createContext, type Started } from '../../server/start'

export interface ApiBench {
  name: string
  method?: 'GET' | 'POST'
  path: string
  /** demo persona to log in as; the request carries its bearer token. Omit for a public route. */
  persona?: string
  body?: unknown
  /** run at the maximum rate with this many connections */
  connections: number
  /** or also at a fixed rate (requests per second) — the quality bar is stated at a rate */
  rate?: number
  /** quality bar: p99 latency at `rate` (ms) */
  p99LimitMs?: number
}

export const apiBenches: ApiBench[] = [
  { name: 'GET /api/me', path: '/api/me', persona: 'citizen-red', connections: 50, rate: 500, p99LimitMs: 50 },
  { name: 'GET /api/credit/overview', path: '/api/credit/overview', persona: 'citizen-repairable', connections: 50, rate: 500, p99LimitMs: 50 },
]

export interface ApiResult {
  name: string
  mode: string
  connections: number
  durationS: number
  requests: number
  reqPerSec: number
  p50Ms: number
  p90Ms: number
  p99Ms: number
  maxMs: number
  non2xx: number
  errors: number
  timeouts: number
  p99LimitMs?: number
  pass?: boolean
}

export interface RunningApi {
  origin: string
  dbKind: string
  /** the service's database and settings, for benches that prepare data */
  db: Started['ctx']['db']
  jwtSecret: Uint8Array
  login(persona: string): Promise<string>
  close(): Promise<void>
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms / 1000} s`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

/** Starts the API on 127.0.0.1, a free port, a fresh embedded database with the demo data. */
export async function startApi(): Promise<RunningApi> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'creditpass-bench-'))
  // Always the embedded database (the quality bar is stated for it), always with sandbox login, and
  // configured as in production: the answers are not checked against their schemas (a test-time check).
  const production = process.env.BENCH_DEVELOPMENT === '1' ? {} : { NODE_ENV: 'production' }
  const config = loadConfig({ ...process.env, ...production, DATA_DIR: dataDir, PORT: '0', DATABASE_URL: '', SANDBOX: '1', STATIC_DIR: '' })
  let started: Started | undefined
  let app: FastifyInstance | undefined
  const close = async () => {
    if (app) await app.close().catch(() => undefined)
    if (started) await started.close().catch(() => undefined)
    removeOutsideCluster(dataDir) // a temp DATA_DIR is mode 700: as root the cluster lives elsewhere
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
  try {
    const quiet = { info: () => undefined }
    started = await withTimeout(createContext(config, quiet), 180_000, 'opening the embedded database')
    app = await buildApp(started.ctx)
    await app.listen({ port: 0, host: '127.0.0.1' })
  } catch (e) {
    await close()
    throw e
  }
  const address = app.server.address()
  if (!address || typeof address !== 'object') throw new Error('the API is not listening on a TCP port')
  const origin = `http://127.0.0.1:${address.port}`
  return {
    origin,
    dbKind: started.ctx.dbKind,
    db: started.ctx.db,
    jwtSecret: started.ctx.config.jwtSecret,
    async login(persona: string) {
      const res = await fetch(`${origin}/api/auth/sandbox/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ persona }),
        signal: AbortSignal.timeout(10_000),
      })
      const body = (await res.json()) as { accessToken?: string }
      if (res.status !== 200 || !body.accessToken) throw new Error(`sandbox login as ${persona}: HTTP ${res.status} ${JSON.stringify(body)}`)
      return body.accessToken
    },
    close,
  }
}

// autocannon has no bundled types: the part of its API used here.
interface AutocannonOptions {
  url: string
  method?: string
  headers?: Record<string, string>
  body?: string
  connections: number
  duration: number
  overallRate?: number
  workers?: number
  timeout?: number
}
interface Histogram {
  average: number
  p50: number
  p90: number
  p99: number
  max: number
  total: number
}
interface AutocannonResult {
  requests: Histogram
  latency: Histogram
  duration: number
  non2xx: number
  errors: number
  timeouts: number
}
const autocannon: (opts: AutocannonOptions) => Promise<AutocannonResult> = require('autocannon')

/** What a run measured, from either client (latencies in ms). */
interface RunFigures {
  requests: number
  durationS: number
  p50: number
  p90: number
  p99: number
  max: number
  non2xx: number
  errors: number
  timeouts: number
}

/** As many requests as `connections` can make, from autocannon in a worker thread (not the server's event loop). */
async function fire(opts: AutocannonOptions): Promise<RunFigures> {
  const r = await withTimeout(autocannon({ workers: 1, timeout: 10, ...opts }), (opts.duration + 60) * 1000, `autocannon ${opts.url}`)
  const { p50, p90, p99, max } = r.latency
  return { requests: r.requests.total, durationS: r.duration || 0, p50, p90, p99, max, non2xx: r.non2xx, errors: r.errors, timeouts: r.timeouts }
}

/** `rate` requests per second for `durationS`, evenly paced, from a worker thread (paced-client.js). */
function paced(opts: { url: string; method: string; headers: Record<string, string>; body?: string; connections: number; durationS: number; rate: number }): Promise<RunFigures> {
  const worker = new Worker(path.join(__dirname, 'paced-client.js'), { workerData: { ...opts, timeoutS: 10 } })
  const result = new Promise<RunFigures>((resolve, reject) => {
    worker.once('message', (r: RunFigures | { error: string }) => ('error' in r ? reject(new Error(r.error)) : resolve(r)))
    worker.once('error', reject)
  })
  return withTimeout(result, (opts.durationS + 60) * 1000, `paced client ${opts.url}`).finally(() => worker.terminate())
}

function toResult(bench: ApiBench, mode: string, connections: number, r: RunFigures): ApiResult {
  return {
    name: bench.name,
    mode,
    connections,
    durationS: Math.round(r.durationS * 10) / 10,
    requests: r.requests,
    reqPerSec: r.durationS ? Math.round(r.requests / r.durationS) : 0,
    p50Ms: r.p50,
    p90Ms: r.p90,
    p99Ms: r.p99,
    maxMs: r.max,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
  }
}

/** Runs one bench: a short warm-up, the maximum-rate run, and the fixed-rate run if it has one. */
export async function runApiBench(api: RunningApi, bench: ApiBench, durationS: number): Promise<ApiResult[]> {
  const headers: Record<string, string> = {}
  if (bench.persona) headers.authorization = `Bearer ${await api.login(bench.persona)}`
  let body: string | undefined
  if (bench.body !== undefined) {
    headers['content-type'] = 'application/json'
    body = JSON.stringify(bench.body)
  }
  const base = { url: `${api.origin}${bench.path}`, method: bench.method ?? 'GET', headers, body }
  await fire({ ...base, connections: 10, duration: 2 }) // warm-up, not reported
  const results: ApiResult[] = []
  const max = await fire({ ...base, connections: bench.connections, duration: durationS })
  results.push(toResult(bench, 'max rate', bench.connections, max))
  if (bench.rate) {
    const fixed = await paced({ ...base, connections: bench.connections, durationS, rate: bench.rate })
    const r = toResult(bench, `${bench.rate} req/s paced`, bench.connections, fixed)
    if (bench.p99LimitMs !== undefined) {
      r.p99LimitMs = bench.p99LimitMs
      r.pass = r.p99Ms <= bench.p99LimitMs && r.non2xx === 0 && r.errors === 0
    }
    results.push(r)
  }
  return results
}
