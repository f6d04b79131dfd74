// What the user saw of each subject's credit on the last visit, to say what changed since: the
// score and the entry counts only (no names, no ID numbers), keyed by the server's subject id.
import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { taroStorage } from '../platform/storage'

export interface Seen {
  score: number
  positive: number
  negative: number
}

export interface Change {
  /** score now minus score on the last visit */
  score: number
  /** entries added since the last visit */
  records: number
}

interface LastSeenState {
  seen: Record<string, Seen>
  /** changes found in this launch (not persisted): they stay on screen until the app restarts */
  changes: Record<string, Change>
  /** Compares what the subject's overview shows now with the last visit, and remembers it. */
  observe(subjectKey: string, now: Seen): void
}

const same = (a: Seen, b: Seen) => a.score === b.score && a.positive === b.positive && a.negative === b.negative

export const useLastSeenStore = create<LastSeenState>()(
  persist(
    (set, get) => ({
      seen: {},
      changes: {},
      observe: (key, now) => {
        const { seen, changes } = get()
        const before = seen[key]
        if (!before) {
          set({ seen: { ...seen, [key]: now } })
          return
        }
        // Seen again in this launch and nothing new: keep showing the change found earlier.
        if (same(before, now) && changes[key]) return
        const change = { score: now.score - before.score, records: Math.max(0, now.positive + now.negative - before.positive - before.negative) }
        set({ seen: { ...seen, [key]: now }, changes: { ...changes, [key]: change } })
      },
    }),
    {
      name: 'creditpass-last-seen',
      storage: createJSONStorage(() => taroStorage),
      partialize: (s) => ({ seen: s.seen }),
    },
  ),
)
