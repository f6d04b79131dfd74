'use strict'
// The CSS that WeChat must render: every feature of dist/weapp's WXSS is in the allow-list below,
// with where it renders; a feature not in the list fails the test, so a new one is looked at before
// it ships. Features that some WeChat render engines we support do not have carry their fallback,
// and the fallbacks themselves are checked. The minimum base library follows from the APIs used and
// is the one stated in project.config.json and the README.
//
// Supported: base library ≥ MIN_LIB (below), WebView rendering (not Skyline). On iOS WeChat renders
// with the system's WKWebView, on Android with its own XWeb (Chromium). The oldest engine we plan for
// is iOS 12.0 WebKit; "iOS x" below is the WebKit version a feature needs.

const { describe, it } = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const path = require('node:path')
const postcss = require('postcss')
const { listFiles } = require('./wechat')

const ROOT = path.resolve(__dirname, '..', '..')
const DIST = path.join(ROOT, 'dist', 'weapp')

/** The base library our code needs: the newest of the APIs and components below. */
const MIN_LIB = '2.32.3'
const NEEDS = {
  'wx.onNeedPrivacyAuthorization / <button open-type="agreePrivacyAuthorization">': '2.32.3',
  '__usePrivacyCheck__ (app.json)': '2.32.3',
  'wx.getWindowInfo / wx.getAppBaseInfo': '2.20.1',
  '<canvas type="2d"> (signature)': '2.9.0',
  'lazyCodeLoading "requiredComponents"': '2.11.1',
}

// feature → where it renders. Everything here renders on iOS 12 WebKit and on XWeb.
const ALLOWED = {
  'at-rule @import': 'WXSS import',
  'at-rule @keyframes': 'iOS 9',
  // custom properties: iOS 9.3, Chromium 49. Every var() carries its default (checked below), so a
  // page without the 长辈模式 class gets the normal size.
  'function var()': 'iOS 9.3, with a default value in every use',
  'function calc()': 'iOS 7 (unprefixed calc() since Safari 7)',
  'property --*': 'iOS 9.3 (长辈模式 tokens on .elderly)',
  'function rgba()': 'all',
  'function hsla()': 'all',
  'function linear-gradient()': 'iOS 7 (unprefixed)',
  'function rotate()': 'all',
  'function translate()': 'all',
  'function translatey()': 'all',
  'function translatex()': 'all',
  'function scale()': 'all',
  'function brightness()': 'iOS 9.3 (unprefixed filter)',
  'function invert()': 'iOS 9.3 (unprefixed filter)',
  'property filter': 'iOS 9.3; without it a white icon stays dark on the blue button, still visible',
  'property font-variant-numeric': 'iOS 9.3; without it digits are proportional, nothing else changes',
  'property touch-action': 'iOS 13 for `none`; on older iOS the <canvas disable-scroll> attribute keeps the page still while signing',
  'property pointer-events': 'all',
  'property word-break': 'all',
  'property white-space': 'all',
  'property transition': 'iOS 9',
  'property animation': 'iOS 9',
  'property transform': 'iOS 9',
  'property box-shadow': 'all',
  'property box-sizing': 'all',
  'property visibility': 'all',
  'property opacity': 'all',
  'property overflow': 'all',
  'property z-index': 'all',
  'property letter-spacing': 'all',
  'property text-decoration': 'all',
  'property font-family': 'all',
  'property display': 'values below',
  'property position': 'values below',
  'display flex': 'iOS 9 (unprefixed flexbox)',
  'display inline-flex': 'iOS 9',
  'display block': 'all',
  'display inline-block': 'all',
  'display none': 'all',
  'display inline': 'all',
  'position relative': 'all',
  'position absolute': 'all',
  'position fixed': 'all',
  'selector ::after': 'all',
  'selector ::before': 'all',
  'selector :active': 'all',
  'selector :first-child': 'all',
  'selector :last-child': 'all',
  'selector :nth-child()': 'all',
  'selector :not()': 'iOS 9 with one simple selector inside (wcsc rejects a list)',
  'unit rpx': 'WXSS',
  'unit px': 'all',
  'unit %': 'all',
  'unit deg': 'all',
  'unit s': 'all',
  'unit ms': 'all',
  'unit vh': 'iOS 8',
  'unit vw': 'iOS 8',
  'unit em': 'all',
}
// Plain CSS 2 / flexbox properties, allowed without a note.
const PLAIN = /^(margin|padding|border|background|color|font-size|font-weight|font-style|line-height|text-align|width|height|min-|max-|top|right|bottom|left|align-|justify-content|flex|vertical-align|text-overflow|outline|content|cursor|list-style|user-select|-webkit-line-clamp|-webkit-box-orient|overflow-|text-indent|order)/

