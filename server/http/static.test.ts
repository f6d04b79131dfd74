// The built H5 app served beside the API: the .br/.gz copies the build writes go to browsers that
// accept them, hashed scripts and styles are cached for good, everything else is revalidated.
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { after, before, describe, it } from 'node:test'
import { startTestApp, type TestApp } from '../testing/app'

const html = `<!doctype html><html lang="zh-CN"><head><title>信用通</title></head><body><div id="app"></div>${' '.repeat(2000)}</body></html>`
const script = `console.log(${JSON.stringify('信用通'.repeat(500))})`

let t: TestApp
let staticDir: string
before(async () => {
  staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'creditpass-h5-'))
  fs.mkdirSync(path.join(staticDir, 'js'))
  const write = (file: string, text: string) => {
    fs.writeFileSync(path.join(staticDir, file), text)
    fs.writeFileSync(path.join(staticDir, `${file}.br`), zlib.brotliCompressSync(text))
    fs.writeFileSync(path.join(staticDir, `${file}.gz`), zlib.gzipSync(text))
  }
  write('index.html', html)
  write('js/app.1a2b3c4d.js', script)
  fs.writeFileSync(path.join(staticDir, 'js', 'plain.js'), 'void 0')
  t = await startTestApp({ STATIC_DIR: staticDir })
})
after(async () => {
  await t.close()
  fs.rmSync(staticDir, { recursive: true, force: true })
})

describe('static H5 files', () => {
  it('a hashed script: Brotli when accepted, else gzip, else as is; cached for good; varies by encoding', async () => {
    for (const [accept, encoding, decode] of [
      ['gzip, deflate, br', 'br', zlib.brotliDecompressSync],
      ['gzip, deflate', 'gzip', zlib.gunzipSync],
      ['identity', undefined, (b: Buffer) => b],
    ] as const) {
      const res = await t.app.inject({ method: 'GET', url: '/js/app.1a2b3c4d.js', headers: { 'accept-encoding': accept } })
      assert.equal(res.statusCode, 200)
      assert.equal(res.headers['content-encoding'], encoding, accept)
      assert.match(String(res.headers['content-type']), /javascript/)
      assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable')
      assert.equal(res.headers.vary, 'accept-encoding')
      assert.equal(decode(res.rawPayload).toString(), script)
    }
  })

  it('index.html, also as the fallback of an app route, is compressed and revalidated', async () => {
    for (const url of ['/', '/pages/mine/index']) {
      const res = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br' } })
      assert.equal(res.statusCode, 200, url)
      assert.equal(res.headers['content-encoding'], 'br', url)
      assert.match(String(res.headers['content-type']), /^text\/html/)
      assert.equal(res.headers['cache-control'], 'no-cache', url)
      assert.equal(zlib.brotliDecompressSync(res.rawPayload).toString(), html)
    }
  })

  it('a file without compressed copies is sent as is', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/js/plain.js', headers: { 'accept-encoding': 'br, gzip' } })
    assert.equal(res.statusCode, 200)
    assert.equal(res.headers['content-encoding'], undefined)
    assert.equal(res.body, 'void 0')
  })

  it('the compressed copies are not files of their own', async () => {
    for (const url of ['/js/app.1a2b3c4d.js.br', '/index.html.gz']) {
      const res = await t.app.inject({ method: 'GET', url })
      assert.equal(res.statusCode, 404, url)
    }
  })

  it('API answers are never cached', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' })
    assert.equal(res.headers['cache-control'], 'no-store')
  })
})
