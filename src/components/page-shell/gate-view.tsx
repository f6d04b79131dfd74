// What a page shows instead of its data while a step comes first: consent, login, real name, or
// (staff pages) the role it needs. Each says what is missing and offers the next step.
import StateView from '../state-view'
import type { GateStep } from '../../hooks/use-gate'
import { goBack, openPage, routes } from '../../platform/navigation'
import { useConsentStore } from '../../stores/consent'
import idcardIcon from '../../assets/icons/idcard.svg'
import lockIcon from '../../assets/icons/lock.svg'
import shieldIcon from '../../assets/icons/shield.svg'
import userIcon from '../../assets/icons/user.svg'

export interface GateViewProps {
  step: GateStep
  /** what the page does, e.g. 查看卡券: 「登录后才能查看卡券。」 */
  what: string
  /** staff pages: who may use it, e.g. 景区核验员 */
  who?: string
}

export default function GateView({ step, what, who }: GateViewProps) {
  if (step === 'consent') {
    return (
      <StateView
        icon={shieldIcon}
        title='请先同意隐私政策'
        description={`同意《信用通隐私政策》后，才能${what}。`}
        actionText='查看并同意'
        onAction={() => useConsentStore.getState().reconsider()}
      />
    )
  }
  if (step === 'login') {
    const description = who ? `此功能仅限${who}使用，请用工作账号登录。` : `登录后才能${what}。`
    return <StateView icon={userIcon} title='请先登录' description={description} actionText='登录 / 注册' onAction={() => openPage(routes.login)} />
  }
  if (step === 'real-name') {
    return (
      <StateView icon={idcardIcon} title='请先完成实名认证' description={`实名认证后才能${what}。`} actionText='去认证' onAction={() => openPage(routes.realName)} />
    )
  }
  return (
    <StateView
      icon={lockIcon}
      title='无权限'
      description={`此功能仅限${who ?? '指定工作人员'}使用。当前账号没有相应权限，如需开通请联系所在单位管理员。`}
      actionText='返回'
      onAction={() => goBack(routes.home)}
    />
  )
}
