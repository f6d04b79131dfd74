'use strict'
// WeChat's own template and style compilers (wcc / wcsc, from the `miniprogram-compiler` package) run
// on a built mini-program: compile checks with file:line errors, and rendering of a page's Taro tree
// through the compiled templates into the virtual tree WeChat would build, with WeChat's audit
// measures (node count, depth, children per node).
//
// The binaries are called directly rather than through the package's wrappers: its wxssToJs returns
// (does not throw) the compile error and then ignores it, and both wrappers assume the execute bit,
// which npm does not keep for these files.

const fs = require('node:fs')
const path = require('node:path')
const { spawnSync } = require('node:child_process')

const PLATFORM_DIR = { linux: 'linux', darwin: 'mac', win32: 'windows' }

/** WeChat's audit limits for a page (DevTools 体验评分 / 代码质量). */
const AUDIT_LIMITS = { nodes: 1000, depth: 30, children: 60 }

function binary(name) {
  const dir = PLATFORM_DIR[process.platform]
  if (!dir) throw new Error(`miniprogram-compiler has no ${name} binary for ${process.platform}`)
  const pkg = path.dirname(require.resolve('miniprogram-compiler/package.json'))
  const file = path.join(pkg, 'bin', dir, process.platform === 'win32' ? `${name}.exe` : name)
  // npm unpacks the binaries without the run bit.
  if (process.platform !== 'win32') {
    const mode = fs.statSync(file).mode
    if ((mode & 0o111) !== 0o111) fs.chmodSync(file, mode | 0o755)
  }
  return file
}

function listFiles(dir, ext, base = dir) {
  const out = []
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) out.push(...listFiles(full, ext, base))
    else if (entry.name.endsWith(ext)) out.push(path.relative(base, full).split(path.sep).join('/'))
  }
  return out.sort()
}

