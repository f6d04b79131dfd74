// 异议 calls (issue #13 API): the acting subject's objections, and the officer's queue and actions.
// Filing goes through the outbox (it posts to OBJECTIONS_URL under its own Idempotency-Key).
import type { ObjectionOutcome, ObjectionReason, ObjectionStatus } from '../domain/objection'
import { apiGet, apiPost, newIdempotencyKey } from './http'
import type { RecordObjection } from '../contract/credit'
import type { CreditRecordDetail, Page } from './types'

export type { ObjectionOutcome, ObjectionReason, ObjectionStatus }

export interface ObjectionStep {
  status: ObjectionStatus
  done: boolean
  at: string | null
  actor: string | null
  dueDate: string | null
  dueDateEstimated: boolean
  overdue: boolean
  /** 按法定节假日推算… when the due date rests on a year without the official arrangement */
  note: string | null
  department?: string | null
  transferNote?: string | null
  outcome?: ObjectionOutcome | null
  outcomeLabel?: string | null
  reasons?: string | null
}

export interface ObjectionAttachment {
  id: string
  type: string
  size: number
  /** an API path (`/api/uploads/:id`), read with the session */
  url: string
}

export interface Objection {
  id: string
  status: ObjectionStatus
  recordId: string
  recordTitle: string | null
  recordDepartment: string | null
  reason: ObjectionReason
  reasonLabel: string
  description: string
  filedAt: string
  dueDate: string | null
  dueDateEstimated: boolean
  dueDateNote: string | null
  overdue: boolean
  outcome: ObjectionOutcome | null
  decisionReasons: string | null
  correction: { before: Record<string, string | null>; after: Record<string, string | null> } | null
  steps: ObjectionStep[]
  attachments: ObjectionAttachment[]
}

/** The case as the officer sees it: with the record and its full history. */
export interface OfficerObjection extends Objection {
  record: Omit<CreditRecordDetail, 'objection'>
}

export interface FileObjectionRequest {
  recordId: string
  reason: ObjectionReason
  description: string
  attachmentIds: string[]
}

export interface Correction {
  title?: string
  content?: string
  documentNo?: string
  severity?: '轻微' | '一般' | '严重'
}

export interface DecisionRequest {
  outcome: ObjectionOutcome
  reasons: string
  correction?: Correction
}

export const OBJECTIONS_URL = '/objections'

export const fetchMyObjections = (cursor?: string | null) => apiGet<Page<Objection>>(OBJECTIONS_URL, cursor ? { cursor } : undefined)
export const fetchObjection = (id: string) => apiGet<Objection>(`${OBJECTIONS_URL}/${encodeURIComponent(id)}`)

export const fetchOfficerQueue = (status?: ObjectionStatus) => apiGet<Page<OfficerObjection>>('/officer/objections', status ? { status } : undefined)
export const fetchOfficerObjection = (id: string) => apiGet<OfficerObjection>(`/officer/objections/${encodeURIComponent(id)}`)

// One key per tap: the server answers a retried request with the first answer, never acts twice.
const officerPost = (id: string, action: string, body: unknown = {}) =>
  apiPost<Objection>(`/officer/objections/${encodeURIComponent(id)}/${action}`, body, { idempotencyKey: newIdempotencyKey() })

export const acceptObjection = (id: string) => officerPost(id, 'accept')
export const transferObjection = (id: string, body: { department: string; note: string }) => officerPost(id, 'transfer', body)
export const decideObjection = (id: string, body: DecisionRequest) => officerPost(id, 'decision', body)

/** What the record detail tells about the record's objections (GET /api/credit/records/:id). */
export type { RecordObjection }

export const recordObjectionOf = (record: Pick<CreditRecordDetail, 'objection'>): RecordObjection | null => record.objection
