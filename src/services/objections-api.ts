// 异议 calls (issue #13 API): the acting subject's objections, and the officer's queue and actions.
// Filing goes through the outbox (it posts to OBJECTIONS_URL under its own Idempotency-Key). Types
// come from the contract, as types only: zod stays out of the app bundle.
import type {
  Correction, DecisionRequest, FileObjectionRequest, Objection, ObjectionAttachment, ObjectionOutcome, ObjectionPage, ObjectionReason, ObjectionStatus,
  ObjectionStep, OfficerObjection, OfficerObjectionPage, TransferRequest,
} from '../contract/objections'
import type { RecordObjection } from '../contract/credit'
import { apiGet, apiPost, newIdempotencyKey } from './http'
import type { CreditRecordDetail } from './types'

export type {
  Correction, DecisionRequest, FileObjectionRequest, Objection, ObjectionAttachment, ObjectionOutcome, ObjectionReason, ObjectionStatus, ObjectionStep,
  OfficerObjection, TransferRequest,
}

export const OBJECTIONS_URL = '/objections'

export const fetchMyObjections = (cursor?: string | null) => apiGet<ObjectionPage>(OBJECTIONS_URL, cursor ? { cursor } : undefined)
export const fetchObjection = (id: string) => apiGet<Objection>(`${OBJECTIONS_URL}/${encodeURIComponent(id)}`)

export const fetchOfficerQueue = (status?: ObjectionStatus) => apiGet<OfficerObjectionPage>('/officer/objections', status ? { status } : undefined)
export const fetchOfficerObjection = (id: string) => apiGet<OfficerObjection>(`/officer/objections/${encodeURIComponent(id)}`)

// One key per tap: the server answers a retried request with the first answer, never acts twice.
const officerPost = (id: string, action: string, body: unknown = {}) =>
  apiPost<Objection>(`/officer/objections/${encodeURIComponent(id)}/${action}`, body, { idempotencyKey: newIdempotencyKey() })

export const acceptObjection = (id: string) => officerPost(id, 'accept')
export const transferObjection = (id: string, body: TransferRequest) => officerPost(id, 'transfer', body)
export const decideObjection = (id: string, body: DecisionRequest) => officerPost(id, 'decision', body)

/** What the record detail tells about the record's objections (GET /api/credit/records/:id). */
export type { RecordObjection }

export const recordObjectionOf = (record: Pick<CreditRecordDetail, 'objection'>): RecordObjection | null => record.objection