/** Parses wcc / wcsc error output into { file, line, column, message } (file relative to the dist root). */
function parseErrors(text) {
  const errors = []
  for (const raw of String(text).split('\n')) {
    const line = raw.replace(/^ERR:\s*/, '').trim()
    if (!line || /^error file count/.test(line)) continue
    // wcsc: "app.wxss(5:1): unexpected `"; wcc: "pages/a.wxml:2:13: expect end-tag `text`., near `view`"
    const m = /^(.+?\.(?:wxss|wxml|wxs))(?:\((\d+):(\d+)\)|:(\d+):(\d+))?:?\s*(.*)$/.exec(line)
    if (m) errors.push({ file: m[1].replace(/^\.\//, ''), line: Number(m[2] || m[4] || 0), column: Number(m[3] || m[5] || 0), message: m[6] || line })
    else errors.push({ file: null, line: 0, column: 0, message: line })
  }
  return errors
}

const where = (e) => `${e.file ?? '?'}${e.line ? `:${e.line}:${e.column}` : ''}`
const formatErrors = (errors) => errors.map((e) => `${where(e)}: ${e.message}`).join('\n')

function run(bin, args, cwd) {
  const res = spawnSync(bin, args, { cwd, maxBuffer: 64 * 1024 * 1024 })
  if (res.error) throw res.error
  return { status: res.status, stdout: res.stdout.toString(), stderr: res.stderr.toString() }
}

/** The `usingComponents` arguments wcc wants: count, then per file: path, n, names… */
function componentArgs(distDir, wxmlFiles) {
  const parts = []
  let count = 0
  for (const file of wxmlFiles) {
    const json = path.join(distDir, file.replace(/\.wxml$/, '.json'))
    if (!fs.existsSync(json)) continue
    const using = Object.keys(JSON.parse(fs.readFileSync(json, 'utf8')).usingComponents || {})
    if (!using.length) continue
    parts.push(file, String(using.length), ...using)
    count++
  }
  return [String(count), ...parts].join(' ')
}

/**
 * Compiles every .wxml (and .wxs) of the dist folder with wcc, as WeChat DevTools does.
 * Returns { errors, source, files }: `source` is the script that defines `$gwx` when errors is empty.
 */
function compileWxml(distDir) {
  const files = listFiles(distDir, '.wxml')
  const wxs = listFiles(distDir, '.wxs')
  const res = run(binary('wcc'), ['-d', '-cc', componentArgs(distDir, files), ...files, ...wxs, '-gn', '$gwx'], distDir)
  const errors = res.status === 0 ? [] : parseErrors(res.stderr || res.stdout)
  if (res.status !== 0 && !errors.length) errors.push({ file: null, line: 0, column: 0, message: `wcc exited with ${res.status}` })
  return { errors, source: res.status === 0 ? res.stdout : '', files }
}

/**
 * Compiles every .wxss of the dist folder with wcsc. Page and component style sheets (those with a
 * .json beside them) are listed first, as WeChat DevTools does. Returns { errors, files, output }.
 */
function compileWxss(distDir) {
  const files = listFiles(distDir, '.wxss')
  const own = files.filter((f) => fs.existsSync(path.join(distDir, f.replace(/\.wxss$/, '.json'))))
  const rest = files.filter((f) => !own.includes(f))
  const res = run(binary('wcsc'), ['-db', '-pc', String(own.length), ...own, ...rest], distDir)
  // wcsc prints errors and still exits 0 for some of them; any "ERR:" line is a failure.
  const errText = `${res.stderr}\n${res.stdout.startsWith('version=') ? '' : res.stdout}`
  const errors = res.status === 0 && !/ERR:/.test(errText) ? [] : parseErrors(res.stderr || res.stdout)
  if (res.status !== 0 && !errors.length) errors.push({ file: null, line: 0, column: 0, message: `wcsc exited with ${res.status}` })
  return { errors, files, output: res.stdout }
}

/** Loads the compiled templates: returns $gwx. `window` is shadowed so the Node globals stay clean. */
function loadTemplates(source) {
  // The generated code reads a few browser globals at load time (window, __wxAppCode__…).
  // eslint-disable-next-line no-new-func
  const factory = new Function('window', 'global', '__wxAppCode__', '__wxAppData__', `${source}\n;return $gwx`)
  return factory({}, {}, {}, {})
}

/**
 * Renders a page the way WeChat builds it: the page template with `data` (Taro's { root }), and every
 * `comp` element (Taro's recursive component for deep trees) rendered in place from comp.wxml.
 */
function renderPage($gwx, route, data) {
  const page = $gwx(`${route}.wxml`)
  if (typeof page !== 'function') throw new Error(`${route}.wxml is not among the compiled templates`)
  const tree = page(data, {}, {})
  expandComponents($gwx, tree, 0)
  return tree
}

function expandComponents($gwx, node, guard) {
  if (!node || typeof node !== 'object' || !Array.isArray(node.children)) return
  if (guard > 50) throw new Error('comp nested more than 50 times')
  for (const child of node.children) {
    if (child && typeof child === 'object' && child.tag === 'wx-comp') {
      const sub = $gwx('comp.wxml')({ i: child.attr.i, l: child.attr.l }, {}, {})
      child.children = sub.children
      expandComponents($gwx, child, guard + 1)
    } else {
      expandComponents($gwx, child, guard)
    }
  }
}

/** Text a user would read, in document order (text nodes joined by spaces). */
function textOf(node) {
  const out = []
  ;(function walk(n) {
    if (n === null || n === undefined) return
    if (typeof n === 'string' || typeof n === 'number') {
      const s = String(n).trim()
      if (s) out.push(s)
      return
    }
    if (n.tag === 'wx-input' || n.tag === 'wx-textarea') {
      for (const key of ['value', 'placeholder']) if (n.attr && n.attr[key]) out.push(String(n.attr[key]))
    }
    for (const c of n.children || []) walk(c)
  })(node)
  return out.join(' ')
}

/**
 * WeChat's audit measures of a rendered page. Nodes: every element and every non-empty text node
 * below the page (the page itself and `comp` wrappers are components, not counted in depth); depth:
 * the longest chain of elements from the page; children: the most children of one node.
 */
function measure(tree) {
  let nodes = 0
  let depth = 0
  let children = 0
  let widest = null
  ;(function walk(n, d) {
    const kids = (n.children || []).filter((c) => (typeof c === 'string' ? c.trim() !== '' : c && typeof c === 'object'))
    const visible = kids.flatMap((c) => (c && c.tag === 'wx-comp' ? c.children || [] : [c]))
    if (visible.length > children) {
      children = visible.length
      widest = n
    }
    for (const c of kids) {
      if (typeof c === 'string') {
        nodes++
        continue
      }
      const isWrapper = c.tag === 'wx-comp'
      if (!isWrapper) nodes++
      const nd = isWrapper ? d : d + 1
      if (nd > depth) depth = nd
      walk(c, nd)
    }
  })(tree, 0)
  return { nodes, depth, children, widestClass: widest && widest.attr ? widest.attr.class || widest.tag : widest && widest.tag }
}

module.exports = { AUDIT_LIMITS, binary, compileWxml, compileWxss, loadTemplates, renderPage, textOf, measure, parseErrors, formatErrors, listFiles }
