// Reads what a report shows about one subject: its records with their change history, and the
// score. Read-only; the subject is masked here (DESIGN: person 张*, ID 110105********002X).
import type { Kysely } from 'kysely'
import { chinaDate } from '../../src/domain/dates'
import { maskIdNumber, maskName } from '../../src/domain/mask'
import { creditStanding } from '../credit/records'
import type { Database } from '../db/schema'
import { notFound } from '../http/errors'
import { domainOf, type ReportDomain } from './domains'
import type { ReportData, ReportEntry, ReportKind } from './types'

export interface ReportParams {
  kind: ReportKind
  from?: string
  to?: string
  domains?: ReportDomain[]
}

export type ReportContent = Pick<ReportData, 'kind' | 'subject' | 'score' | 'entries' | 'special'>

export async function reportData(db: Kysely<Database>, subjectId: string, params: ReportParams, today = chinaDate()): Promise<ReportContent> {
  const subject = await db.selectFrom('subjects').select(['kind', 'name', 'identifier']).where('id', '=', subjectId).executeTakeFirst()
  if (!subject) throw notFound('信用主体')
  const person = subject.kind === 'person'
  const { result } = await creditStanding(db, subjectId, today)
  const entries = await entriesOf(db, subjectId)
  const content: ReportContent = {
    kind: params.kind,
    subject: { kind: subject.kind, name: person ? maskName(subject.name) : subject.name, identifier: person ? maskIdNumber(subject.identifier) : subject.identifier },
    score: { score: result.score, level: result.level, base: result.base, factors: result.factors.map((f) => ({ points: f.points, reason: f.reason })) },
    entries: params.kind === 'full' ? entries : [],
  }
  if (params.kind === 'special') {
    const from = params.from!
    const to = params.to!
    // Violations only; a revoked decision never stood, so it is not one.
    const violations = entries.filter((e) => e.polarity === 'negative' && e.status !== '已撤销' && e.decisionDate >= from && e.decisionDate <= to)
    content.special = {
      from, to,
      sections: (params.domains ?? []).map((domain) => ({ domain, entries: violations.filter((e) => domainOf(e.department) === domain) })),
    }
  }
  return content
}

async function entriesOf(db: Kysely<Database>, subjectId: string): Promise<ReportEntry[]> {
  const rows = await db
    .selectFrom('credit_records')
    .select(['id', 'kind', 'polarity', 'severity', 'title', 'content', 'department', 'document_no', 'legal_basis', 'decision_date', 'publicity_start', 'publicity_end', 'status', 'list_name'])
    .where('subject_id', '=', subjectId)
    .orderBy('decision_date', 'desc')
    .orderBy('id', 'desc')
    .execute()
  const events = rows.length === 0 ? [] : await db
    .selectFrom('credit_record_events')
    .select(['record_id', 'at', 'actor', 'status', 'reason'])
    .where('record_id', 'in', rows.map((r) => r.id))
    .orderBy('at')
    .orderBy('id')
    .execute()
  return rows.map((r) => ({
    id: r.id, kind: r.kind, polarity: r.polarity, severity: r.severity, title: r.title, content: r.content, department: r.department,
    documentNo: r.document_no, legalBasis: r.legal_basis, decisionDate: r.decision_date, publicityStart: r.publicity_start,
    publicityEnd: r.publicity_end, status: r.status, listName: r.list_name,
    history: events.filter((e) => e.record_id === r.id).map((e) => ({ at: e.at.toISOString(), actor: e.actor, status: e.status, reason: e.reason })),
  }))
}
