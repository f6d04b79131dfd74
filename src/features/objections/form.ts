// The filing form as the outbox keeps it (reason and description; one draft per account, acting
// subject and record) and what still stands between it and submitting, in the words the user sees.
import { EVIDENCE_REQUIRED, OBJECTION_REASONS, validateObjection, type ObjectionReason } from '../../domain/objection'

export interface ObjectionDraft {
  reason: ObjectionReason | ''
  description: string
}

export const EMPTY_OBJECTION_DRAFT: ObjectionDraft = { reason: '', description: '' }

export const objectionFormKey = (ownerId: string, subject: string | null, recordId: string) => `objection-file|${ownerId}|${subject ?? 'self'}|${recordId}`

export const REASON_OPTIONS = (Object.keys(OBJECTION_REASONS) as ObjectionReason[]).map((value) => ({ value, label: OBJECTION_REASONS[value] }))

export const evidenceRequired = (reason: ObjectionReason | '', newEvidenceRequired: boolean) =>
  newEvidenceRequired || (reason !== '' && EVIDENCE_REQUIRED.includes(reason))

export interface EvidenceState {
  /** upload ids of the files that finished uploading */
  uploaded: string[]
  uploading: number
  failed: number
}

/** Why the form cannot be submitted yet, or null. The server checks the same rules again. */
export function formProblem(draft: ObjectionDraft, evidence: EvidenceState, newEvidenceRequired: boolean): string | null {
  if (evidence.uploading > 0) return '请等待证明材料上传完成'
  if (evidence.failed > 0) return '有证明材料上传失败，请重试或删除'
  if (newEvidenceRequired && evidence.uploaded.length === 0) return '该记录的异议曾被维持，再次提出须上传新的证明材料'
  const checked = validateObjection({ reason: draft.reason, description: draft.description, attachmentIds: evidence.uploaded })
  return checked.ok ? null : checked.message
}

/** A text field's value from its input event (Taro's detail; a plain DOM event in tests). */
export const inputText = (e: { detail?: { value?: string }; target?: unknown }): string =>
  e.detail?.value ?? (e.target as { value?: string } | null)?.value ?? ''
