// H5 first view as a phone loads it: every JavaScript file the browser fetches for the home page
// (entry scripts and the chunks they pull in at start-up), gzip -9, from a plain static server.
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import zlib from 'node:zlib'

export interface H5FirstView {
  files: { file: string; gzipBytes: number }[]
  gzipBytes: number
}

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png' }

/** null when Chromium is not installed (Debian package `chromium`). */
export async function h5FirstView(distDir: string): Promise<H5FirstView | null> {
  if (!fs.existsSync(CHROMIUM)) return null
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent((req.url || '/').split('?')[0])
    const file = path.join(distDir, rel === '/' ? 'index.html' : rel)
    if (!file.startsWith(distDir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(rel.startsWith('/api/') ? 401 : 404).end()
      return
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' })
    fs.createReadStream(file).pipe(res)
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as { port: number }
  const { chromium } = await import('playwright-core')
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
  try {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 })
    const scripts = new Set<string>()
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.add(new URL(r.url()).pathname)
    })
    await page.goto(`http://127.0.0.1:${port}/`, { waitUntil: 'networkidle', timeout: 30_000 })
    const files = [...scripts].map((p) => {
      const file = path.join(distDir, p)
      return { file: p.replace(/^\//, ''), gzipBytes: fs.existsSync(file) ? zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length : 0 }
    })
    return { files, gzipBytes: files.reduce((s, f) => s + f.gzipBytes, 0) }
  } finally {
    await browser.close()
    server.close()
  }
}
