#!/usr/bin/env node
// Runs the end-to-end tests (test/e2e/*.test.js, against the built H5 app) two files at a time:
// each starts its own API server and database, and much of a flow waits on the browser or the clock.
// Passes when there are none yet. Spec files named on the command line (test/e2e/x.test.js) run
// alone; other extra arguments are passed to the test runner.
//   npm run test:e2e -- test/e2e/repair-through-service.test.js
'use strict'
const { spawn } = require('node:child_process')
const fs = require('node:fs')
const path = require('node:path')

const root = path.resolve(__dirname, '..')
const e2eDir = path.join(root, 'test', 'e2e')
const files = fs.existsSync(e2eDir)
  ? fs
      .readdirSync(e2eDir, { withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.test.js'))
      .map((e) => path.join('test', 'e2e', e.name))
      .sort()
  : []
if (files.length === 0) {
  console.log('no e2e tests')
  process.exit(0)
}

const extra = process.argv.slice(2)
const named = extra.filter((a) => a.endsWith('.test.js'))
for (const f of named) {
  if (!files.includes(path.normalize(f))) {
    console.error(`no such e2e spec: ${f} (specs: ${files.join(', ')})`)
    process.exit(1)
  }
}
const options = extra.filter((a) => !a.endsWith('.test.js'))
const args = ['--test', '--test-concurrency=2', ...options, ...(named.length ? named.map((f) => path.normalize(f)) : files)]
const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code, signal) => process.exit(signal ? 1 : code ?? 1))
