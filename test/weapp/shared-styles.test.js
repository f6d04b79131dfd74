'use strict'
// The page shell's building blocks (skeleton, state view, list footer, consent dialog, subject
// banner) are on nearly every page, so their styles are global: defined once, in the app's style
// sheet. Imported by each component instead, they reached the shared style sheet in a different
// order page by page, and the build warned of conflicting CSS order — which rule wins then
// depends on the page. A component that imports its style sheet again shows up here as a second
// definition.

const { describe, it } = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const path = require('node:path')
const postcss = require('postcss')
const { listFiles } = require('./wechat')

const DIST = path.resolve(__dirname, '..', '..', 'dist', 'weapp')
const BLOCKS = ['.skeleton-line', '.state-view', '.list-footer', '.consent-mask', '.subject-banner']

if (!fs.existsSync(path.join(DIST, 'app.json'))) {
  it('dist/weapp exists', () => assert.fail('dist/weapp/app.json not found: run `npm run build:weapp` before `npm run test:weapp`'))
  return
}

describe('styles of the page-shell building blocks', () => {
  it('are defined once, in the app style sheet', () => {
    const where = Object.fromEntries(BLOCKS.map((s) => [s, []]))
    for (const file of listFiles(DIST, '.wxss')) {
      postcss.parse(fs.readFileSync(path.join(DIST, file), 'utf8')).walkRules((rule) => {
        for (const selector of rule.selectors) if (selector in where) where[selector].push(file)
      })
    }
    for (const [selector, files] of Object.entries(where)) assert.deepEqual(files, ['app-origin.wxss'], `${selector} is defined in ${files.join(', ') || 'no style sheet'}`)
  })
})
