// The life of a credit record as a pure state machine: its statuses, the events that move it, and
// who may cause each. The server's records module applies these decisions; nothing else changes a
// record's status.
import type { RecordKindPolicy } from './policy'

export const RECORD_STATUSES = ['公示中', '异议中', '已更正', '已撤销', '已修复', '已到期'] as const
export type RecordStatus = (typeof RECORD_STATUSES)[number]

/** Who caused a change: the expiry job, the subject the record is about, or an officer. */
export type ActorKind = 'system' | 'subject' | 'officer'

export type RecordEvent =
  /** a department's decision is published (also: a commitment found fulfilled or breached) */
  | 'publish'
  /** the subject files an objection: the entry is suspended at once (000 §22) */
  | 'file_objection'
  /** objection outcomes */
  | 'uphold'
  | 'correct'
  | 'revoke'
  /** a repair application approved: publicity ends */
  | 'approve_repair'
  /** the publicity period is over */
  | 'expire'

interface Rule {
  from: readonly (RecordStatus | null)[]
  to: RecordStatus
  by: readonly ActorKind[]
  /** what the event history shows when no reason is given */
  label: string
}

export const TRANSITIONS: Readonly<Record<RecordEvent, Rule>> = {
  publish: { from: [null], to: '公示中', by: ['officer', 'system'], label: '依法作出决定并向社会公示' },
  file_objection: { from: ['公示中'], to: '异议中', by: ['subject'], label: '信用主体提出异议，核查期间暂停使用' },
  uphold: { from: ['异议中'], to: '公示中', by: ['officer'], label: '异议核查后维持原记录' },
  correct: { from: ['异议中'], to: '已更正', by: ['officer'], label: '异议核查后更正记录' },
  revoke: { from: ['异议中'], to: '已撤销', by: ['officer'], label: '异议核查后撤销记录，公示结束' },
  // A corrected entry is still in publicity: it can be repaired and it expires like any other.
  approve_repair: { from: ['公示中', '已更正'], to: '已修复', by: ['officer'], label: '信用修复申请获准，公示结束' },
  expire: { from: ['公示中', '已更正'], to: '已到期', by: ['system'], label: '公示期届满' },
}

export const RECORD_EVENTS = Object.keys(TRANSITIONS) as RecordEvent[]

export interface LifecycleRecord {
  status: RecordStatus | null
  polarity: 'positive' | 'negative'
  publicityEnd: string | null
}

export type Decision = { ok: true; from: RecordStatus | null; to: RecordStatus; label: string } | { ok: false; code: string; message: string }

const refuse = (code: string, message: string): Decision => ({ ok: false, code, message })

/**
 * Whether `event` by `actor` may move `record`, and to which status. `today` is the China date;
 * `kind` the record kind's policy (repair is refused where law forbids it).
 */
export function decide(record: LifecycleRecord, event: RecordEvent, actor: ActorKind, opts: { today: string; kind?: RecordKindPolicy }): Decision {
  const rule = TRANSITIONS[event]
  if (!rule) return refuse('UNKNOWN_EVENT', '不支持的记录变更')
  if (!rule.by.includes(actor)) return refuse('NOT_ALLOWED', `无权进行此操作：${rule.label}`)
  if (!rule.from.includes(record.status)) {
    return record.status === null
      ? refuse('RECORD_NOT_FOUND', '信用记录不存在')
      : refuse('INVALID_TRANSITION', `记录当前为“${record.status}”，不能${describeEvent(event)}`)
  }
  if (event === 'approve_repair') {
    if (record.polarity !== 'negative') return refuse('NOT_REPAIRABLE', '只有失信（负面）记录需要信用修复')
    if (opts.kind?.repairForbidden) return refuse('REPAIR_FORBIDDEN', `依照法律规定，“${opts.kind.kind}”类记录不适用信用修复`)
  }
  if (event === 'expire') {
    if (record.publicityEnd === null) return refuse('NOT_EXPIRED', '该记录没有公示截止日期，不会到期')
    if (!isExpired(record.publicityEnd, opts.today)) return refuse('NOT_EXPIRED', `公示期至 ${record.publicityEnd}，尚未届满`)
  }
  return { ok: true, from: record.status, to: rule.to, label: rule.label }
}

/** A record is public through its last day and expires the day after (China dates). */
export function isExpired(publicityEnd: string, today: string): boolean {
  return today > publicityEnd
}

const EVENT_NAMES: Record<RecordEvent, string> = {
  publish: '公示',
  file_objection: '提出异议',
  uphold: '维持原记录',
  correct: '更正',
  revoke: '撤销',
  approve_repair: '修复',
  expire: '到期',
}
export function describeEvent(event: RecordEvent): string {
  return EVENT_NAMES[event]
}

/** No event leads out of these. */
export const FINAL_STATUSES: readonly RecordStatus[] = RECORD_STATUSES.filter((s) => RECORD_EVENTS.every((e) => !TRANSITIONS[e].from.includes(s)))
