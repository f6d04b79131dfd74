// The claim form of each incentive (chosen benefit and visit date) and the idempotency key of the
// attempt in progress, kept across a restart so a retry after a crash is the same claim. Nothing
// personal is stored: incentive ids, benefit codes, dates and a random key.
import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { taroStorage } from '../../platform/storage'
import { newIdempotencyKey } from '../../services/http'

export interface ClaimDraft {
  benefit: string | null
  visitDate: string | null
  /** the key of the attempt not yet answered for good; a changed form starts a new attempt */
  key: string | null
}

const EMPTY: ClaimDraft = { benefit: null, visitDate: null, key: null }

interface ClaimDraftState {
  drafts: Record<string, ClaimDraft>
  /** changes the form; any change drops the pending key (it is another claim now) */
  edit(incentiveId: string, change: Partial<Pick<ClaimDraft, 'benefit' | 'visitDate'>>): void
  /** the key for this attempt: the pending one when retrying, a new one otherwise */
  keyFor(incentiveId: string): string
  /** the claim went through: forget the form */
  done(incentiveId: string): void
}

export const useClaimDraftStore = create<ClaimDraftState>()(
  persist(
    (set, get) => ({
      drafts: {},
      edit: (id, change) =>
        set((s) => {
          const before = s.drafts[id] ?? EMPTY
          const next = { ...before, ...change }
          const same = next.benefit === before.benefit && next.visitDate === before.visitDate
          return { drafts: { ...s.drafts, [id]: { ...next, key: same ? before.key : null } } }
        }),
      keyFor: (id) => {
        const draft = get().drafts[id] ?? EMPTY
        if (draft.key) return draft.key
        const key = newIdempotencyKey()
        set((s) => ({ drafts: { ...s.drafts, [id]: { ...draft, key } } }))
        return key
      },
      done: (id) =>
        set((s) => {
          const drafts = { ...s.drafts }
          delete drafts[id]
          return { drafts }
        }),
    }),
    { name: 'creditpass-claim-drafts', storage: createJSONStorage(() => taroStorage), partialize: (s) => ({ drafts: s.drafts }) },
  ),
)

export const draftOf = (id: string) => (s: ClaimDraftState): ClaimDraft => s.drafts[id] ?? EMPTY
