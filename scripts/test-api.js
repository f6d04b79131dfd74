#!/usr/bin/env node
// Runs the API tests (server/**/*.test.ts) with Node's test runner through tsx, one file at a time.
// Node 20 does not expand globs in `node --test`, so the files are listed here.
// One PostgreSQL server for the whole run — the embedded one, or that of DATABASE_URL — with a
// template database migrated and seeded once; each test app clones it (server/testing/databases.ts).
// The server is stopped (the template dropped) at the end, also on a failure or Ctrl-C.
// Extra arguments are passed to the test runner: npm run test:api -- --test-name-pattern=refresh
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
const files = fs.existsSync(serverDir) ? findTests(serverDir).map((f) => path.relative(root, f)).sort() : []
if (files.length === 0) {
  console.log('no API tests (server/**/*.test.ts)')
  process.exit(0)
}

require('tsx/cjs/api').register()
const { startTestServer, TEST_DATABASES_ENV } = require('../server/testing/databases.ts')

async function main() {
  const started = Date.now()
  const server = await startTestServer()
  // a crash of this script must not leave the embedded server running
  process.once('exit', () => server.stopSync())
  console.log(`test databases ready in ${Date.now() - started} ms (${process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded PostgreSQL'})`)
  const args = ['--import', 'tsx', '--test', '--test-concurrency=1', ...process.argv.slice(2), ...files]
  const env = { ...process.env, [TEST_DATABASES_ENV]: JSON.stringify(server.info) }
  const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit', env })
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  const [code, signal] = await new Promise((resolve) => child.on('exit', (c, s) => resolve([c, s])))
  await server.stop()
  process.exit(signal ? 1 : code ?? 1)
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
