// The one persisted outbox: every submission (and the form draft it came from) is stored in Taro
// storage before it is sent, so a closed app or a lost network loses nothing. This module holds
// only state and its transitions; sending is the runner's job (runner.ts).
import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { taroStorage } from '../../platform/storage'
import type { OutboxItem, OutboxStatus } from './types'

export interface OutboxDraft {
  ownerId: string
  data: unknown
  updatedAt: number
}

/** Finished items kept for the list (已提交); unfinished ones are never dropped by age. */
const MAX_DONE = 20
/** Form drafts kept; the oldest go first. */
const MAX_DRAFTS = 20

export const OUTBOX_STORAGE_KEY = 'creditpass-outbox'

interface OutboxState {
  items: OutboxItem[]
  drafts: Record<string, OutboxDraft>
  add(item: OutboxItem): void
  patch(id: string, change: Partial<OutboxItem>): void
  remove(id: string): void
  saveDraft(formKey: string, ownerId: string, data: unknown): void
  clearDraft(formKey: string): void
  /** forgets the drafts of every other account (a shared device) */
  keepDraftsOf(ownerId: string): void
}

function pruneDone(items: OutboxItem[]): OutboxItem[] {
  const done = items.filter((i) => i.status === 'done').sort((a, b) => b.updatedAt - a.updatedAt)
  const dropped = new Set(done.slice(MAX_DONE).map((i) => i.id))
  return dropped.size ? items.filter((i) => !dropped.has(i.id)) : items
}

export const useOutboxStore = create<OutboxState>()(
  persist(
    (set) => ({
      items: [],
      drafts: {},
      add: (item) => set((s) => ({ items: pruneDone([...s.items, item]) })),
      patch: (id, change) =>
        set((s) => ({ items: pruneDone(s.items.map((i) => (i.id === id ? { ...i, ...change, updatedAt: Date.now() } : i))) })),
      remove: (id) => set((s) => ({ items: s.items.filter((i) => i.id !== id) })),
      saveDraft: (formKey, ownerId, data) =>
        set((s) => {
          const drafts = { ...s.drafts, [formKey]: { ownerId, data, updatedAt: Date.now() } }
          const keys = Object.keys(drafts).sort((a, b) => drafts[b].updatedAt - drafts[a].updatedAt)
          for (const k of keys.slice(MAX_DRAFTS)) delete drafts[k]
          return { drafts }
        }),
      clearDraft: (formKey) =>
        set((s) => {
          if (!(formKey in s.drafts)) return s
          const drafts = { ...s.drafts }
          delete drafts[formKey]
          return { drafts }
        }),
      keepDraftsOf: (ownerId) =>
        set((s) => ({ drafts: Object.fromEntries(Object.entries(s.drafts).filter(([, d]) => d.ownerId === ownerId)) })),
    }),
    {
      name: OUTBOX_STORAGE_KEY,
      storage: createJSONStorage(() => taroStorage),
      partialize: (s) => ({ items: s.items, drafts: s.drafts }),
      // An item stored as 发送中 was cut off by a closed app: it waits to be sent again (same key).
      merge: (persisted, current) => {
        const p = (persisted ?? {}) as Partial<Pick<OutboxState, 'items' | 'drafts'>>
        const items = (p.items ?? []).map((i) => (i.status === 'sending' ? { ...i, status: 'pending' as OutboxStatus, nextAttemptAt: 0 } : i))
        return { ...current, items, drafts: p.drafts ?? {} }
      },
    },
  ),
)

export const isUnfinished = (i: OutboxItem) => i.status === 'pending' || i.status === 'sending'

/** The latest item of a form that is not 已提交 (waiting, sending or failed), if any. */
export const liveItemOf = (formKey: string) => (s: Pick<OutboxState, 'items'>): OutboxItem | undefined => {
  for (let k = s.items.length - 1; k >= 0; k--) {
    const i = s.items[k]
    if (i.formKey === formKey && i.status !== 'done') return i
  }
  return undefined
}

export const itemById = (id: string | null) => (s: Pick<OutboxState, 'items'>): OutboxItem | undefined =>
  id ? s.items.find((i) => i.id === id) : undefined
