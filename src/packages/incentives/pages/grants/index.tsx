// 免押资格: the user's 信易租 grants, each with the code to show the partner and the way to
// authorise that partner's check.
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useRef } from 'react'
import ActionButton from '../../../../components/action-button'
import PrivacyConsent from '../../../../components/privacy-consent'
import Skeleton from '../../../../components/skeleton'
import StateView from '../../../../components/state-view'
import AccessGate from '../../../../features/incentives/components/access-gate'
import NothingClaimed from '../../../../features/incentives/components/nothing-claimed'
import { grantTone } from '../../../../features/incentives/labels'
import { authorizationsUrl } from '../../../../features/incentives/routes'
import { useIncentiveAccess } from '../../../../features/incentives/use-incentive-access'
import { usePageClass } from '../../../../hooks/use-page-class'
import { useRemote } from '../../../../hooks/use-remote'
import { openPage } from '../../../../platform/navigation'
import { fetchGrants, type Grant } from '../../../../services/incentives-api'
import InfoRows from '../../components/info-rows'
import depositIcon from '../../../../assets/icons/deposit.svg'
import inboxIcon from '../../../../assets/icons/inbox.svg'
import './index.scss'

function GrantCard({ grant }: { grant: Grant }) {
  const live = grant.status === 'active'
  return (
    <View className={`card grant ${live ? '' : 'grant-off'}`} data-grant={grant.id}>
      <View className='grant-head'>
        <View className='grant-title-box'>
          <Text className='grant-name'>{grant.name}</Text>
          <Text className='grant-partner'>{grant.partner}</Text>
        </View>
        <Text className={`tag tag-${grantTone(grant.status)}`}>{grant.statusText}</Text>
      </View>
      <View className='grant-code-box'>
        <Text className='grant-code-label'>免押资格码（办理时出示给合作方）</Text>
        <Text className='grant-code'>{grant.code}</Text>
      </View>
      <InfoRows
        rows={[
          { label: '免押金额', value: grant.depositWaived },
          { label: '使用限制', value: grant.limits },
          { label: '有效期至', value: grant.validUntil },
        ]}
      />
      {live && (
        <ActionButton kind='secondary' className='grant-auth' onClick={() => openPage(authorizationsUrl(grant.incentiveId))}>
          授权合作方查验
        </ActionButton>
      )}
    </View>
  )
}

export default function GrantsPage() {
  const pageClass = usePageClass('grants')
  const { scope } = useIncentiveAccess()
  const list = useRemote(scope, fetchGrants)
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void list.reload()
    shown.current = true
  })
  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh())
  })
  const items = list.data?.items ?? []

  return (
    <View className={pageClass}>
      <PrivacyConsent />
      <AccessGate what='查看免押资格'>
        {list.status === 'loading' && <Skeleton cards={2} lines={4} label='正在加载免押资格' />}
        {list.status === 'error' && (
          <StateView error icon={inboxIcon} title='免押资格暂时无法加载' description={list.error ?? ''} actionText='重试' onAction={() => void list.reload({ reset: true })} />
        )}
        {list.status === 'ready' && items.length === 0 && (
          <NothingClaimed
            scope={scope}
            what='申请免押'
            icon={depositIcon}
            title='还没有免押资格'
            description='在“守信激励”的信易租中选择合作方，信用达标即可申请免押。'
            actionText='去申请'
          />
        )}
        {items.map((g) => (
          <GrantCard key={g.id} grant={g} />
        ))}
        {items.length > 0 && <Text className='grants-note'>合作方只有在您授权期间才能查验免押资格，每次查验都会记入您的查询记录。</Text>}
      </AccessGate>
    </View>
  )
}
