// The officer's repair pages open only for role 'officer'; anyone else is told plainly (the server
// refuses the calls as well, 403).
import type { ReactNode } from 'react'
import StateView from '../../../../components/state-view'
import { goBack, openPage, routes } from '../../../../platform/navigation'
import { useAuthStore } from '../../../../stores/auth'
import { hasConsented, useConsentStore } from '../../../../stores/consent'
import lockIcon from '../../../../assets/icons/lock.svg'
import userIcon from '../../../../assets/icons/user.svg'

export default function OfficerOnly({ children }: { children: ReactNode }) {
  const consented = useConsentStore(hasConsented)
  const loggedIn = useAuthStore((s) => Boolean(s.refreshToken))
  const officer = useAuthStore((s) => Boolean(s.user?.roles.includes('officer')))
  if (consented && loggedIn && officer) return <>{children}</>
  if (!loggedIn) return <StateView icon={userIcon} title='请先登录' description='信用修复审核仅限信用办工作人员，请用工作账号登录。' actionText='登录 / 注册' onAction={() => openPage(routes.login)} />
  return <StateView icon={lockIcon} title='无权限' description='信用修复审核仅限信用办工作人员。当前账号没有相应权限。' actionText='返回' onAction={() => goBack(routes.home)} />
}
