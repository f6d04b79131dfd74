// Whether a page may show the user's data yet, and for whom: privacy consent first, then a session,
// then real-name binding (an enterprise is read by its agent, no binding needed) or a staff role.
import { hasRole, type StaffRole } from '../domain/roles'
import type { Profile, SubjectRef } from '../services/types'
import { useAuthStore } from '../stores/auth'
import { hasConsented, useConsentStore } from '../stores/consent'

export interface Gate {
  /** a session is needed (privacy consent comes first) */
  login?: boolean
  /** a real-name bound person, or an enterprise the user acts for (implies login) */
  realName?: boolean
  /** one of these staff roles (implies login) */
  role?: StaffRole | readonly StaffRole[]
}

export type GateStep = 'consent' | 'login' | 'real-name' | 'role'

export interface GateState {
  /** the first step still missing, or null when the page may load */
  step: GateStep | null
  /** changes whenever the user or the subject they act for changes: part of every query key.
   *  null until the gate passes (so nothing is fetched before). */
  scope: string | null
  user: Profile | null
  /** the enterprise the user acts for, or null for the user themself */
  enterprise: SubjectRef | null
  /** the server's id of the subject shown (no personal data), to key what the device remembers */
  subjectId: string | null
}

export function useGate(gate: Gate = {}): GateState {
  const consented = useConsentStore(hasConsented)
  const loggedIn = useAuthStore((s) => Boolean(s.refreshToken))
  const user = useAuthStore((s) => s.user)
  const actingFor = useAuthStore((s) => s.actingFor)
  const enterprise = (actingFor && user?.subjects.find((s) => s.kind === 'enterprise' && s.identifier === actingFor)) || null

  const needsLogin = Boolean(gate.login || gate.realName || gate.role)
  let step: GateStep | null = null
  if (needsLogin && !consented) step = 'consent'
  else if (needsLogin && (!loggedIn || !user)) step = 'login'
  else if (gate.realName && !actingFor && !user?.realNameVerified) step = 'real-name'
  else if (gate.role && !hasRole(user, gate.role)) step = 'role'

  const scope = step ? null : `${user?.id ?? ''}|${actingFor ?? ''}`
  const subjectId = enterprise?.id ?? user?.subjects.find((s) => s.kind === 'person')?.id ?? null
  return { step, scope, user, enterprise, subjectId }
}
