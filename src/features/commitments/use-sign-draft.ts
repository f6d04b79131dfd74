// The draft of one signing (account × acting subject × template version), read from and written
// to the persisted draft store. A draft for an older version of the text is ignored.
import { useCallback } from 'react'
import { draftKey, useSignDraftStore, type SignDraft } from './draft-store'

export interface DraftTarget {
  ownerId: string
  subject: string | null
  templateId: string
  version: number
  textSha256: string
}

export type DraftFields = Pick<SignDraft, 'agreed' | 'signaturePng' | 'idempotencyKey' | 'sent'>

const EMPTY: DraftFields = { agreed: false, signaturePng: null, idempotencyKey: null, sent: false }

export function useSignDraft(target: DraftTarget | null) {
  const stored = useSignDraftStore((s) => (target ? s.drafts[draftKey(target)] : undefined))
  const current = target && stored && stored.version === target.version && stored.textSha256 === target.textSha256 ? stored : undefined
  const fields: DraftFields = current ?? EMPTY

  const update = useCallback(
    (patch: Partial<DraftFields>) => {
      if (!target) return
      const store = useSignDraftStore.getState()
      const existing = store.drafts[draftKey(target)]
      const base = existing && existing.version === target.version && existing.textSha256 === target.textSha256 ? existing : EMPTY
      const next = { ...base, ...patch }
      // Nothing worth keeping: no tick, no drawing, no attempt.
      if (!next.agreed && !next.signaturePng && !next.idempotencyKey) store.remove(target)
      else store.put({ ...target, agreed: next.agreed, signaturePng: next.signaturePng, idempotencyKey: next.idempotencyKey, sent: next.sent })
    },
    // target is a new object on every render: its fields are what identify the draft
    [target?.ownerId, target?.subject, target?.templateId, target?.version, target?.textSha256],
  )

  const remove = useCallback(() => {
    if (target) useSignDraftStore.getState().remove(target)
  }, [target?.ownerId, target?.subject, target?.templateId])

  return { ...fields, update, remove }
}
