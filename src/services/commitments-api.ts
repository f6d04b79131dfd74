// 信用承诺 calls (DESIGN §3 Commitments, §4 /api/commitments, /api/public/*). The public list and
// receipt verification are anonymous: no token and no X-Subject, whoever is logged in.
import type { CommitmentKind } from '../domain/policy'
import { anonymousGet, apiGet } from './http'
import type { Page } from './types'

export type CommitmentStatus = '履约中' | '已履约' | '违诺'
export type TemplateAudience = 'person' | 'enterprise' | 'both'

export interface TemplateSummary {
  id: string
  version: number
  kind: CommitmentKind
  title: string
  audience: TemplateAudience
  textSha256: string
}

export interface CommitmentTemplate extends TemplateSummary {
  /** the full text, paragraphs separated by line breaks */
  body: string
}

export interface CommitmentSubject {
  kind: 'person' | 'enterprise'
  /** an enterprise's registered name; a person's name comes masked */
  name: string
  uscc: string | null
}

export interface Commitment {
  id: string
  receiptNo: string
  template: { id: string; version: number; kind: CommitmentKind; title: string }
  subject: CommitmentSubject
  signerRelation: string
  textSha256: string
  signatureSha256: string
  status: CommitmentStatus
  statusReason: string | null
  signedAt: string
}

export interface CommitmentDetail extends Commitment {
  text: string
}

/** What anyone may learn from a receipt number. */
export type ReceiptVerification = Omit<Commitment, 'id' | 'signatureSha256'> & { valid: true }

export interface SignRequest {
  templateId: string
  version: number
  textSha256: string
  agreed: true
  /** data:image/png;base64,… */
  signaturePng: string
}

export const fetchTemplates = (kind?: CommitmentKind) => apiGet<Page<TemplateSummary>>('/commitments/templates', kind ? { kind } : undefined)
export const fetchTemplate = (id: string) => apiGet<CommitmentTemplate>(`/commitments/templates/${encodeURIComponent(id)}`)
// Signing (POST /commitments with a SignRequest → CommitmentDetail) is sent through the outbox.
export const fetchMyCommitments = (cursor?: string | null) => apiGet<Page<Commitment>>('/commitments', cursor ? { cursor } : undefined)
export const fetchCommitment = (id: string) => apiGet<CommitmentDetail>(`/commitments/${encodeURIComponent(id)}`)

export const fetchPublicCommitments = (q: string, cursor?: string | null) =>
  anonymousGet<Page<Commitment>>('/public/commitments', { ...(q ? { q } : {}), ...(cursor ? { cursor } : {}) })
export const verifyReceipt = (receiptNo: string) => anonymousGet<ReceiptVerification>(`/public/receipts/${encodeURIComponent(receiptNo)}`)
