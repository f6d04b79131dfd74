// `npm run reliability`: a bounded load on the real server — a child process, as in production — on
// the embedded PostgreSQL and, when DATABASE_URL is set, on that PostgreSQL server: mixed reads,
// idempotent writes with retries and public lookups at a fixed rate (server/testing/load.ts), then a
// consistency check in the database. Prints a Markdown table (for the README) and fails on any 5xx,
// wrong answer, or write lost or duplicated. Long: not part of `npm test` (a 3-second smoke run is).
//
//   npm run reliability                      500 req/s for 30 s on each database
//   RELIABILITY_RATE=200 RELIABILITY_DURATION=10 npm run reliability
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { cloneTestDatabase, startTestServer, TEST_DATABASES_ENV } from '../../server/testing/databases'
import { loadFailures, runLoad, type LoadReport } from '../../server/testing/load'

const ROOT = path.resolve(__dirname, '..', '..')
const RATE = Number(process.env.RELIABILITY_RATE || 500)
const DURATION = Number(process.env.RELIABILITY_DURATION || 30)

/** The API as its own process on `databaseUrl`, in production mode with the sandbox's demo logins. */
async function startServer(databaseUrl: string) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'creditpass-reliability-'))
  const env = {
    ...process.env, NODE_ENV: 'production', SANDBOX: '1', DATABASE_URL: databaseUrl, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1',
    TRUST_PROXY: '1', STATIC_DIR: path.join(dataDir, 'no-h5'),
  }
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  let errorLines = 0
  const take = (d: Buffer) => {
    const text = String(d)
    if (output.length < 20_000) output += text
    errorLines += (text.match(/"level":50/g) ?? []).length
  }
  child.stdout.on('data', take)
  child.stderr.on('data', take)
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()))
  const end = Date.now() + 180_000
  let port: string | undefined
  while (!(port = output.match(/信用通已启动：http:\/\/127\.0\.0\.1:(\d+)/)?.[1])) {
    if (child.exitCode !== null || Date.now() > end) throw new Error(`the server did not start:\n${output}`)
    await new Promise((r) => setTimeout(r, 100))
  }
  return {
    origin: `http://127.0.0.1:${port}`,
    errorLines: () => errorLines,
    async stop() {
      child.kill('SIGTERM')
      await exited
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

async function runOn(label: string, databaseUrl: string | undefined): Promise<{ label: string; report: LoadReport; errorLines: number }> {
  console.log(`\n${label}: preparing the database…`)
  // (startTestServer falls back to DATABASE_URL when given none: the embedded run must not)
  const given = process.env.DATABASE_URL
  delete process.env.DATABASE_URL
  const server = await startTestServer(databaseUrl).finally(() => {
    if (given !== undefined) process.env.DATABASE_URL = given
  })
  process.env[TEST_DATABASES_ENV] = JSON.stringify(server.info)
  const database = await cloneTestDatabase()
  const pool = new pg.Pool({ connectionString: database.url, max: 2 })
  try {
    const api = await startServer(database.url)
    try {
      const query = async <T>(text: string, values: unknown[] = []) => (await pool.query(text, values)).rows as T[]
      // Warm-up (not reported): connections, caches, the JIT.
      await runLoad({ origin: api.origin, rate: Math.min(50, RATE), durationS: 2, runId: 'warmup', query })
      console.log(`${label}: ${RATE} req/s for ${DURATION} s…`)
      const report = await runLoad({ origin: api.origin, rate: RATE, durationS: DURATION, runId: 'load', query })
      return { label, report, errorLines: api.errorLines() }
    } finally {
      await api.stop()
    }
  } finally {
    await pool.end()
    await database.drop()
    await server.stop()
  }
}

function table(runs: { label: string; report: LoadReport; errorLines: number }[]) {
  const head = '| database | target / answered req/s | requests | p50 ms | p99 ms | max ms | 5xx | wrong answers | not sent (client full) | writes acknowledged | retries replayed | rows lost | rows duplicated | keys left in flight |'
  const rule = `|${head.split('|').slice(1, -1).map(() => '---').join('|')}|`
  const rows = runs.map(({ label, report: r }) => {
    const c = r.consistency
    return `| ${label} | ${r.targetRate} / ${r.achievedRate} | ${r.requests} | ${r.p50Ms} | ${r.p99Ms} | ${r.maxMs} | ${r.status5xx} | ${r.unexpected} | ${r.notSent} | ${c.writesAcknowledged} | ${c.retries - c.retriesDiffering} of ${c.retries} | ${c.lost} | ${c.duplicated} | ${c.keysNotDone} |`
  })
  const kinds = runs.map(({ label, report }) => `${label}: ${Object.entries(report.byKind).map(([k, v]) => `${k} ${v.requests} × p50 ${v.p50Ms} / p99 ${v.p99Ms} ms`).join('; ')}`)
  return [head, rule, ...rows, '', ...kinds].join('\n')
}

async function main() {
  const engines: [string, string | undefined][] = [['embedded PostgreSQL 17', undefined]]
  if (process.env.DATABASE_URL) engines.push(['PostgreSQL (DATABASE_URL)', process.env.DATABASE_URL])
  else console.log('DATABASE_URL is not set: the embedded database only')
  const runs = []
  for (const [label, url] of engines) runs.push(await runOn(label, url))
  console.log(`\nReliability: ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), load average ${os.loadavg().map((n) => n.toFixed(1)).join(' ')}, ${new Date().toISOString()}\n`)
  console.log(table(runs))
  const failures = runs.flatMap(({ label, report, errorLines }) => [...loadFailures(report), ...(errorLines > 0 ? [`${errorLines} error lines in the server log`] : [])].map((f) => `${label}: ${f}`))
  if (failures.length > 0) {
    console.error(`\nFAILED:\n  ${failures.join('\n  ')}`)
    process.exit(1)
  }
  console.log('\nno 5xx, no wrong answer, no write lost or duplicated')
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
