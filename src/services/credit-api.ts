// Credit calls (DESIGN §4 /api/credit/*, /api/me/access-log), for the subject the user acts for.
import { apiGet } from './http'
import type { AccessLogEntry, CreditOverview, CreditRecord, CreditRecordDetail, Page, RecordFilter, ScoreMonth } from './types'

export const fetchOverview = () => apiGet<CreditOverview>('/credit/overview')

export const fetchRecords = (filter: RecordFilter, cursor?: string | null) =>
  apiGet<Page<CreditRecord>>('/credit/records', { ...filter, ...(cursor ? { cursor } : {}) })

export const fetchRecord = (id: string) => apiGet<CreditRecordDetail>(`/credit/records/${encodeURIComponent(id)}`)

export const fetchScoreHistory = () => apiGet<{ items: ScoreMonth[] }>('/credit/score-history')

export const fetchAccessLog = (cursor?: string | null) => apiGet<Page<AccessLogEntry>>('/me/access-log', cursor ? { cursor } : undefined)
