// The empty 我的卡券 / 免押资格 list. It invites a claim, unless the subject is on a 严重失信 list:
// then it says why nothing can be claimed and what can be done about it, with no claim button.
import Skeleton from '../../../../components/skeleton'
import StateView from '../../../../components/state-view'
import { openPage, routes } from '../../../../platform/navigation'
import { useBlackList } from '../../use-black-list'
import warningIcon from '../../../../assets/icons/warning.svg'
import './index.scss'

export interface NothingClaimedProps {
  scope: string | null
  /** e.g. 领取卡券 */
  what: string
  icon: string
  title: string
  description: string
  actionText: string
}

export default function NothingClaimed({ scope, what, icon, title, description, actionText }: NothingClaimedProps) {
  const black = useBlackList(scope, true)
  if (black.loading) return <Skeleton cards={1} lines={2} label='正在加载' />
  if (black.lists && black.lists.length > 0) {
    return (
      <StateView
        className='nothing-claimed-barred'
        icon={warningIcon}
        title={`暂不能${what}`}
        description={`您已被列入严重失信主体名单（${black.lists.join('、')}），依法不能享受守信激励。履行义务后可申请移出名单；对记录有异议的，可在“信用记录”中打开该条记录提出异议。`}
        actionText='查看信用记录'
        onAction={() => openPage(routes.records)}
      />
    )
  }
  // Unknown (the check failed) counts as not listed: the server still refuses a barred claim, with its reason.
  return <StateView icon={icon} title={title} description={description} actionText={actionText} onAction={() => openPage(routes.incentives)} />
}
