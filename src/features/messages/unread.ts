// How many messages are unread, shared by the bell on 首页, the row in 我的 and the tab badge.
// Refreshed when those show; the message list updates it from every page it loads.
import { create } from 'zustand'
import { showUnreadBadge } from '../../platform/tab-badge'
import { fetchMessages } from '../../services/messages-api'
import { useAuthStore } from '../../stores/auth'
import { hasConsented, useConsentStore } from '../../stores/consent'

interface UnreadState {
  count: number
  set(count: number): void
  /** asks the server (the first page carries the count); failures keep the last count */
  refresh(): Promise<void>
}

export const useUnreadStore = create<UnreadState>()((set, get) => ({
  count: 0,
  set: (count) => {
    set({ count })
    showUnreadBadge(count)
  },
  refresh: async () => {
    // Nothing personal is fetched before the privacy consent, nor without a session.
    if (!useAuthStore.getState().refreshToken || !hasConsented(useConsentStore.getState())) return
    try {
      get().set((await fetchMessages()).unread)
    } catch {
      // offline or signed out: the badge stays as it was
    }
  },
}))
