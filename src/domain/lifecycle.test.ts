import { decide, FINAL_STATUSES, isExpired, RECORD_EVENTS, RECORD_STATUSES, TRANSITIONS, type ActorKind, type RecordStatus } from './lifecycle'
import { RECORD_KINDS } from './policy'

const ACTORS: ActorKind[] = ['system', 'subject', 'officer']
const negative = (status: RecordStatus | null, publicityEnd: string | null = '2026-06-30') => ({ status, polarity: 'negative' as const, publicityEnd })
const today = '2026-07-01'

// The complete table of allowed moves: anything not listed here must be refused.
const ALLOWED: [RecordStatus | null, string, ActorKind, RecordStatus][] = [
  [null, 'publish', 'officer', '公示中'],
  [null, 'publish', 'system', '公示中'],
  ['公示中', 'file_objection', 'subject', '异议中'],
  ['异议中', 'uphold', 'officer', '公示中'],
  ['异议中', 'correct', 'officer', '已更正'],
  ['异议中', 'revoke', 'officer', '已撤销'],
  ['公示中', 'approve_repair', 'officer', '已修复'],
  ['已更正', 'approve_repair', 'officer', '已修复'],
  ['公示中', 'expire', 'system', '已到期'],
  ['已更正', 'expire', 'system', '已到期'],
]

describe('record lifecycle', () => {
  it('allows exactly the listed moves, each by its actor', () => {
    for (const from of [null, ...RECORD_STATUSES]) {
      for (const event of RECORD_EVENTS) {
        for (const actor of ACTORS) {
          const d = decide(negative(from), event, actor, { today })
          const allowed = ALLOWED.find(([f, e, a]) => f === from && e === event && a === actor)
          if (allowed) expect(d).toEqual({ ok: true, from, to: allowed[3], label: TRANSITIONS[event].label })
          else expect(d.ok).toBe(false)
        }
      }
    }
  })

  it('explains a refusal in Chinese with the current status', () => {
    expect(decide(negative('已撤销'), 'file_objection', 'subject', { today })).toEqual({
      ok: false, code: 'INVALID_TRANSITION', message: '记录当前为“已撤销”，不能提出异议',
    })
    expect(decide(negative('公示中'), 'file_objection', 'officer', { today })).toMatchObject({ ok: false, code: 'NOT_ALLOWED' })
    expect(decide(negative('公示中'), 'expire', 'officer', { today })).toMatchObject({ ok: false, code: 'NOT_ALLOWED' })
  })

  it('revoked, repaired and expired records are final', () => {
    expect([...FINAL_STATUSES].sort()).toEqual(['已修复', '已到期', '已撤销'].sort())
  })

  it('expires only after the last day of publicity', () => {
    expect(isExpired('2026-06-30', '2026-06-30')).toBe(false)
    expect(isExpired('2026-06-30', '2026-07-01')).toBe(true)
    expect(decide(negative('公示中', '2026-07-01'), 'expire', 'system', { today })).toMatchObject({ ok: false, code: 'NOT_EXPIRED' })
    expect(decide(negative('公示中', null), 'expire', 'system', { today })).toMatchObject({ ok: false, code: 'NOT_EXPIRED' })
  })

  it('repairs only negative records of kinds the law lets be repaired', () => {
    const positive = { status: '公示中' as const, polarity: 'positive' as const, publicityEnd: null }
    expect(decide(positive, 'approve_repair', 'officer', { today })).toMatchObject({ ok: false, code: 'NOT_REPAIRABLE' })
    const debtor = RECORD_KINDS.find((k) => k.kind === '失信被执行人')!
    expect(decide(negative('公示中'), 'approve_repair', 'officer', { today, kind: debtor })).toMatchObject({ ok: false, code: 'REPAIR_FORBIDDEN' })
    const penalty = RECORD_KINDS.find((k) => k.kind === '行政处罚')!
    expect(decide(negative('公示中'), 'approve_repair', 'officer', { today, kind: penalty })).toMatchObject({ ok: true, to: '已修复' })
  })
})

describe('record kinds', () => {
  it('are unique, and only kinds that can be negative ask for public-service hours', () => {
    expect(new Set(RECORD_KINDS.map((k) => k.kind)).size).toBe(RECORD_KINDS.length)
    const penalty = RECORD_KINDS.find((k) => k.kind === '行政处罚')!
    expect(penalty.serviceHours).toEqual({ 轻微: 0, 一般: 10, 严重: 20 })
    expect(RECORD_KINDS.find((k) => k.kind === '表彰奖励')!.serviceHours).toBeNull()
  })
})
