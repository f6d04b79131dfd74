// Build-output sizes: the weapp packages (main package and each subpackage, from dist/weapp) and the
// first-load JavaScript of the H5 app (the scripts dist/h5/index.html references, gzip-compressed).
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

export const KB = 1024
/** WeChat DevTools warns above 1.5 MB for the main package (the hard limit is 2 MB). */
export const WEAPP_MAIN_LIMIT = 1.5 * 1024 * KB

export interface WeappSizes {
  mainBytes: number
  mainLimitBytes: number
  pass: boolean
  subpackages: { root: string; bytes: number; pages: number }[]
  totalBytes: number
  /** the largest files of the main package, to see where the bytes go */
  largestMainFiles: { file: string; bytes: number }[]
}

function listFiles(dir: string, base = dir): string[] {
  const out: string[] = []
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) out.push(...listFiles(full, base))
    else if (entry.isFile()) out.push(path.relative(base, full).split(path.sep).join('/'))
  }
  return out
}

/** Sizes of the mini-program packages. Main package = every file not under a subpackage root. */
export function weappSizes(distDir: string): WeappSizes {
  const appJson = JSON.parse(fs.readFileSync(path.join(distDir, 'app.json'), 'utf8')) as {
    subPackages?: { root: string; pages?: string[] }[]
    subpackages?: { root: string; pages?: string[] }[]
  }
  const subs = (appJson.subPackages ?? appJson.subpackages ?? []).map((sp) => ({
    root: sp.root.replace(/^\/+/, '').replace(/\/?$/, '/'),
    pages: (sp.pages ?? []).length,
    bytes: 0,
  }))
  let mainBytes = 0
  let totalBytes = 0
  const mainFiles: { file: string; bytes: number }[] = []
  for (const file of listFiles(distDir)) {
    const bytes = fs.statSync(path.join(distDir, file)).size
    totalBytes += bytes
    const sp = subs.find((s) => file.startsWith(s.root))
    if (sp) sp.bytes += bytes
    else {
      mainBytes += bytes
      mainFiles.push({ file, bytes })
    }
  }
  mainFiles.sort((a, b) => b.bytes - a.bytes)
  return {
    mainBytes,
    mainLimitBytes: WEAPP_MAIN_LIMIT,
    pass: mainBytes <= WEAPP_MAIN_LIMIT,
    subpackages: subs.map((s) => ({ root: s.root, bytes: s.bytes, pages: s.pages })),
    totalBytes,
    largestMainFiles: mainFiles.slice(0, 5),
  }
}

export interface H5Asset {
  file: string
  bytes: number
  gzipBytes: number
}

export interface H5Sizes {
  scripts: H5Asset[]
  jsBytes: number
  jsGzipBytes: number
  styles: H5Asset[]
  cssGzipBytes: number
  /** script or stylesheet URLs on another origin, not counted */
  external: string[]
}

const gzipSize = (buf: Buffer | string) => zlib.gzipSync(buf, { level: 6 }).length

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)
  return m ? (m[2] ?? m[3] ?? m[4]) : undefined
}

/** Resolves a URL of index.html to a file of the H5 output (publicPath '/' or relative). */
function localFile(distDir: string, url: string): string | undefined {
  if (/^([a-z]+:)?\/\//i.test(url) || url.startsWith('data:')) return undefined
  const clean = decodeURIComponent(url.split(/[?#]/)[0]).replace(/^\/+/, '')
  const file = path.resolve(distDir, clean)
  return file.startsWith(path.resolve(distDir) + path.sep) ? file : undefined
}

/** First-load JS of the H5 build: the scripts index.html references (and inline ones), gzip level 6. */
export function h5Sizes(distDir: string): H5Sizes {
  const html = fs.readFileSync(path.join(distDir, 'index.html'), 'utf8')
  const scripts: H5Asset[] = []
  const styles: H5Asset[] = []
  const external: string[] = []
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const tag = `<script ${m[1]}>`
    const type = attr(tag, 'type')
    if (type && !/^(module|text\/javascript|application\/javascript)$/i.test(type)) continue
    const src = attr(tag, 'src')
    if (!src) {
      if (m[2].trim()) scripts.push({ file: '(inline)', bytes: Buffer.byteLength(m[2]), gzipBytes: gzipSize(m[2]) })
      continue
    }
    const file = localFile(distDir, src)
    if (!file) {
      external.push(src)
      continue
    }
    if (!fs.existsSync(file)) throw new Error(`index.html references ${src}, which is not in ${distDir}`)
    const buf = fs.readFileSync(file)
    scripts.push({ file: path.relative(distDir, file).split(path.sep).join('/'), bytes: buf.length, gzipBytes: gzipSize(buf) })
  }
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = attr(m[0], 'rel')
    const href = attr(m[0], 'href')
    if (!href || !rel || !/\bstylesheet\b/i.test(rel)) continue
    const file = localFile(distDir, href)
    if (!file || !fs.existsSync(file)) {
      external.push(href)
      continue
    }
    const buf = fs.readFileSync(file)
    styles.push({ file: path.relative(distDir, file).split(path.sep).join('/'), bytes: buf.length, gzipBytes: gzipSize(buf) })
  }
  return {
    scripts,
    jsBytes: scripts.reduce((s, a) => s + a.bytes, 0),
    jsGzipBytes: scripts.reduce((s, a) => s + a.gzipBytes, 0),
    styles,
    cssGzipBytes: styles.reduce((s, a) => s + a.gzipBytes, 0),
    external,
  }
}
