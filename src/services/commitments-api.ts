// 信用承诺 calls (DESIGN §3 Commitments, §4 /api/commitments, /api/public/*). The public list and
// receipt verification are anonymous: no token and no X-Subject, whoever is logged in.
// Shapes: src/contract/commitments.ts (types only).
import type { Page } from '../contract/common'
import type {
  Commitment, CommitmentDetail, CommitmentStatus, CommitmentSubject, CommitmentTemplate, PublicCommitment, ReceiptVerification, SignRequest, TemplateAudience, TemplateSummary,
} from '../contract/commitments'
import type { CommitmentKind } from '../domain/policy'
import { anonymousGet, apiGet } from './http'

export type {
  Commitment, CommitmentDetail, CommitmentStatus, CommitmentSubject, CommitmentTemplate, PublicCommitment, ReceiptVerification, SignRequest, TemplateAudience, TemplateSummary,
}

export const fetchTemplates = (kind?: CommitmentKind) => apiGet<Page<TemplateSummary>>('/commitments/templates', kind ? { kind } : undefined)
export const fetchTemplate = (id: string) => apiGet<CommitmentTemplate>(`/commitments/templates/${encodeURIComponent(id)}`)
// Signing (POST /commitments with a SignRequest → CommitmentDetail) is sent through the outbox.
export const fetchMyCommitments = (cursor?: string | null) => apiGet<Page<Commitment>>('/commitments', cursor ? { cursor } : undefined)
export const fetchCommitment = (id: string) => apiGet<CommitmentDetail>(`/commitments/${encodeURIComponent(id)}`)

export const fetchPublicCommitments = (q: string, cursor?: string | null) =>
  anonymousGet<Page<PublicCommitment>>('/public/commitments', { ...(q ? { q } : {}), ...(cursor ? { cursor } : {}) })
export const verifyReceipt = (receiptNo: string) => anonymousGet<ReceiptVerification>(`/public/receipts/${encodeURIComponent(receiptNo)}`)
