// Whose credit a page shows and whether it may show it yet, in the shape the repair and
// public-service pages read it: useGate({ realName: true }) underneath. New pages use PageShell +
// useGate directly; these pages move onto PageShell next (then this adapter goes).
import { useGate, type GateStep } from '../../hooks/use-gate'
import type { SubjectRef } from '../../services/types'

export type CreditAccess = Exclude<GateStep, 'role'> | 'ready'

export interface CreditSubject {
  access: CreditAccess
  /** the enterprise the user acts for, or null for the user themself */
  enterprise: SubjectRef | null
  /** the server's id of the subject shown (no personal data) */
  key: string | null
  /** changes whenever the user or the subject changes: reload when it does */
  scope: string
}

const gate = { realName: true } as const

export function useCreditSubject(): CreditSubject {
  const g = useGate(gate)
  return { access: (g.step as CreditAccess | null) ?? 'ready', enterprise: g.enterprise, key: g.subjectId, scope: g.scope ?? '' }
}
