// Whether the 守信激励 screens may ask the server about the user yet: only after privacy consent,
// with a session, and after real-name binding (eligibility is about a known person).
import { useAuthStore } from '../../stores/auth'
import { hasConsented, useConsentStore } from '../../stores/consent'

export type IncentiveAccess = 'consent' | 'login' | 'real-name' | 'ready'

export interface IncentiveAccessState {
  access: IncentiveAccess
  /** changes whenever the user or the subject they act for changes: reload when it does */
  scope: string | null
}

export function useIncentiveAccess(): IncentiveAccessState {
  const consented = useConsentStore(hasConsented)
  const loggedIn = useAuthStore((s) => Boolean(s.refreshToken))
  const user = useAuthStore((s) => s.user)
  const actingFor = useAuthStore((s) => s.actingFor)

  let access: IncentiveAccess = 'ready'
  if (!consented) access = 'consent'
  else if (!loggedIn || !user) access = 'login'
  else if (!actingFor && !user.realNameVerified) access = 'real-name'
  return { access, scope: access === 'ready' ? `${user?.id ?? ''}|${actingFor ?? ''}` : null }
}
