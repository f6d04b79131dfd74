// /api/credit/* and /api/me/access-log: the acting subject's score, records and who read them.
import { z } from 'zod'
import { RECORD_STATUSES } from '../domain/lifecycle'
import { OBLIGATION_SOURCES } from '../domain/obligation'
import { LEVELS, type LevelName } from '../domain/policy'
import { calendarDate, cursor, idParams, instant, limit, pageOf, subjectKind } from './common'

export const RECORDS_PAGE_SIZE = 20
export const RECORDS_MAX_PAGE_SIZE = 50

export const levelName = z.enum(LEVELS.map((l) => l.name) as [LevelName, ...LevelName[]])
export const severity = z.enum(['轻微', '一般', '严重'])
export const recordStatus = z.enum(RECORD_STATUSES)
export const polarity = z.enum(['positive', 'negative'])
export type Polarity = z.infer<typeof polarity>
export type RecordStatus = z.infer<typeof recordStatus>

// --- requests ---------------------------------------------------------------------------------

export const RecordsQuery = z.object({
  cursor: cursor(200).optional(),
  kind: z.string().max(20, { error: '记录类别不正确' }).optional(),
  status: z.enum(RECORD_STATUSES, { error: '记录状态不正确' }).optional(),
  polarity: z.enum(['positive', 'negative'], { error: '记录性质不正确' }).optional(),
  limit: limit(RECORDS_MAX_PAGE_SIZE).optional(),
})
/** The filters the records screen sends (the cursor and page size travel separately). */
export type RecordFilter = Pick<z.input<typeof RecordsQuery>, 'kind' | 'status' | 'polarity'>

export const RecordParams = idParams('信用记录', 100)
export const AccessLogQuery = z.object({ cursor: cursor(300).optional() })

// --- answers ----------------------------------------------------------------------------------

export const CreditRecord = z.strictObject({
  id: z.string(),
  kind: z.string(),
  polarity,
  severity: severity.nullable(),
  title: z.string(),
  content: z.string(),
  department: z.string(),
  documentNo: z.string().nullable(),
  legalBasis: z.string().nullable(),
  decisionDate: calendarDate,
  publicityStart: calendarDate,
  publicityEnd: calendarDate.nullable(),
  status: recordStatus,
  list: z.strictObject({ kind: z.enum(['red', 'black']), name: z.string() }).nullable(),
})
export type CreditRecord = z.infer<typeof CreditRecord>

export const RecordEvent = z.strictObject({ at: instant, actor: z.string(), status: recordStatus, reason: z.string() })
export type RecordEvent = z.infer<typeof RecordEvent>

/** The record's latest objection, if any: open (the record is suspended while verified), or decided. */
export const RecordObjection = z.strictObject({
  id: z.string(),
  status: z.enum(['已提交', '核查中', '已转办', '已办结']),
  outcome: z.enum(['correct', 'revoke', 'uphold']).nullable(),
  open: z.boolean(),
  /** after a 维持 decision a new objection needs new evidence */
  newEvidenceRequired: z.boolean(),
})
export type RecordObjection = z.infer<typeof RecordObjection>

/** What the decision obliges (缴纳罚款 5,000 元; null: nothing) and whether it is known as met: when, and from which source. */
export const RecordObligation = z.strictObject({
  duty: z.string().nullable(),
  metOn: calendarDate.nullable(),
  source: z.enum(OBLIGATION_SOURCES).nullable(),
})
export type RecordObligation = z.infer<typeof RecordObligation>

export const CreditRecordDetail = CreditRecord.extend({ history: z.array(RecordEvent), objection: RecordObjection.nullable(), obligation: RecordObligation })
export type CreditRecordDetail = z.infer<typeof CreditRecordDetail>

export const RecordsPage = pageOf(CreditRecord)

export const ScoreFactor = z.strictObject({
  recordId: z.string(),
  points: z.number().int(),
  /** plain Chinese with the points, the record and its publicity end */
  reason: z.string(),
  record: z.strictObject({ id: z.string(), title: z.string(), documentNo: z.string().nullable(), department: z.string(), publicityEnd: calendarDate.nullable() }),
})
export type ScoreFactor = z.infer<typeof ScoreFactor>

export const CreditOverview = z.strictObject({
  subject: z.strictObject({ kind: subjectKind, name: z.string().nullable(), relation: z.string() }),
  asOf: calendarDate,
  score: z.number().int(),
  level: levelName,
  base: z.number().int(),
  factors: z.array(ScoreFactor),
  /** records that exist but do not count now (under objection, or of a kind that carries no points) */
  suspended: z.array(z.strictObject({ recordId: z.string(), reason: z.string(), title: z.string() })),
  redList: z.array(z.string()),
  /** 严重失信 lists the subject is on */
  blackList: z.array(z.string()),
  counts: z.strictObject({ positive: z.number().int(), negative: z.number().int(), inPublicity: z.number().int() }),
})
export type CreditOverview = z.infer<typeof CreditOverview>

export const ScoreMonth = z.strictObject({ month: z.string().regex(/^\d{4}-\d{2}$/), score: z.number().int(), level: levelName })
export type ScoreMonth = z.infer<typeof ScoreMonth>
export const ScoreHistory = z.strictObject({ items: z.array(ScoreMonth) })
export type ScoreHistory = z.infer<typeof ScoreHistory>

export const AccessLogEntry = z.strictObject({
  id: z.string(),
  at: instant,
  /** already masked by the server */
  reader: z.string(),
  readerKind: z.string(),
  purpose: z.string(),
})
export type AccessLogEntry = z.infer<typeof AccessLogEntry>
export const AccessLogPage = pageOf(AccessLogEntry)
