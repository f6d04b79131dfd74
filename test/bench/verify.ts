// 信易游 gate verification under load: 50 connections each redeeming distinct, valid vouchers
// (every request is a real first redemption with the code's current digits: signature and rotating
// code checks, atomic update, access-log write).
import crypto from 'node:crypto'
import { chinaDate } from '../../src/domain/dates'
import { rotatingDigits, windowOf } from '../../src/domain/rotating-code'
import { itemSecret, newCode, sign } from '../../server/incentives/codes'
import type { ApiResult, RunningApi } from './api'

const CONNECTIONS = 50
const VOUCHERS = 3000

/** The vouchers, each with the secret of its rotating code (the gate scans code + current digits). */
async function prepare(api: RunningApi): Promise<{ code: string; secret: Uint8Array }[]> {
  const today = chinaDate()
  const codes: { code: string; secret: Uint8Array }[] = []
  for (let start = 0; start < VOUCHERS; start += 500) {
    const subjects = []
    const vouchers = []
    for (let i = start; i < Math.min(VOUCHERS, start + 500); i++) {
      const subjectId = `bench-visitor-${i}`
      subjects.push({ id: subjectId, kind: 'person' as const, name: `游客${i}`, identifier: `BENCH${String(i).padStart(13, '0')}` })
      const row = { id: crypto.randomUUID(), subject_id: subjectId, incentive_id: 'travel-lingyin', benefit: 'ticket_discount', visit_date: today }
      const code = newCode(api.jwtSecret, 'voucher')
      codes.push({ code, secret: itemSecret(api.jwtSecret, 'voucher-pass', row.id) })
      vouchers.push({ ...row, code, signature: sign(api.jwtSecret, [row.id, row.subject_id, row.incentive_id, row.benefit, row.visit_date]) })
    }
    await api.db.insertInto('subjects').values(subjects).execute()
    await api.db.insertInto('vouchers').values(vouchers).execute()
  }
  return codes
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]

export async function runVerifyBench(api: RunningApi): Promise<ApiResult> {
  const codes = await prepare(api)
  const token = await api.login('staff-verifier')
  const latencies: number[] = []
  let non2xx = 0
  let errors = 0
  let next = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (next < codes.length) {
        const voucher = codes[next++]
        const t0 = performance.now()
        const code = `${voucher.code}-${rotatingDigits(voucher.secret, windowOf(Date.now()))}`
        try {
          const res = await fetch(`${api.origin}/api/staff/vouchers/verify`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ code }),
            signal: AbortSignal.timeout(10_000),
          })
          await res.arrayBuffer()
          if (res.status !== 200) non2xx++
        } catch {
          errors++
        }
        latencies.push(performance.now() - t0)
      }
    }),
  )
  const durationS = (performance.now() - started) / 1000
  latencies.sort((a, b) => a - b)
  const ms = (v: number) => Math.round(v * 10) / 10
  return {
    name: 'POST /api/staff/vouchers/verify', mode: `${VOUCHERS} redemptions`, connections: CONNECTIONS,
    durationS: Math.round(durationS * 10) / 10, requests: latencies.length, reqPerSec: Math.round(latencies.length / durationS),
    p50Ms: ms(percentile(latencies, 50)), p90Ms: ms(percentile(latencies, 90)), p99Ms: ms(percentile(latencies, 99)),
    maxMs: ms(latencies[latencies.length - 1]), non2xx, errors, timeouts: 0,
  }
}
