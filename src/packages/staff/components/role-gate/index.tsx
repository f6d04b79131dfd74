// Staff pages open only for their role; anyone else sees plainly that they have no access (the
// server refuses the calls as well).
import type { ReactNode } from 'react'
import StateView from '../../../../components/state-view'
import { hasRole, type StaffRole } from '../../../../features/incentives/staff'
import { goBack, openPage, routes } from '../../../../platform/navigation'
import { useAuthStore } from '../../../../stores/auth'
import { hasConsented, useConsentStore } from '../../../../stores/consent'
import lockIcon from '../../../../assets/icons/lock.svg'
import userIcon from '../../../../assets/icons/user.svg'

export default function RoleGate({ role, who, children }: { role: StaffRole | StaffRole[]; who: string; children: ReactNode }) {
  const consented = useConsentStore(hasConsented)
  const loggedIn = useAuthStore((s) => Boolean(s.refreshToken))
  const user = useAuthStore((s) => s.user)
  if (consented && loggedIn && hasRole(user, role)) return <>{children}</>
  return (
    <>
      {consented && !loggedIn && (
        <StateView icon={userIcon} title='请先登录' description={`此功能仅限${who}使用，请用工作账号登录。`} actionText='登录 / 注册' onAction={() => openPage(routes.login)} />
      )}
      {consented && loggedIn && (
        <StateView
          icon={lockIcon}
          title='无权限'
          description={`此功能仅限${who}使用。当前账号没有相应权限，如需开通请联系所在单位管理员。`}
          actionText='返回'
          onAction={() => goBack(routes.incentives)}
        />
      )}
    </>
  )
}
