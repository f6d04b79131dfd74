// 我的卡券: vouchers still to use, and the history (used, expired, cancelled). Tap one to show it.
// Shown again after a scan at the gate, so it asks the server again every time it shows.
import { useState } from 'react'
import PageShell from '../../../../components/page-shell'
import StateView from '../../../../components/state-view'
import CategoryTabs from '../../../../features/incentives/components/category-tabs'
import NothingClaimed from '../../../../features/incentives/components/nothing-claimed'
import { voucherUrl } from '../../../../features/incentives/routes'
import { useGate } from '../../../../hooks/use-gate'
import { useQuery } from '../../../../hooks/use-query'
import { openPage } from '../../../../platform/navigation'
import { fetchVouchers } from '../../../../services/incentives-api'
import VoucherCard from '../../components/voucher-card'
import ticketIcon from '../../../../assets/icons/ticket.svg'

type Tab = 'available' | 'history'
const TABS: { key: Tab; label: string }[] = [
  { key: 'available', label: '可使用' },
  { key: 'history', label: '历史' },
]
const gate = { realName: true } as const

export default function VouchersPage() {
  const { scope } = useGate(gate)
  const [tab, setTab] = useState<Tab>('available')
  const list = useQuery(scope && `vouchers|${scope}|${tab}`, () => fetchVouchers(tab), { topics: ['vouchers'], refetchOnShow: true })

  return (
    <PageShell
      name='vouchers'
      gate={gate}
      what='查看卡券'
      query={list}
      top={<CategoryTabs tabs={TABS} value={tab} onChange={setTab} />}
      skeleton={{ cards: 2, lines: 3, label: '正在加载卡券' }}
      errorTitle='卡券暂时无法加载'
      empty={
        tab === 'available' ? (
          <NothingClaimed
            scope={scope}
            what='领取卡券'
            icon={ticketIcon}
            title='还没有可使用的卡券'
            description='在“守信激励”中选择信易游景区，领取门票优惠等卡券。'
            actionText='去领取'
          />
        ) : (
          <StateView icon={ticketIcon} title='还没有历史卡券' description='使用过、已过期或已作废的卡券会显示在这里。' />
        )
      }
    >
      {(data) => data.items.map((v) => <VoucherCard key={v.id} voucher={v} onOpen={(x) => openPage(voucherUrl(x.id))} />)}
    </PageShell>
  )
}
