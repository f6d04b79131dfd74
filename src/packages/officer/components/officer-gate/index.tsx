// Officer pages open only for role 'officer'; anyone else is told plainly (the server refuses the
// calls as well).
import type { ReactNode } from 'react'
import PrivacyConsent from '../../../../components/privacy-consent'
import StateView from '../../../../components/state-view'
import { hasRole } from '../../../../features/incentives/staff'
import { goBack, openPage, routes } from '../../../../platform/navigation'
import { useAuthStore } from '../../../../stores/auth'
import { hasConsented, useConsentStore } from '../../../../stores/consent'
import lockIcon from '../../../../assets/icons/lock.svg'
import userIcon from '../../../../assets/icons/user.svg'

export default function OfficerGate({ children }: { children: ReactNode }) {
  const consented = useConsentStore(hasConsented)
  const loggedIn = useAuthStore((s) => Boolean(s.refreshToken))
  const user = useAuthStore((s) => s.user)
  if (consented && loggedIn && hasRole(user, 'officer')) return <>{children}</>
  return (
    <>
      <PrivacyConsent />
      {consented && !loggedIn && (
        <StateView icon={userIcon} title='请先登录' description='工作台仅限部门工作人员使用，请用工作账号登录。' actionText='登录' onAction={() => openPage(routes.login)} />
      )}
      {consented && loggedIn && (
        <StateView
          icon={lockIcon}
          title='无权限'
          description='工作台仅限部门工作人员使用。当前账号没有相应权限，如需开通请联系所在单位管理员。'
          actionText='返回'
          onAction={() => goBack(routes.mine)}
        />
      )}
    </>
  )
}
