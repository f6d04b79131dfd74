// The session: tokens, the masked profile, and the enterprise the user acts for (if any).
import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { taroStorage } from '../platform/storage'
import type { LoginResponse, Profile } from '../services/types'

interface AuthState {
  accessToken: string | null
  refreshToken: string | null
  user: Profile | null
  /** USCC of the enterprise the user acts for, sent as X-Subject; null = the user themself. */
  actingFor: string | null
  setSession(res: LoginResponse): void
  setTokens(accessToken: string, refreshToken: string): void
  setUser(user: Profile): void
  setActingFor(uscc: string | null): void
  clear(): void
}

const empty = { accessToken: null, refreshToken: null, user: null, actingFor: null }

export const useAuthStore = create<AuthState>()(
  persist(
    (set) => ({
      ...empty,
      setSession: (res) => set({ accessToken: res.accessToken, refreshToken: res.refreshToken, user: res.user, actingFor: null }),
      setTokens: (accessToken, refreshToken) => set({ accessToken, refreshToken }),
      // The profile refreshed on every page show is usually the one already held: keep that
      // object then, so nothing that reads it renders again.
      setUser: (user) => set((s) => (s.user && JSON.stringify(s.user) === JSON.stringify(user) ? s : { user })),
      setActingFor: (actingFor) => set({ actingFor }),
      clear: () => set(empty),
    }),
    { name: 'creditpass-auth', storage: createJSONStorage(() => taroStorage) },
  ),
)

export const isLoggedIn = () => Boolean(useAuthStore.getState().refreshToken)
