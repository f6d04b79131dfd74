// Records paging cost: one subject with 100,000 entries against one with 10. Cursor paging on the
// (subject, decision date, id) index should make a page cost the same for both.
import { sql } from 'kysely'
import { runApiBench, type ApiResult, type RunningApi } from './api'

const BIG = 100_000
const SMALL = 10

async function fill(api: RunningApi, subjectId: string, n: number) {
  // One statement: generate_series keeps the 100,000 inserts inside the database.
  await sql`
    insert into credit_records (id, subject_id, kind, polarity, severity, title, department, document_no, legal_basis,
      decision_date, publicity_start, publicity_end, status)
    select ${subjectId} || '-bench-' || g, ${subjectId}, '合同履约', 'positive', null, '合同履约记录 ' || g, '基准测试数据部门',
      '〔2026〕' || g || '号', null, date '2026-01-01' - (g % 3650), date '2020-01-01', date '2020-12-31', '已到期'
    from generate_series(1, ${n}) as g`.execute(api.db)
}

export interface RecordsBench {
  results: ApiResult[]
  /** p50 of a deep page of the big subject divided by the p50 of the small subject's page */
  ratio: number
}

export async function runRecordsBench(api: RunningApi, durationS: number): Promise<RecordsBench> {
  await fill(api, 'person-he', BIG) // staff-rental
  await fill(api, 'person-zhou', SMALL) // citizen-new
  // Reads are measured in a steady state: the bulk load's vacuum (which autovacuum would otherwise
  // start during the runs) and its checkpoint are done before the first request.
  await sql`vacuum analyze credit_records`.execute(api.db)
  await sql`checkpoint`.execute(api.db)
  // A cursor half-way through the big subject's history: a deep page must not cost more.
  const token = await api.login('staff-rental')
  let cursor: string | null = null
  for (let i = 0; i < 25 && (i === 0 || cursor); i++) {
    const res: Response = await fetch(`${api.origin}/api/credit/records?limit=50${cursor ? `&cursor=${cursor}` : ''}`, { headers: { authorization: `Bearer ${token}` } })
    cursor = ((await res.json()) as { nextCursor: string | null }).nextCursor
  }
  const benches = [
    // DESIGN §5: record reads p99 ≤ 50 ms at 500 req/s on the embedded database.
    { name: `records page, ${SMALL} entries`, path: '/api/credit/records', persona: 'citizen-new', connections: 50, rate: 500, p99LimitMs: 50 },
    { name: `records page, ${BIG.toLocaleString('en')} entries`, path: '/api/credit/records', persona: 'staff-rental', connections: 50, rate: 500, p99LimitMs: 50 },
    { name: `records page 26, ${BIG.toLocaleString('en')} entries`, path: `/api/credit/records?cursor=${cursor}`, persona: 'staff-rental', connections: 50, rate: 500, p99LimitMs: 50 },
  ]
  const results: ApiResult[] = []
  for (const b of benches) results.push(...(await runApiBench(api, b, durationS)))
  // Compare the maximum-rate runs (each bench gives a max-rate then a 500 req/s result).
  const maxRate = results.filter((r) => r.mode === 'max rate')
  const small = maxRate[0].p50Ms || 1
  const worstBig = Math.max(maxRate[1].p50Ms, maxRate[2].p50Ms)
  return { results, ratio: Math.round((worstBig / small) * 100) / 100 }
}
