// Whose credit the screens show, and whether they may show it yet: only after privacy consent,
// with a session, and for a person after real-name binding (an enterprise is read by its agent).
import type { SubjectRef } from '../../services/types'
import { useAuthStore } from '../../stores/auth'
import { hasConsented, useConsentStore } from '../../stores/consent'

export type CreditAccess = 'consent' | 'login' | 'real-name' | 'ready'

export interface CreditSubject {
  access: CreditAccess
  /** the enterprise the user acts for, or null for the user themself */
  enterprise: SubjectRef | null
  /** the server's id of the subject shown (no personal data), to key what the device remembers */
  key: string | null
  /** changes whenever the user or the subject changes: reload when it does */
  scope: string
}

export function useCreditSubject(): CreditSubject {
  const consented = useConsentStore(hasConsented)
  const loggedIn = useAuthStore((s) => Boolean(s.refreshToken))
  const user = useAuthStore((s) => s.user)
  const actingFor = useAuthStore((s) => s.actingFor)

  const enterprise = (actingFor && user?.subjects.find((s) => s.kind === 'enterprise' && s.identifier === actingFor)) || null
  const self = user?.subjects.find((s) => s.kind === 'person') ?? null
  let access: CreditAccess = 'ready'
  if (!consented) access = 'consent'
  else if (!loggedIn || !user) access = 'login'
  else if (!enterprise && !user.realNameVerified) access = 'real-name'

  const key = enterprise?.id ?? self?.id ?? null
  return { access, enterprise, key, scope: `${user?.id ?? ''}|${actingFor ?? ''}` }
}
