// What a page not yet on PageShell shows while a gate step comes first: the page shell's own view.
import GateView from '../../../../components/page-shell/gate-view'
import type { CreditAccess } from '../../use-credit-subject'

export default function AccessState({ access, what = '查询信用信息' }: { access: Exclude<CreditAccess, 'ready'>; what?: string }) {
  return <GateView step={access} what={what} />
}
