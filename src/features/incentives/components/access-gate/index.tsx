// The 守信激励 pages show personal data only with consent, a session and real-name binding; until
// then they say which step is missing and offer it.
import type { ReactNode } from 'react'
import StateView from '../../../../components/state-view'
import { openPage, routes } from '../../../../platform/navigation'
import { useIncentiveAccess } from '../../use-incentive-access'
import userIcon from '../../../../assets/icons/user.svg'

export default function AccessGate({ what, children }: { what: string; children: ReactNode }) {
  const { access } = useIncentiveAccess()
  if (access === 'ready') return <>{children}</>
  return (
    <>
      {access === 'consent' && <StateView icon={userIcon} title={`同意隐私政策后才能${what}`} description='请先阅读并同意隐私政策，再登录。' />}
      {access === 'login' && (
        <StateView icon={userIcon} title={`请先登录`} description={`登录后才能${what}。`} actionText='登录 / 注册' onAction={() => openPage(routes.login)} />
      )}
      {access === 'real-name' && (
        <StateView icon={userIcon} title='请先完成实名认证' description={`实名认证后才能${what}。`} actionText='去实名认证' onAction={() => openPage(routes.realName)} />
      )}
    </>
  )
}
