// Whether a page not yet on PageShell may ask the server about the user: useGate({ realName: true })
// in the shape the public-service pages read it (they move onto PageShell next).
import { useGate, type GateStep } from '../../hooks/use-gate'

export type IncentiveAccess = Exclude<GateStep, 'role'> | 'ready'

const gate = { realName: true } as const

export function useIncentiveAccess(): { access: IncentiveAccess; scope: string | null } {
  const g = useGate(gate)
  return { access: (g.step as IncentiveAccess | null) ?? 'ready', scope: g.scope }
}
