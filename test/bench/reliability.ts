// `npm run reliability`: one run of everything that keeps the API's promises under hostile use, on the
// embedded PostgreSQL and, when DATABASE_URL is set, on that PostgreSQL server — then ONE table.
// Per database:
//   1. the unit suite's own tests, run again with more cases (imported by the test runner, not copied):
//      fuzzing every route from the route table with a fixed seed (server/security/fuzz.test.ts,
//      FUZZ_RUNS cases), the authorisation matrix (server/security/authorization-matrix.test.ts), and
//      the crash tests (server/http/unit-of-work.test.ts: kill -9 after the commit and before the answer,
//      before the commit, and in the middle of a burst of 200 writes, each followed by retries);
//   2. a bounded load on the real server as a child process (server/testing/load.ts): mixed reads,
//      idempotent writes with retries and public lookups at a fixed rate, then a consistency check.
// Each test reports its figures as a `reliability {…}` diagnostic; this script adds them up. It fails
// on any failed test, 5xx, wrong answer, or row lost or duplicated. Long: not part of `npm test`.
//
//   npm run reliability                      5,000 fuzz cases; 500 req/s for 60 s on each database
//   RELIABILITY_DURATION=10 FUZZ_RUNS=1000 npm run reliability      a short run
//   RELIABILITY_RATE, RELIABILITY_DURATION (s), FUZZ_RUNS, FUZZ_SEED
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { cloneTestDatabase, startTestServer, TEST_DATABASES_ENV } from '../../server/testing/databases'
import { loadFailures, runLoad, type LoadReport } from '../../server/testing/load'

const ROOT = path.resolve(__dirname, '..', '..')
const RATE = Number(process.env.RELIABILITY_RATE || 500)
const DURATION = Number(process.env.RELIABILITY_DURATION || 60)
const FUZZ_RUNS = Number(process.env.FUZZ_RUNS || 5000)
const SUITES = ['server/security/fuzz.test.ts', 'server/security/authorization-matrix.test.ts', 'server/http/unit-of-work.test.ts']

interface SuiteFigures {
  tests: number
  failed: string[]
  badInputs: number
  authorisationCases: number
  faults: number
  survived: number
  lost: number
  duplicated: number
}

/**
 * Runs the suites with the test runner (TAP) against the test databases of this run and adds up the
 * `reliability {…}` figures their tests report.
 */
async function runSuites(databaseUrl: string | undefined): Promise<SuiteFigures> {
  const env = { ...process.env, FUZZ_RUNS: String(FUZZ_RUNS), DATABASE_URL: databaseUrl ?? '' }
  const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=tap', ...SUITES], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  child.stdout.on('data', (d) => (out += d))
  child.stderr.on('data', (d) => (out += d))
  const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)))
  const figures: SuiteFigures = { tests: 0, failed: [], badInputs: 0, authorisationCases: 0, faults: 0, survived: 0, lost: 0, duplicated: 0 }
  for (const m of out.matchAll(/# reliability (\{.*\})/g)) {
    const reported = JSON.parse(m[1]) as Partial<Record<keyof SuiteFigures, number>>
    for (const [k, v] of Object.entries(reported)) (figures as unknown as Record<string, number>)[k] += v
  }
  figures.tests = Number(out.match(/^# tests (\d+)/m)?.[1] ?? 0)
  figures.failed = [...out.matchAll(/^\s*not ok \d+ - (.*)$/gm)].map((m) => m[1])
  if (code !== 0 && figures.failed.length === 0) figures.failed.push(`the test runner exited with ${code}:\n${out.slice(-3000)}`)
  if (figures.failed.length > 0) console.error(out.slice(-8000))
  return figures
}

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

interface Run {
  label: string
  suites: SuiteFigures
  report: LoadReport
  errorLines: number
}

async function runOn(label: string, databaseUrl: string | undefined): Promise<Run> {
  console.log(`\n${label}: preparing the database…`)
  // (startTestServer falls back to DATABASE_URL when given none: the embedded run must not)
  const given = process.env.DATABASE_URL
  delete process.env.DATABASE_URL
  const server = await startTestServer(databaseUrl).finally(() => {
    if (given !== undefined) process.env.DATABASE_URL = given
  })
  process.env[TEST_DATABASES_ENV] = JSON.stringify(server.info)
  console.log(`${label}: fuzzing (${FUZZ_RUNS} cases), the authorisation matrix, the crash tests…`)
  let suites: SuiteFigures
  try {
    suites = await runSuites(databaseUrl)
  } catch (e) {
    await server.stop()
    throw e
  }
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
      return { label, suites, report, errorLines: api.errorLines() }
    } finally {
      await api.stop()
    }
  } finally {
    await pool.end()
    await database.drop()
    await server.stop()
  }
}

