// What a credit page shows instead of data when a step comes first: consent, login, real name.
import StateView from '../../../../components/state-view'
import { openPage, routes } from '../../../../platform/navigation'
import { useConsentStore } from '../../../../stores/consent'
import type { CreditAccess } from '../../use-credit-subject'
import idcardIcon from '../../../../assets/icons/idcard.svg'
import shieldIcon from '../../../../assets/icons/shield.svg'
import userIcon from '../../../../assets/icons/user.svg'

export default function AccessState({ access }: { access: Exclude<CreditAccess, 'ready'> }) {
  if (access === 'consent') {
    return (
      <StateView
        icon={shieldIcon}
        title='请先同意隐私政策'
        description='同意《信用通隐私政策》后，才能查询信用信息。'
        actionText='查看并同意'
        onAction={() => useConsentStore.getState().reconsider()}
      />
    )
  }
  if (access === 'login') {
    return <StateView icon={userIcon} title='请先登录' description='登录后可查看本人的公共信用信息。' actionText='去登录' onAction={() => openPage(routes.login)} />
  }
  return (
    <StateView
      icon={idcardIcon}
      title='请先完成实名认证'
      description='实名认证后才能查询本人的信用信息。'
      actionText='去认证'
      onAction={() => openPage(routes.realName)}
    />
  )
}
