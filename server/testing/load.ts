// A bounded, open-loop load on a running API: a fixed rate of mixed requests (record lists, the
// score, an idempotent write with some retries of answered keys, public lookups from many client
// addresses), latency measured from each request's scheduled start, and afterwards a consistency
// check in the database: one row per acknowledged key, retries replaying the same answer, no key
// left in flight. Used by `npm run reliability` (30 s at 500 req/s) and by a 3-second smoke test.
import http from 'node:http'

export interface LoadOptions {
  /** http://127.0.0.1:port of an API started with TRUST_PROXY=1 (public lookups come from many addresses) */
  origin: string
  rate: number
  durationS: number
  /** a run id: its idempotency keys start with it */
  runId: string
  /** a SQL query on the API's database, for the consistency check */
  query: <T>(text: string, values?: unknown[]) => Promise<T[]>
}

export interface KindFigures {
  requests: number
  p50Ms: number
  p99Ms: number
}

export interface LoadReport {
  targetRate: number
  achievedRate: number
  durationS: number
  requests: number
  p50Ms: number
  p99Ms: number
  maxMs: number
  byKind: Record<string, KindFigures>
  status5xx: number
  /** answers other than the expected ones for their kind (5xx included), and network errors */
  unexpected: number
  networkErrors: number
  /** scheduled but not sent: the client had MAX_IN_FLIGHT requests open already */
  notSent: number
  samples: string[]
  consistency: {
    writesAcknowledged: number
    retries: number
    retriesDiffering: number
    rowsWritten: number
    lost: number
    duplicated: number
    keysNotDone: number
  }
}

const MAX_IN_FLIGHT = 512
const WRITE_PATH = '/api/me/authorizations'
const WRITE_BODY = JSON.stringify({ incentiveId: 'rental-bike', days: 30 })

interface Actor {
  persona: string
  subjectId: string
  token: string
}

async function call(agent: http.Agent, origin: string, method: string, path: string, headers: Record<string, string> = {}, body?: string) {
  const url = new URL(path, origin)
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(
      { agent, host: url.hostname, port: url.port, path: url.pathname + url.search, method, headers: { ...headers, ...(body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {}) }, timeout: 30_000 },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }))
        res.on('error', reject)
      },
    )
    req.on('timeout', () => req.destroy(new Error('timeout')))
    req.on('error', reject)
    req.end(body)
  })
}

async function login(agent: http.Agent, origin: string, persona: string): Promise<Actor> {
  const res = await call(agent, origin, 'POST', '/api/auth/sandbox/login', {}, JSON.stringify({ persona }))
  if (res.status !== 200) throw new Error(`login ${persona}: ${res.status} ${res.body}`)
  const body = JSON.parse(res.body) as { accessToken: string; user: { subjects: { id: string; relation: string }[] } }
  return { persona, token: body.accessToken, subjectId: body.user.subjects.find((s) => s.relation === '本人')?.id ?? '' }
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : 0)
const round = (ms: number) => Math.round(ms * 10) / 10

