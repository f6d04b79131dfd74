// A 3-second smoke run of the reliability load (`npm run reliability` runs it for 30 s at 500 req/s):
// mixed reads, idempotent writes with retries and public lookups against the app on a real port —
// no 5xx, every answer the right one, and afterwards one row per acknowledged key.
import assert from 'node:assert/strict'
import type { AddressInfo } from 'node:net'
import { after, before, describe, it } from 'node:test'
import { sql } from 'kysely'
import { startTestApp, type TestApp } from '../testing/app'
import { loadFailures, runLoad } from '../testing/load'

let t: TestApp
before(async () => {
  // public lookups come from many addresses (X-Forwarded-For), as behind a proxy: not one client's rate limit
  t = await startTestApp({ TRUST_PROXY: '1' })
  await t.app.listen({ port: 0, host: '127.0.0.1' })
})
after(() => t.close())

describe('load smoke run', () => {
  it('3 s of mixed load at 60 req/s: no 5xx, no wrong answer, no write lost or duplicated', async (ctx) => {
    const { port } = t.app.server.address() as AddressInfo
    const report = await runLoad({
      origin: `http://127.0.0.1:${port}`,
      rate: 60,
      durationS: 3,
      runId: 'smoke',
      query: async <T>(text: string, values: unknown[] = []) => {
        const parts = text.split(/\$\d+/)
        const q = sql.join(parts.map((p, i) => (i < values.length ? sql`${sql.raw(p)}${values[i]}` : sql.raw(p))), sql``)
        return (await q.execute(t.ctx.db)).rows as T[]
      },
    })
    ctx.diagnostic(JSON.stringify({ requests: report.requests, p50: report.p50Ms, p99: report.p99Ms, ...report.consistency }))
    assert.deepEqual(loadFailures(report), [])
    assert.ok(report.requests >= 150, `${report.requests} requests sent`)
    assert.ok(report.consistency.writesAcknowledged >= 10, `${report.consistency.writesAcknowledged} writes`)
    assert.equal(report.consistency.rowsWritten, report.consistency.writesAcknowledged)
  })
})
