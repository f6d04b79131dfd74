// The overview screen's answer (score, level, what counts and why, list membership, counts) and
// the monthly score history, for one subject.
import type { Kysely } from 'kysely'
import type { CreditOverview, ScoreHistory } from '../../src/contract/credit'
import type { LevelName } from '../../src/domain/policy'
import { SERVICE_HOURS_FACTOR } from '../../src/domain/score'
import type { Database } from '../db/schema'
import type { ActingSubject } from '../http/auth'
import { creditStanding } from './records'

export async function creditOverview(db: Kysely<Database>, subject: ActingSubject, today: string): Promise<CreditOverview> {
  const { records, counted, result, redList, blackList } = await creditStanding(db, subject.id, today)
  const byId = new Map(records.map((r) => [r.id, r]))
  const totals = await db
    .selectFrom('credit_records')
    .select(['polarity', (eb) => eb.fn.countAll<string>().as('n')])
    .where('subject_id', '=', subject.id)
    .groupBy('polarity')
    .execute()
  const total = (p: 'positive' | 'negative') => Number(totals.find((t) => t.polarity === p)?.n ?? 0)
  return {
    // A person's own name is not repeated here: the app shows it masked from the profile.
    subject: { kind: subject.kind, name: subject.kind === 'enterprise' ? subject.name : null, relation: subject.relation },
    asOf: today,
    score: result.score,
    level: result.level,
    base: result.base,
    factors: result.factors.map((f) => {
      // 公益服务 hours are a factor without a record: it leads to 我的公益时长.
      if (f.recordId === SERVICE_HOURS_FACTOR) {
        return { ...f, record: { id: f.recordId, title: '公益服务', documentNo: null, department: '我的公益时长', publicityEnd: null } }
      }
      const r = byId.get(f.recordId)!
      return { ...f, record: { id: r.id, title: r.title, documentNo: r.documentNo, department: r.department, publicityEnd: r.publicityEnd } }
    }),
    suspended: result.excluded.map((e) => ({ ...e, title: byId.get(e.recordId)?.title ?? '' })),
    redList,
    blackList,
    counts: { positive: total('positive'), negative: total('negative'), inPublicity: counted.length },
  }
}

/** The last 12 monthly snapshots, oldest first (written by the monthly job, never on a read). */
export async function scoreHistory(db: Kysely<Database>, subjectId: string): Promise<ScoreHistory> {
  const rows = await db
    .selectFrom('score_snapshots')
    .select(['month', 'score', 'level'])
    .where('subject_id', '=', subjectId)
    .orderBy('month', 'desc')
    .limit(12)
    .execute()
  // score_snapshots.level holds only level names (the monthly job writes computeScore's level).
  return { items: rows.reverse().map((r) => ({ ...r, level: r.level as LevelName })) }
}