export async function runLoad(opts: LoadOptions): Promise<LoadReport> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 })
  const auth = (a: Actor) => ({ authorization: `Bearer ${a.token}` })
  try {
    const readers = await Promise.all(['citizen-red', 'citizen-repairable', 'citizen-objection', 'agent-yunqi'].map((p) => login(agent, opts.origin, p)))
    // Writers: the citizens who hold (or can claim now) the 信易租 grant an authorisation needs.
    const writers: Actor[] = []
    for (const a of readers) {
      const claim = await call(agent, opts.origin, 'POST', '/api/incentives/rental-bike/claims', auth(a), '{}')
      if (claim.status === 201 || claim.status === 409) writers.push(a)
    }
    if (writers.length === 0) throw new Error('no demo citizen could claim the rental-bike grant')
    const [{ since }] = await opts.query<{ since: Date }>('select now() as since')

    const answered: { key: string; writer: Actor; id: string }[] = []
    const firstAnswer = new Map<string, string>()
    let retries = 0
    let retriesDiffering = 0
    let keySeq = 0
    const latencies: Record<string, number[]> = {}
    const samples: string[] = []
    let status5xx = 0
    let unexpected = 0
    let networkErrors = 0
    let notSent = 0
    let inFlight = 0
    let sent = 0

    // One request of the mix; `expect` lists the answers that are right for it.
    type Shot = { kind: string; method: string; path: string; headers: Record<string, string>; body?: string; expect: number[]; after?: (body: string) => void }
    const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)]
    const address = () => `10.${Math.floor(Math.random() * 200)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`
    function nextShot(): Shot {
      const r = Math.random()
      if (r < 0.3) return { kind: 'records', method: 'GET', path: '/api/credit/records', headers: auth(pick(readers)), expect: [200] }
      if (r < 0.5) return { kind: 'score', method: 'GET', path: '/api/credit/overview', headers: auth(pick(readers)), expect: [200] }
      if (r < 0.7) {
        // a tenth of the writes retry a key already answered: it must replay the same authorisation
        const retry = answered.length > 0 && Math.random() < 0.1 ? pick(answered) : undefined
        const writer = retry?.writer ?? pick(writers)
        const key = retry?.key ?? `${opts.runId}-${String(++keySeq).padStart(6, '0')}`
        return {
          kind: retry ? 'write (retry)' : 'write', method: 'POST', path: WRITE_PATH, headers: { ...auth(writer), 'idempotency-key': key }, body: WRITE_BODY, expect: [201],
          after(body) {
            const id = (JSON.parse(body) as { id: string }).id
            if (retry) {
              retries++
              if (id !== retry.id) retriesDiffering++
            } else if (!firstAnswer.has(key)) {
              firstAnswer.set(key, id)
              answered.push({ key, writer, id })
            }
          },
        }
      }
      const from = { 'x-forwarded-for': address() }
      if (r < 0.8) return { kind: 'public search', method: 'GET', path: `/api/public/commitments?q=${encodeURIComponent('云栖')}`, headers: from, expect: [200] }
      if (r < 0.9) return { kind: 'public lists', method: 'GET', path: `/api/public/lists?list=${pick(['red', 'black'])}`, headers: from, expect: [200] }
      return { kind: 'public receipt', method: 'GET', path: `/api/public/receipts/CP20260101${Math.random().toString(36).slice(2, 10).toUpperCase().padEnd(8, 'X')}`, headers: from, expect: [404, 400] }
    }

    const fire = (shot: Shot, scheduledAt: number) => {
      inFlight++
      sent++
      return call(agent, opts.origin, shot.method, shot.path, shot.headers, shot.body)
        .then((res) => {
          ;(latencies[shot.kind] ??= []).push(performance.now() - scheduledAt)
          if (res.status >= 500) status5xx++
          if (!shot.expect.includes(res.status)) {
            unexpected++
            if (samples.length < 10) samples.push(`${shot.method} ${shot.path} → ${res.status} ${res.body.slice(0, 160)}`)
          } else shot.after?.(res.body)
        })
        .catch((e: Error) => {
          networkErrors++
          unexpected++
          if (samples.length < 10) samples.push(`${shot.method} ${shot.path} → ${e.message}`)
        })
        .finally(() => inFlight--)
    }

    // Open loop: requests leave on schedule whether or not earlier ones were answered.
    const pending: Promise<void>[] = []
    const start = performance.now()
    const total = Math.round(opts.rate * opts.durationS)
    let scheduled = 0
    while (scheduled < total) {
      const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * opts.rate))
      for (; scheduled < due; scheduled++) {
        const at = start + (scheduled / opts.rate) * 1000
        if (inFlight >= MAX_IN_FLIGHT) notSent++
        else pending.push(fire(nextShot(), at))
      }
      await new Promise((r) => setTimeout(r, 5))
    }
    await Promise.all(pending)
    const elapsedS = (performance.now() - start) / 1000

    // Consistency: rows written by the run's keys against what the client was told.
    const rows = await opts.query<{ id: string }>(
      `select id from authorizations where subject_id = any($1) and created_at >= $2`,
      [writers.map((w) => w.subjectId), since],
    )
    const rowIds = new Set(rows.map((r) => r.id))
    const acknowledgedIds = new Set(firstAnswer.values())
    const keys = await opts.query<{ key: string; state: string; id: string | null }>(
      `select key, state, (response_body::json)->>'id' as id from idempotency_keys where key like $1`,
      [`${opts.runId}-%`],
    )
    const all = Object.values(latencies).flat().sort((a, b) => a - b)
    const byKind = Object.fromEntries(
      Object.entries(latencies).map(([k, v]) => {
        const s = [...v].sort((a, b) => a - b)
        return [k, { requests: s.length, p50Ms: round(percentile(s, 50)), p99Ms: round(percentile(s, 99)) }]
      }),
    )
    return {
      targetRate: opts.rate,
      achievedRate: Math.round(sent / elapsedS),
      durationS: round(elapsedS),
      requests: sent,
      p50Ms: round(percentile(all, 50)),
      p99Ms: round(percentile(all, 99)),
      maxMs: round(all[all.length - 1] ?? 0),
      byKind,
      status5xx,
      unexpected,
      networkErrors,
      notSent,
      samples,
      consistency: {
        writesAcknowledged: acknowledgedIds.size,
        retries,
        retriesDiffering,
        rowsWritten: rows.length,
        // acknowledged to the client, or stored as a key's answer, but not in the database
        lost: new Set([...acknowledgedIds, ...keys.map((k) => k.id ?? '')].filter((id) => !rowIds.has(id))).size,
        // rows beyond one per key that was sent (a key that was never answered may still have its row)
        duplicated: Math.max(0, rows.length - keys.length) + (keys.length - new Set(keys.map((k) => k.id)).size),
        keysNotDone: keys.filter((k) => k.state !== 'done').length,
      },
    }
  } finally {
    agent.destroy()
  }
}

/** Problems that fail a run: any 5xx, an answer or error that is wrong for its request, a row lost or duplicated. */
export function loadFailures(r: LoadReport): string[] {
  const c = r.consistency
  const out: string[] = []
  if (r.status5xx > 0) out.push(`${r.status5xx} answers with a 5xx status`)
  if (r.unexpected > 0) out.push(`${r.unexpected} unexpected answers or network errors: ${r.samples.join(' | ')}`)
  if (c.lost > 0) out.push(`${c.lost} acknowledged writes missing from the database`)
  if (c.duplicated > 0) out.push(`${c.duplicated} rows more than one per idempotency key`)
  if (c.retriesDiffering > 0) out.push(`${c.retriesDiffering} retries answered with another authorisation than the first answer`)
  if (c.keysNotDone > 0) out.push(`${c.keysNotDone} idempotency keys left in flight`)
  if (c.writesAcknowledged === 0) out.push('no write was acknowledged')
  return out
}
