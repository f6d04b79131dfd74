// Credit calls (DESIGN §4 /api/credit/*, /api/me/access-log), for the subject the user acts for.
// Shapes: src/contract/credit.ts (types only: zod stays out of the app bundle).
import type { Page } from '../contract/common'
import type { AccessLogEntry, CreditOverview, CreditRecord, CreditRecordDetail, RecordFilter, ScoreHistory } from '../contract/credit'
import { apiGet } from './http'

export const fetchOverview = () => apiGet<CreditOverview>('/credit/overview')

export const fetchRecords = (filter: RecordFilter, cursor?: string | null) =>
  apiGet<Page<CreditRecord>>('/credit/records', { ...filter, ...(cursor ? { cursor } : {}) })

export const fetchRecord = (id: string) => apiGet<CreditRecordDetail>(`/credit/records/${encodeURIComponent(id)}`)

export const fetchScoreHistory = () => apiGet<ScoreHistory>('/credit/score-history')

export const fetchAccessLog = (cursor?: string | null) => apiGet<Page<AccessLogEntry>>('/me/access-log', cursor ? { cursor } : undefined)
