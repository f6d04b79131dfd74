'use strict'
// Every template (.wxml, .wxs) and style sheet (.wxss) of dist/weapp goes through WeChat's own
// compilers (wcc / wcsc from `miniprogram-compiler`), as WeChat DevTools and the upload do; any error
// fails with the file and line. A copy of the build with one broken template and one broken style
// proves that the check fails.

const { describe, it, before, after } = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const { compileWxml, compileWxss, formatErrors, loadTemplates } = require('./wechat')

const DIST = path.resolve(__dirname, '..', '..', 'dist', 'weapp')

if (!fs.existsSync(path.join(DIST, 'app.json'))) {
  it('dist/weapp exists', () => assert.fail('dist/weapp/app.json not found: run `npm run build:weapp` before `npm run test:weapp`'))
  return
}

describe('WeChat compilers on dist/weapp', () => {
  it('wcc compiles every .wxml and .wxs', (t) => {
    const started = Date.now()
    const { errors, source, files } = compileWxml(DIST)
    t.diagnostic(`${files.length} templates in ${Date.now() - started} ms`)
    assert.equal(errors.length, 0, `WXML errors:\n${formatErrors(errors)}`)
    const $gwx = loadTemplates(source)
    const pages = JSON.parse(fs.readFileSync(path.join(DIST, 'app.json'), 'utf8'))
    const routes = [...pages.pages, ...pages.subPackages.flatMap((sp) => sp.pages.map((p) => `${sp.root}/${p}`))]
    for (const route of routes) assert.equal(typeof $gwx(`${route}.wxml`), 'function', `${route}.wxml is compiled`)
  })

  it('wcsc compiles every .wxss', (t) => {
    const started = Date.now()
    const { errors, files } = compileWxss(DIST)
    t.diagnostic(`${files.length} style sheets in ${Date.now() - started} ms`)
    assert.equal(errors.length, 0, `WXSS errors:\n${formatErrors(errors)}`)
  })
})

describe('the compile check fails on a broken build', () => {
  let copy
  before(() => {
    copy = fs.mkdtempSync(path.join(os.tmpdir(), 'weapp-broken-'))
    fs.cpSync(DIST, copy, { recursive: true })
  })
  after(() => fs.rmSync(copy, { recursive: true, force: true }))

  it('a template with an unclosed tag fails naming the file and line', () => {
    const file = path.join(copy, 'pages', 'index', 'index.wxml')
    fs.writeFileSync(file, `${fs.readFileSync(file, 'utf8').trimEnd()}\n<view>\n  <text>信用分</view>\n`)
    const { errors } = compileWxml(copy)
    assert.equal(errors.length, 1, formatErrors(errors))
    assert.equal(errors[0].file, 'pages/index/index.wxml')
    assert.equal(errors[0].line, 4)
    assert.match(errors[0].message, /end-tag/)
  })

  it('a style sheet with an unclosed rule fails naming the file and line', () => {
    const file = path.join(copy, 'pages', 'mine', 'index.wxss')
    const lines = fs.readFileSync(file, 'utf8').split('\n').length
    fs.appendFileSync(file, '\n.broken { color: #1763f0;\n')
    const { errors } = compileWxss(copy)
    assert.ok(errors.length >= 1, 'wcsc reports the error')
    assert.equal(errors[0].file, 'pages/mine/index.wxss')
    assert.ok(errors[0].line >= lines, `the line is at the end of the file (${errors[0].line})`)
  })
})
