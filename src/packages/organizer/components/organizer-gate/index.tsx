// Organizer pages open only for role 'organizer'; anyone else is told plainly (the server refuses
// the calls as well, with a 403).
import type { ReactNode } from 'react'
import StateView from '../../../../components/state-view'
import { goBack, openPage, routes } from '../../../../platform/navigation'
import { useAuthStore } from '../../../../stores/auth'
import { hasConsented, useConsentStore } from '../../../../stores/consent'
import lockIcon from '../../../../assets/icons/lock.svg'
import userIcon from '../../../../assets/icons/user.svg'

export default function OrganizerGate({ children }: { children: ReactNode }) {
  const consented = useConsentStore(hasConsented)
  const loggedIn = useAuthStore((s) => Boolean(s.refreshToken))
  const user = useAuthStore((s) => s.user)
  if (consented && loggedIn && user?.roles.includes('organizer')) return <>{children}</>
  if (!consented) return <StateView icon={userIcon} title='同意隐私政策后才能使用' description='请先阅读并同意隐私政策，再登录。' />
  if (!loggedIn) return <StateView icon={userIcon} title='请先登录' description='此功能仅限公益组织者使用，请用工作账号登录。' actionText='登录 / 注册' onAction={() => openPage(routes.login)} />
  return <StateView icon={lockIcon} title='无权限' description='此功能仅限公益组织者使用。当前账号没有相应权限，如需开通请联系所在单位管理员。' actionText='返回' onAction={() => goBack(routes.mine)} />
}
