// Every /api/credit route and /api/me/access-log answers in the shape of src/contract/credit.ts.
import { after, before, describe, it } from 'node:test'
import { AccessLogPage, CreditOverview, CreditRecordDetail, RecordsPage, ScoreHistory } from '../../src/contract/credit'
import { bearer, loginAs, startTestApp, type TestApp } from '../testing/app'
import { answers, refuses } from './check'

let t: TestApp
const tokens: Record<string, string> = {}
before(async () => {
  t = await startTestApp()
  for (const p of ['citizen-red', 'citizen-objection', 'citizen-blacklist', 'agent-yunqi']) tokens[p] = (await loginAs(t.app, p)).accessToken
})
after(() => t.close())

const get = (p: string, url: string, headers: Record<string, string> = {}) => t.app.inject({ url, headers: { ...bearer(tokens[p]), ...headers } })
const asYunqi = { 'x-subject': '91330106MA2H3K5Q7N' }

describe('credit answers follow the contract', () => {
  it('overview, records, one record, score history and access log, for persons and an enterprise', async () => {
    for (const [p, headers] of [['citizen-red', {}], ['citizen-objection', {}], ['citizen-blacklist', {}], ['agent-yunqi', asYunqi]] as const) {
      answers(CreditOverview, await get(p, '/api/credit/overview', headers))
      const page = answers(RecordsPage, await get(p, '/api/credit/records?limit=2', headers))
      if (page.nextCursor) answers(RecordsPage, await get(p, `/api/credit/records?cursor=${encodeURIComponent(page.nextCursor)}`, headers))
      for (const r of page.items) answers(CreditRecordDetail, await get(p, `/api/credit/records/${encodeURIComponent(r.id)}`, headers))
      answers(ScoreHistory, await get(p, '/api/credit/score-history', headers))
      answers(AccessLogPage, await get(p, '/api/me/access-log', headers))
    }
  })

  it('bad input is refused in the contract\'s error shape', async () => {
    refuses(await get('citizen-red', '/api/credit/records?limit=0'), 400, 'VALIDATION_ERROR')
    refuses(await get('citizen-red', '/api/credit/records?status=unknown'), 400, 'VALIDATION_ERROR')
    refuses(await get('citizen-red', '/api/credit/records/rec-none'), 404)
  })
})
