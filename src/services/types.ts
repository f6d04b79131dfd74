// Shapes of the API's answers (DESIGN §4) that the app reads.
import type { LevelName, Severity } from '../domain/policy'

export type { LevelName, Severity }

export interface SubjectRef {
  id: string
  kind: 'person' | 'enterprise'
  name: string
  identifier: string
  relation: string
}

export interface Profile {
  id: string
  name: string | null
  phone: string | null
  idNumber: string | null
  realNameVerified: boolean
  wechatBound: boolean
  roles: string[]
  orgName: string | null
  subjects: SubjectRef[]
}

export interface LoginResponse {
  accessToken: string
  refreshToken: string
  expiresIn: number
  user: Profile
}

export interface Persona {
  id: string
  name: string
  roles: string[]
  summary: string
}

export interface Health {
  status: string
  /** 'embedded' (the API's own PostgreSQL server) or 'postgresql' (DATABASE_URL) */
  database: 'embedded' | 'postgresql'
  databaseVersion: string
  migration: number
  sandbox: boolean
}

/** A cursor page (DESIGN §4): `nextCursor` is null on the last page. */
export interface Page<T> {
  items: T[]
  nextCursor: string | null
}

export type Polarity = 'positive' | 'negative'
export type RecordStatus = '公示中' | '异议中' | '已更正' | '已撤销' | '已修复' | '已到期'

export interface ScoreFactor {
  recordId: string
  points: number
  /** plain Chinese with the points, the record and its publicity end */
  reason: string
  record: { id: string; title: string; documentNo: string | null; department: string; publicityEnd: string | null }
}

export interface CreditOverview {
  subject: { kind: 'person' | 'enterprise'; name: string | null; relation: string }
  asOf: string
  score: number
  level: LevelName
  base: number
  factors: ScoreFactor[]
  /** records that exist but do not count now (under objection, or of a kind that carries no points) */
  suspended: { recordId: string; reason: string; title: string }[]
  redList: string[]
  /** 严重失信 lists the subject is on */
  blackList: string[]
  counts: { positive: number; negative: number; inPublicity: number }
}

export interface CreditRecord {
  id: string
  kind: string
  polarity: Polarity
  severity: Severity | null
  title: string
  content: string
  department: string
  documentNo: string | null
  legalBasis: string | null
  decisionDate: string
  publicityStart: string
  publicityEnd: string | null
  status: RecordStatus
  list: { kind: 'red' | 'black'; name: string } | null
}

export interface RecordEvent {
  at: string
  actor: string
  status: RecordStatus
  reason: string
}

export interface CreditRecordDetail extends CreditRecord {
  history: RecordEvent[]
}

export interface RecordFilter {
  kind?: string
  status?: RecordStatus
  polarity?: Polarity
}

export interface ScoreMonth {
  month: string
  score: number
  level: LevelName
}

export interface AccessLogEntry {
  id: string
  at: string
  /** already masked by the server */
  reader: string
  readerKind: string
  purpose: string
}
