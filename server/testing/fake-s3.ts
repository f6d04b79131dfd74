// A small S3-compatible server for tests: path-style PUT / GET / DELETE of objects on 127.0.0.1,
// NoSuchKey as S3 answers it, and switches to answer with an error or not at all.
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface FakeS3 {
  url: string
  bucket: string
  objects: Map<string, Buffer>
  requests: { method: string; path: string; headers: http.IncomingHttpHeaders }[]
  /** 'ok', an HTTP error status to answer every request with, or 'hang' (never answer) */
  mode: 'ok' | 403 | 500 | 'hang'
  close(): Promise<void>
}

const xmlError = (code: string, message: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message><RequestId>fake</RequestId></Error>`

export async function startFakeS3(bucket = 'creditpass-test'): Promise<FakeS3> {
  const objects = new Map<string, Buffer>()
  const requests: FakeS3['requests'] = []
  const hanging = new Set<http.ServerResponse>()
  const state = { mode: 'ok' as FakeS3['mode'] }
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
      requests.push({ method: req.method ?? '', path, headers: req.headers })
      if (state.mode === 'hang') return void hanging.add(res)
      const reply = (status: number, body = '', type = 'application/xml') => {
        res.writeHead(status, { 'content-type': type, 'x-amz-request-id': 'fake' })
        res.end(body)
      }
      if (state.mode === 403) return reply(403, xmlError('AccessDenied', 'Access Denied'))
      if (state.mode === 500) return reply(500, xmlError('InternalError', 'We encountered an internal error. Please try again.'))
      const prefix = `/${bucket}/`
      if (!path.startsWith(prefix)) return reply(404, xmlError('NoSuchBucket', 'The specified bucket does not exist'))
      const key = path.slice(prefix.length)
      if (req.method === 'PUT') {
        objects.set(key, Buffer.concat(chunks))
        res.setHeader('etag', '"fake"')
        return reply(200)
      }
      if (req.method === 'GET') {
        const body = objects.get(key)
        if (!body) return reply(404, xmlError('NoSuchKey', 'The specified key does not exist.'))
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length })
        return res.end(body)
      }
      if (req.method === 'DELETE') {
        objects.delete(key)
        return reply(204)
      }
      reply(405, xmlError('MethodNotAllowed', 'The specified method is not allowed'))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    bucket,
    objects,
    requests,
    get mode() {
      return state.mode
    },
    set mode(m) {
      state.mode = m
    },
    async close() {
      for (const res of hanging) res.destroy()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
