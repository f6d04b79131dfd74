// Shows its children once consent, login and real-name binding are done; until then the page
// shell's gate view says which step is missing (for pages not yet on PageShell).
import type { ReactNode } from 'react'
import GateView from '../../../../components/page-shell/gate-view'
import { useIncentiveAccess } from '../../use-incentive-access'

export default function AccessGate({ what, children }: { what: string; children: ReactNode }) {
  const { access } = useIncentiveAccess()
  return access === 'ready' ? <>{children}</> : <GateView step={access} what={what} />
}
