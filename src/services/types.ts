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

// Credit answers: src/contract/credit.ts.
export type {
  AccessLogEntry, CreditOverview, CreditRecord, CreditRecordDetail, Polarity, RecordEvent, RecordFilter, RecordStatus, ScoreFactor, ScoreMonth,
} from '../contract/credit'
