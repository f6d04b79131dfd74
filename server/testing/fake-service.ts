// A real HTTP server on 127.0.0.1 standing in for an external service in adapter tests: each test
// says how it answers, and every request it received can be inspected.
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface ReceivedRequest {
  method: string
  url: string
  headers: http.IncomingHttpHeaders
  body: string
}

export type Answer = (req: ReceivedRequest, res: http.ServerResponse) => void

export interface FakeService {
  url: string
  received: ReceivedRequest[]
  answer(fn: Answer): void
  close(): Promise<void>
}

export const json = (status: number, body: unknown): Answer => (_req, res) => {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
}
export const raw = (status: number, body: string, type = 'text/html'): Answer => (_req, res) => {
  res.writeHead(status, { 'content-type': type }).end(body)
}
/** Never answers (until the server closes): for timeouts. */
export const hang: Answer = () => undefined

export async function startFakeService(): Promise<FakeService> {
  let current: Answer = json(200, {})
  const received: ReceivedRequest[] = []
  const open = new Set<http.ServerResponse>()
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const r = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') }
      received.push(r)
      open.add(res)
      res.on('close', () => open.delete(res))
      current(r, res)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    answer(fn) {
      current = fn
    },
    async close() {
      for (const res of open) res.destroy()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
