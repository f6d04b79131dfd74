// Keeps the masked profile fresh: fetches /api/me whenever a page shows, but only after privacy
// consent and only with a session. A failure keeps the last profile and says so.
import { useDidShow } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { toApiError } from '../../services/api-error'
import { fetchMe } from '../../services/auth-api'
import { isLoggedIn, useAuthStore } from '../../stores/auth'
import { hasConsented, useConsentStore } from '../../stores/consent'
import { keepActingForValid } from './switch-subject'

export function useProfileRefresh(): { error: string | null } {
  const consented = useConsentStore(hasConsented)
  const [error, setError] = useState<string | null>(null)

  const refresh = useCallback(async () => {
    if (!hasConsented() || !isLoggedIn()) return
    const token = useAuthStore.getState().refreshToken
    try {
      const profile = await fetchMe()
      // The user may have logged out (or in as someone else) while this was on its way.
      if (useAuthStore.getState().refreshToken === token) {
        useAuthStore.getState().setUser(profile)
        keepActingForValid(profile)
      }
      setError(null)
    } catch (e) {
      setError(isLoggedIn() ? toApiError(e).message : null)
    }
  }, [])

  useDidShow(() => void refresh())

  // Consent given on this very page: load now rather than on the next show.
  const firstRun = useRef(true)
  useEffect(() => {
    if (firstRun.current) {
      firstRun.current = false
      return
    }
    if (consented) void refresh()
  }, [consented, refresh])

  return { error }
}