// Known not to render on part of what we support (or not to compile in WeChat's wcsc), never allowed:
const FORBIDDEN = {
  'function conic-gradient()': 'iOS 12.2 — in WXSS it would vanish on iOS 12.0/12.1; the score dial sets it inline over a class background instead',
  'property gap': 'flex gap needs iOS 14.5: use margins',
  'property row-gap': 'flex gap needs iOS 14.5: use margins',
  'property column-gap': 'flex gap needs iOS 14.5: use margins',
  'property inset': 'iOS 14.5: use top/right/bottom/left',
  'property aspect-ratio': 'iOS 15: use a fixed height or padding-top',
  'selector :is()': 'iOS 14, and WeChat’s wcsc rejects the selector list inside',
  'selector :where()': 'iOS 14',
  'selector :has()': 'iOS 15.4',
  'selector :focus-visible': 'iOS 15.4',
  'function clamp()': 'iOS 13.4',
  'function env()': 'iOS 11.2; use the safe area from wx.getWindowInfo',
  'display grid': 'iOS 10.3 but subgrid/gap differ; not needed',
  'position sticky': 'iOS 13 unprefixed',
  'property backdrop-filter': 'iOS 9 prefixed only; XWeb varies',
  'unit dvh': 'iOS 15.4',
  'unit svh': 'iOS 15.4',
  'unit lvh': 'iOS 15.4',
  'unit rem': 'root font size differs in WeChat: use rpx',
  'at-rule @container': 'iOS 16',
  'at-rule @layer': 'iOS 15.4',
}

