// 我的卡券: vouchers still to use, and the history (used, expired, cancelled). Tap one to show it.
import { View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useRef, useState } from 'react'
import PrivacyConsent from '../../../../components/privacy-consent'
import Skeleton from '../../../../components/skeleton'
import StateView from '../../../../components/state-view'
import AccessGate from '../../../../features/incentives/components/access-gate'
import CategoryTabs from '../../../../features/incentives/components/category-tabs'
import NothingClaimed from '../../../../features/incentives/components/nothing-claimed'
import { voucherUrl } from '../../../../features/incentives/routes'
import { useIncentiveAccess } from '../../../../features/incentives/use-incentive-access'
import { usePageClass } from '../../../../hooks/use-page-class'
import { useRemote } from '../../../../hooks/use-remote'
import { openPage } from '../../../../platform/navigation'
import { fetchVouchers } from '../../../../services/incentives-api'
import VoucherCard from '../../components/voucher-card'
import ticketIcon from '../../../../assets/icons/ticket.svg'
import inboxIcon from '../../../../assets/icons/inbox.svg'

type Tab = 'available' | 'history'
const TABS: { key: Tab; label: string }[] = [
  { key: 'available', label: '可使用' },
  { key: 'history', label: '历史' },
]

export default function VouchersPage() {
  const pageClass = usePageClass('vouchers')
  const { scope } = useIncentiveAccess()
  const [tab, setTab] = useState<Tab>('available')
  const list = useRemote(scope ? `${scope}|${tab}` : null, () => fetchVouchers(tab))

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
      <AccessGate what='查看卡券'>
        <CategoryTabs tabs={TABS} value={tab} onChange={setTab} />
        {list.status === 'loading' && <Skeleton cards={2} lines={3} label='正在加载卡券' />}
        {list.status === 'error' && (
          <StateView error icon={inboxIcon} title='卡券暂时无法加载' description={list.error ?? ''} actionText='重试' onAction={() => void list.reload({ reset: true })} />
        )}
        {list.status === 'ready' && items.length === 0 && tab === 'available' && (
          <NothingClaimed
            scope={scope}
            what='领取卡券'
            icon={ticketIcon}
            title='还没有可使用的卡券'
            description='在“守信激励”中选择信易游景区，领取门票优惠等卡券。'
            actionText='去领取'
          />
        )}
        {list.status === 'ready' && items.length === 0 && tab === 'history' && (
          <StateView icon={ticketIcon} title='还没有历史卡券' description='使用过、已过期或已作废的卡券会显示在这里。' />
        )}
        {items.map((v) => (
          <VoucherCard key={v.id} voucher={v} onOpen={(x) => openPage(voucherUrl(x.id))} />
        ))}
        {list.error && list.data && <View className='form-error'>未能刷新：{list.error}</View>}
      </AccessGate>
    </View>
  )
}