/** The one table: what was held, what was injected and survived, what was tried, what was lost. */
function table(runs: Run[]) {
  const head = '| database | requests held (load) | p99 ms | faults injected / survived | bad inputs tried | authorisation cases checked | rows lost | rows duplicated |'
  const rule = `|${head.split('|').slice(1, -1).map(() => '---').join('|')}|`
  const rows = runs.map(({ label, suites: s, report: r }) => {
    const held = r.requests - r.unexpected
    return `| ${label} | ${held} of ${r.requests} (${r.achievedRate} req/s for ${r.durationS} s${r.notSent ? `; ${r.notSent} not sent, client full` : ''}) | ${r.p99Ms} | ${s.faults} / ${s.survived} | ${s.badInputs} | ${s.authorisationCases} | ${r.consistency.lost + s.lost} | ${r.consistency.duplicated + s.duplicated} |`
  })
  return [head, rule, ...rows].join('\n')
}

/** What the table sums up, for whoever reads a failure: the load by kind and the retries. */
function details(runs: Run[]) {
  return runs.map(({ label, suites: s, report: r }) => {
    const c = r.consistency
    const kinds = Object.entries(r.byKind).map(([k, v]) => `${k} ${v.requests} × p50 ${v.p50Ms} / p99 ${v.p99Ms} ms`).join('; ')
    return `${label}: ${s.tests} tests; load p50 ${r.p50Ms} / max ${r.maxMs} ms, ${r.status5xx} 5xx, ${r.notSent} not sent (client full), ${c.writesAcknowledged} writes acknowledged, ${c.retries - c.retriesDiffering} of ${c.retries} retries replayed, ${c.keysNotDone} keys left in flight; ${kinds}`
  }).join('\n')
}

async function main() {
  const engines: [string, string | undefined][] = [['embedded PostgreSQL 17', undefined]]
  if (process.env.DATABASE_URL) engines.push(['PostgreSQL (DATABASE_URL)', process.env.DATABASE_URL])
  else console.log('DATABASE_URL is not set: the embedded database only')
  const runs: Run[] = []
  for (const [label, url] of engines) runs.push(await runOn(label, url))
  console.log(`\nReliability: ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), load average ${os.loadavg().map((n) => n.toFixed(1)).join(' ')}, ${new Date().toISOString()}\n`)
  console.log(table(runs))
  console.log(`\n${details(runs)}`)
  const failures = runs.flatMap(({ label, suites, report, errorLines }) => [
    ...suites.failed.map((f) => `test failed: ${f}`),
    ...(suites.faults === 0 || suites.survived !== suites.faults ? [`${suites.faults} faults injected, ${suites.survived} survived`] : []),
    ...(suites.lost + suites.duplicated > 0 ? [`crash tests: ${suites.lost} rows lost, ${suites.duplicated} duplicated`] : []),
    ...loadFailures(report),
    ...(errorLines > 0 ? [`${errorLines} error lines in the server log`] : []),
  ].map((f) => `${label}: ${f}`))
  if (failures.length > 0) {
    console.error(`\nFAILED:\n  ${failures.join('\n  ')}`)
    process.exit(1)
  }
  console.log('\nevery test passed; no 5xx, no wrong answer, every fault survived, no row lost or duplicated')
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
