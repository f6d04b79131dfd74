// Unsent signings, kept across a closed app until the server has answered: the consent tick, the
// drawn signature (its PNG data URL) and the Idempotency-Key of the attempt. One draft per account,
// acting subject and template; nothing personal beyond the drawing itself, and a draft is only ever
// restored for the account that made it.
import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { taroStorage } from '../../platform/storage'

export interface SignDraft {
  /** the account that drew it (an opaque account id) */
  ownerId: string
  /** USCC of the enterprise signed for, or null for the user themself */
  subject: string | null
  templateId: string
  /** the template version and text hash the user read: a new version starts afresh */
  version: number
  textSha256: string
  agreed: boolean
  signaturePng: string | null
  /** one key per signing attempt, reused for every retry of it */
  idempotencyKey: string | null
  /** the attempt reached the network without a final answer: the signature stays as sent */
  sent: boolean
  updatedAt: number
}

type DraftRef = Pick<SignDraft, 'ownerId' | 'subject' | 'templateId'>

/** At most this many unsent drafts are kept; the oldest go first. */
const MAX_DRAFTS = 5

export const draftKey = (d: DraftRef) => `${d.ownerId}|${d.subject ?? 'self'}|${d.templateId}`

interface DraftState {
  drafts: Record<string, SignDraft>
  put(draft: Omit<SignDraft, 'updatedAt'>): void
  remove(ref: DraftRef): void
  /** forgets drafts of every other account (a shared device) */
  keepOnly(ownerId: string): void
}

export const useSignDraftStore = create<DraftState>()(
  persist(
    (set) => ({
      drafts: {},
      put: (draft) =>
        set((s) => {
          const drafts = { ...s.drafts, [draftKey(draft)]: { ...draft, updatedAt: Date.now() } }
          const keys = Object.keys(drafts).sort((a, b) => drafts[b].updatedAt - drafts[a].updatedAt)
          for (const k of keys.slice(MAX_DRAFTS)) delete drafts[k]
          return { drafts }
        }),
      remove: (ref) =>
        set((s) => {
          const drafts = { ...s.drafts }
          delete drafts[draftKey(ref)]
          return { drafts }
        }),
      keepOnly: (ownerId) =>
        set((s) => ({ drafts: Object.fromEntries(Object.entries(s.drafts).filter(([, d]) => d.ownerId === ownerId)) })),
    }),
    { name: 'creditpass-commitment-drafts', storage: createJSONStorage(() => taroStorage) },
  ),
)
