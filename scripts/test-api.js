#!/usr/bin/env node
// Runs the API tests (server/**/*.test.ts) with Node's test runner through tsx, two files at a time
// (API_TEST_CONCURRENCY): much of a test waits on PostgreSQL, and each file has its own database.
// Node 20 does not expand globs in `node --test`, so the files are listed here.
// One PostgreSQL server for the whole run — the embedded one, or that of DATABASE_URL — with a
// template database migrated and seeded once; each test app clones it (server/testing/databases.ts).
// The server is stopped (the template dropped) at the end, also on a failure or Ctrl-C; then the
// log lines of the whole run are scanned for personal data (server/security/log-scan.ts).
// Test files named on the command line run alone (npm run test:api -- server/routes/me/me.test.ts);
// other extra arguments are passed to the test runner: npm run test:api -- --test-name-pattern=refresh
'use strict'
const { spawn } = require('node:child_process')
const fs = require('node:fs')
const path = require('node:path')

const root = path.resolve(__dirname, '..')

function findTests(dir) {
  const found = []
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) found.push(...findTests(full))
    else if (entry.isFile() && entry.name.endsWith('.test.ts')) found.push(full)
  }
  return found
}

const serverDir = path.join(root, 'server')
const all = fs.existsSync(serverDir) ? findTests(serverDir).map((f) => path.relative(root, f)).sort() : []
if (all.length === 0) {
  console.log('no API tests (server/**/*.test.ts)')
  process.exit(0)
}
const extra = process.argv.slice(2)
const named = extra.filter((a) => a.endsWith('.test.ts')).map((f) => path.relative(root, path.resolve(f)))
for (const f of named) {
  if (!all.includes(f)) {
    console.error(`no such API test file: ${f}`)
    process.exit(1)
  }
}
const files = named.length ? named : all
const options = extra.filter((a) => !a.endsWith('.test.ts'))

require('tsx/cjs/api').register()
const { startTestServer, TEST_DATABASES_ENV } = require('../server/testing/databases.ts')
const { LOG_TEE_ENV } = require('../server/http/log.ts')
const { formatFindings, scanLogFile } = require('../server/security/log-scan.ts')

/**
 * Every log line of the run (test apps and the servers tests start as processes) goes to one file,
 * scanned at the end for full ID numbers, phones, tokens and SMS codes: a leak fails the run.
 */
function scanLogs(file) {
  const { lines, findings } = scanLogFile(file)
  fs.rmSync(file, { force: true })
  if (findings.length === 0) {
    console.log(`log scan: ${lines} log lines, no ID numbers, phones, tokens or SMS codes`)
    return true
  }
  console.error(`log scan FAILED: ${findings.length} finding(s) of personal data in ${lines} log lines written during the tests:\n${formatFindings(findings)}`)
  return false
}

async function main() {
  const started = Date.now()
  const server = await startTestServer()
  // a crash of this script must not leave the embedded server running
  process.once('exit', () => server.stopSync())
  console.log(`test databases ready in ${Date.now() - started} ms (${process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded PostgreSQL'})`)
  const args = ['--import', 'tsx', '--test', `--test-concurrency=${process.env.API_TEST_CONCURRENCY || 2}`, ...options, ...files]
  const logFile = path.join(require('node:os').tmpdir(), `creditpass-test-log-${process.pid}.ndjson`)
  fs.rmSync(logFile, { force: true })
  const env = { ...process.env, [TEST_DATABASES_ENV]: JSON.stringify(server.info), [LOG_TEE_ENV]: logFile }
  const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit', env })
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  const [code, signal] = await new Promise((resolve) => child.on('exit', (c, s) => resolve([c, s])))
  await server.stop()
  const logsClean = scanLogs(logFile)
  process.exit(signal ? 1 : (code ?? 1) || (logsClean ? 0 : 1))
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