/** Every feature of one style sheet: { feature → first place (file:line) }. */
function featuresOf(css, file, out = new Map()) {
  const note = (feature, node) => {
    if (!out.has(feature)) out.set(feature, `${file}:${(node.source && node.source.start && node.source.start.line) || 0}`)
  }
  const root = postcss.parse(css, { from: file })
  root.walkAtRules((a) => note(`at-rule @${a.name}`, a))
  root.walkRules((r) => {
    for (const m of r.selector.matchAll(/(::?[a-z-]+)(\()?/g)) note(`selector ${m[1]}${m[2] ? '()' : ''}`, r)
  })
  root.walkDecls((d) => {
    const value = d.value.replace(/"[^"]*"|'[^']*'/g, '""').replace(/#[0-9a-f]{3,8}\b/gi, '#')
    const prop = d.prop.startsWith('--') ? '--*' : d.prop.toLowerCase()
    note(`property ${prop}`, d)
    for (const m of value.matchAll(/([a-z-]+)\(/gi)) note(`function ${m[1].toLowerCase()}()`, d)
    for (const m of value.matchAll(/(?:^|[\s(,/-])\d*\.?\d+([a-z%]+)/gi)) note(`unit ${m[1].toLowerCase()}`, d)
    if (prop === 'display' || prop === 'position') note(`${prop} ${value.trim()}`, d)
  })
  return out
}

function allFeatures() {
  const all = new Map()
  for (const file of listFiles(DIST, '.wxss')) featuresOf(fs.readFileSync(path.join(DIST, file), 'utf8'), file, all)
  return all
}

const isAllowed = (feature) => feature in ALLOWED || (feature.startsWith('property ') && PLAIN.test(feature.slice(9)) && !(feature in FORBIDDEN))

const versionAtLeast = (a, b) => {
  const pa = a.split('.').map(Number)
  const pb = b.split('.').map(Number)
  for (let i = 0; i < 3; i++) if ((pa[i] || 0) !== (pb[i] || 0)) return (pa[i] || 0) > (pb[i] || 0)
  return true
}

if (!fs.existsSync(path.join(DIST, 'app.json'))) {
  it('dist/weapp exists', () => assert.fail('dist/weapp/app.json not found: run `npm run build:weapp` before `npm run test:weapp`'))
  return
}

describe('CSS features of the WXSS', () => {
  it('every feature is in the allow-list (a new one must be checked and listed)', (t) => {
    const all = allFeatures()
    t.diagnostic(`${all.size} features: ${[...all.keys()].sort().join(', ')}`)
    const forbidden = [...all].filter(([f]) => f in FORBIDDEN).map(([f, at]) => `${f} at ${at}: ${FORBIDDEN[f]}`)
    const unknown = [...all].filter(([f]) => !(f in FORBIDDEN) && !isAllowed(f)).map(([f, at]) => `${f} at ${at}`)
    assert.deepEqual(forbidden, [], 'features that do not render on every supported WeChat')
    assert.deepEqual(unknown, [], 'features not in the allow-list of test/weapp/wxss-features.test.js: check where they render, add a fallback if needed, then list them')
  })

  it('the scan finds what it must refuse', () => {
    const found = featuresOf('.a{gap:8rpx;inset:0;aspect-ratio:1;background:conic-gradient(red 0 10deg,#fff 0)}\n:is(.b,.c) .d{height:10dvh}\n@container (min-width: 1px){.e{color:red}}', 'x.wxss')
    for (const f of ['property gap', 'property inset', 'property aspect-ratio', 'function conic-gradient()', 'selector :is()', 'unit dvh', 'at-rule @container']) {
      assert.ok(found.has(f), `finds ${f}`)
      assert.ok(!isAllowed(f), `${f} is not allowed`)
    }
    assert.equal(found.get('selector :is()'), 'x.wxss:2')
    assert.ok(!found.has('unit ef'), 'hex colours are not units')
  })

  it('every var() has a default value, so pages outside 长辈模式 render normally', () => {
    const missing = []
    for (const file of listFiles(DIST, '.wxss')) {
      postcss.parse(fs.readFileSync(path.join(DIST, file), 'utf8')).walkDecls((d) => {
        for (const m of d.value.matchAll(/var\(\s*(--[\w-]+)\s*(,)?/g)) if (!m[2]) missing.push(`${file}: ${d.prop}: ${d.value}`)
      })
    }
    assert.deepEqual(missing, [])
  })

  it('the score ring has a plain background under its inline conic-gradient (iOS 12.0/12.1 show a grey ring)', () => {
    const css = listFiles(DIST, '.wxss').map((f) => fs.readFileSync(path.join(DIST, f), 'utf8')).join('\n')
    let background = null
    postcss.parse(css).walkRules((r) => {
      if (r.selector.split(',').map((s) => s.trim()).includes('.dial-ring')) r.walkDecls(/^background(-color)?$/, (d) => (background = d.value))
    })
    assert.match(String(background), /^#[0-9a-f]{3,6}$/i, '.dial-ring has a solid background colour')
    const dial = fs.readFileSync(path.join(ROOT, 'src', 'features', 'credit', 'components', 'score-dial', 'index.tsx'), 'utf8')
    assert.match(dial, /conic-gradient/, 'the arc is an inline style, dropped as a whole where it does not render')
  })

  it(`the minimum base library ${MIN_LIB} covers the APIs used, and is stated in project.config.json and the README`, () => {
    for (const [what, version] of Object.entries(NEEDS)) assert.ok(versionAtLeast(MIN_LIB, version), `${what} needs ${version}`)
    for (const file of [path.join(ROOT, 'project.config.json'), path.join(DIST, 'project.config.json')]) {
      assert.equal(JSON.parse(fs.readFileSync(file, 'utf8')).libVersion, MIN_LIB, `${path.relative(ROOT, file)} libVersion`)
    }
    assert.match(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8'), new RegExp(`基础库.{0,20}${MIN_LIB.replace(/\./g, '\\.')}`))
  })
})
