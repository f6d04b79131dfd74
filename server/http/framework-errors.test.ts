// Errors answered before any route runs, sent over a real socket (inject cannot produce them).
import assert from 'node:assert/strict'
import net from 'node:net'
import { after, before, describe, it } from 'node:test'
import { buildApp } from '../app'
import { startTestApp, type TestApp } from '../testing/app'

let t: TestApp
let app: Awaited<ReturnType<typeof buildApp>>
let port: number
before(async () => {
  t = await startTestApp()
  app = await buildApp(t.ctx, { requestTimeout: 800, http: { requestTimeout: 800, connectionsCheckingInterval: 200 } })
  await app.listen({ port: 0, host: '127.0.0.1' })
  port = (app.server.address() as net.AddressInfo).port
})
after(async () => {
  await app.close()
  await t.close()
})

/**
 * Writes `raw` and resolves with the status and body read back once the server closes the socket
 * (every request here asks for `Connection: close` or is one the server must end). The socket is
 * not half-closed: the server would see a truncated request of its own.
 */
function rawRequest(raw: string): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1')
    const chunks: Buffer[] = []
    socket.on('data', (c) => chunks.push(c))
    socket.on('error', reject)
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8')
      const [head, ...rest] = text.split('\r\n\r\n')
      let body = rest.join('\r\n\r\n')
      if (/transfer-encoding: chunked/i.test(head)) body = body.replace(/^[0-9a-f]+\r\n/i, '').replace(/\r\n0\r\n\r\n$/, '')
      resolve({ status: Number(head.split(' ')[1]), headers: head, body })
    })
    socket.setTimeout(10_000, () => socket.destroy())
    socket.write(raw)
  })
}
const get = (path: string, extra = '') => rawRequest(`GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n${extra}\r\n`)

const chinese = /[\u4e00-\u9fa5]/
function assertContract(res: { status: number; body: string }, status: number, code: string, mustNotEcho?: string) {
  assert.equal(res.status, status, res.body)
  const parsed = JSON.parse(res.body)
  assert.deepEqual(Object.keys(parsed), ['error'])
  assert.equal(parsed.error.code, code)
  assert.match(parsed.error.message, chinese)
  if (mustNotEcho) assert.ok(!res.body.includes(mustNotEcho), res.body)
}

describe('errors raised before the routes still follow the contract', () => {
  it('a bad %-escape in the path → 400 BAD_URL', async () => {
    assertContract(await get('/api/public/receipts/%ZZsecret'), 400, 'BAD_URL', 'secret')
    assertContract(await get('/api/credit/records/%E4%ZZ'), 400, 'BAD_URL', '%ZZ')
  })

  it('a 200-character id → 414 URI_TOO_LONG', async () => {
    const id = 'A'.repeat(200)
    assertContract(await get(`/api/public/receipts/${id}`), 414, 'URI_TOO_LONG', id)
  })

  it('a 20 kB query or a huge header → 431 HEADERS_TOO_LARGE', async () => {
    const q = 'q'.repeat(20_000)
    assertContract(await get(`/api/public/commitments?q=${q}`), 431, 'HEADERS_TOO_LARGE', q)
    assertContract(await get('/api/health', `X-Big: ${'b'.repeat(20_000)}\r\n`), 431, 'HEADERS_TOO_LARGE')
  })

  it('an unknown path or method → 404 without the path echoed', async () => {
    assertContract(await get('/api/nope/13800000001'), 404, 'NOT_FOUND', '13800000001')
    assertContract(await rawRequest('DELETE /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'), 404, 'NOT_FOUND', '/api/health')
  })

  it('a declared body over 1 MB → 413, text/plain → 415', async () => {
    assertContract(
      await rawRequest('POST /api/auth/wechat HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: 2000000\r\n\r\n{"code":'),
      413,
      'BODY_TOO_LARGE',
    )
    assertContract(
      await rawRequest('POST /api/auth/wechat HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello'),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    )
  })

  it('a body that never arrives → 408 REQUEST_TIMEOUT, the socket is closed', async () => {
    const started = Date.now()
    const res = await rawRequest('POST /api/auth/wechat HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"co')
    assertContract(res, 408, 'REQUEST_TIMEOUT')
    assert.ok(Date.now() - started < 5000)
  })

  it('a malformed request line or conflicting lengths → 400 BAD_REQUEST', async () => {
    assertContract(await rawRequest('GARBAGE\r\n\r\n'), 400, 'BAD_REQUEST')
    assertContract(
      await rawRequest('POST /api/auth/wechat HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd'),
      400,
      'BAD_REQUEST',
    )
  })
})
