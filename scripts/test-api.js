#!/usr/bin/env node
// Runs the API tests (server/**/*.test.ts) with Node's test runner through tsx, one file at a time.
// Node 20 does not expand globs in `node --test`, so the files are listed here.
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

const args = ['--import', 'tsx', '--test', '--test-concurrency=1', ...process.argv.slice(2), ...files]
const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code, signal) => process.exit(signal ? 1 : code ?? 1))
