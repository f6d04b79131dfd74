// A subject's negative records as repair cases: the facts repairEligibility and planRepairs need,
// read from the database in one place — so the eligibility list, the planner, a submission and the
// repairable-day job all judge a record by the same facts.
import type { Kysely } from 'kysely'
import { PUBLICITY_RULES, type Severity } from '../../src/domain/policy'
import { obligationMet } from '../../src/domain/obligation'
import { repairEligibility, type RepairCase, type RepairEligibility } from '../../src/domain/repair-eligibility'
import type { ScoredRecord } from '../../src/domain/score'
import type { Database } from '../db/schema'
import { confirmedHours } from '../public-service/hours'
import { obligationOf } from '../records/obligation'

type Db = Kysely<Database>

/** A subject has few records (publicity ends); this bounds a pathological one. */
const MAX_RECORDS = 500

export interface SubjectCases {
  records: ScoredRecord[]
  cases: RepairCase[]
  hoursConfirmed: number
  /** the last rejection of each record, for the citizen to read */
  rejections: Map<string, { reasons: string; at: string }>
}

export async function loadCases(db: Db, subjectId: string): Promise<SubjectCases> {
  const rows = await db
    .selectFrom('credit_records as r')
    .leftJoin('record_kinds as k', 'k.kind', 'r.kind')
    .select(['r.id', 'r.kind', 'r.polarity', 'r.severity', 'r.status', 'r.title', 'r.document_no', 'r.publicity_start', 'r.publicity_end', 'r.list_kind', 'r.decision_date', 'r.obligation', 'r.obligation_met_on', 'r.obligation_met_source', 'k.repair_forbidden', 'k.service_hours'])
    .where('r.subject_id', '=', subjectId)
    .orderBy('r.decision_date', 'desc')
    .orderBy('r.id', 'desc')
    .limit(MAX_RECORDS)
    .execute()
  const records: (ScoredRecord & { decisionDate: string })[] = rows.map((r) => ({
    id: r.id, kind: r.kind, polarity: r.polarity, severity: r.severity, status: r.status, title: r.title, documentNo: r.document_no,
    publicityStart: r.publicity_start, publicityEnd: r.publicity_end, listKind: r.list_kind, decisionDate: r.decision_date,
  }))
  const negative = rows.filter((r) => r.polarity === 'negative')
  const ids = negative.map((r) => r.id)
  const [hoursConfirmed, objections, applications] = await Promise.all([
    confirmedHours(db, subjectId),
    ids.length ? db.selectFrom('objections').select('record_id').where('record_id', 'in', ids).where('status', '<>', '已办结').execute() : [],
    ids.length
      ? db.selectFrom('repair_applications').select(['record_id', 'status', 'decision_reasons', 'decided_at', 'filed_at']).where('record_id', 'in', ids).orderBy('filed_at', 'desc').orderBy('id', 'desc').execute()
      : [],
  ])
  const objected = new Set(objections.map((o) => o.record_id))
  const open = new Set(applications.filter((a) => a.status === '审核中').map((a) => a.record_id))
  const rejections = new Map<string, { reasons: string; at: string }>()
  for (const a of applications) {
    // only the latest application of a record tells whether it was turned down
    if (rejections.has(a.record_id) || applications.find((x) => x.record_id === a.record_id) !== a) continue
    if (a.status === '未通过') rejections.set(a.record_id, { reasons: a.decision_reasons ?? '', at: a.decided_at!.toISOString() })
  }
  const cases: RepairCase[] = negative.map((r) => {
    const severity: Severity = r.severity ?? '一般'
    const hours = (r.service_hours as Record<Severity, number> | null)?.[severity] ?? 0
    return {
      record: records.find((x) => x.id === r.id)!,
      repairable: !r.repair_forbidden,
      // Not on record: missing, but the application may carry the proof (repairEligibility's rule).
      obligationMet: obligationMet(obligationOf(r)),
      obligation: r.obligation,
      hoursRequired: hours,
      hoursConfirmed,
      openObjection: objected.has(r.id),
      openApplication: open.has(r.id),
      // A rejected application may be made again at once, with new proof (the old files stay with
      // the rejected case); the reasons are shown beside the eligibility.
      lastRejection: rejections.has(r.id) ? { reasons: rejections.get(r.id)!.reasons, fixed: true } : null,
    }
  })
  return { records, cases, hoursConfirmed, rejections }
}

export type EligibilityItem = RepairEligibility & { title: string; severity: Severity | null; status: string; repairAfterMonths: number | null; lastRejection: { reasons: string; at: string } | null }

export function eligibilityItems(s: SubjectCases, today: string): EligibilityItem[] {
  return s.cases.map((c) => ({
    ...repairEligibility(c, s.records, today),
    title: c.record.title,
    severity: c.record.severity,
    status: c.record.status,
    repairAfterMonths: c.record.severity ? PUBLICITY_RULES[c.record.severity].repairAfterMonths : null,
    lastRejection: s.rejections.get(c.record.id) ?? null,
  }))
}
