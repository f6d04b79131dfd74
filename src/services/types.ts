// Shapes of the API's answers (DESIGN §4) that the app reads.
import type { LevelName, Severity } from '../domain/policy'

export type { LevelName, Severity }

// Sign-in, profile and health answers: src/contract/auth.ts.
export type { Health, LoginResponse, Persona, Profile, SubjectRef } from '../contract/auth'

/** A cursor page (DESIGN §4): `nextCursor` is null on the last page. */
export type { Page } from '../contract/common'

// Credit answers: src/contract/credit.ts.
export type {
  AccessLogEntry, CreditOverview, CreditRecord, CreditRecordDetail, Polarity, RecordEvent, RecordFilter, RecordStatus, ScoreFactor, ScoreMonth,
} from '../contract/credit'
