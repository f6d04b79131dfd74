// 异议待办: the queue by due date, overdue first (the server's order), filtered by state.
import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useRef, useState } from 'react'
import Skeleton from '../../../../components/skeleton'
import StateView from '../../../../components/state-view'
import ObjectionItem from '../../../../features/objections/components/item'
import { officerRoutes } from '../../../../features/objections/routes'
import { hasRole } from '../../../../features/incentives/staff'
import { usePageClass } from '../../../../hooks/use-page-class'
import { useRemote } from '../../../../hooks/use-remote'
import { openPage } from '../../../../platform/navigation'
import { fetchOfficerQueue, type ObjectionStatus } from '../../../../services/objections-api'
import { useAuthStore } from '../../../../stores/auth'
import OfficerGate from '../../components/officer-gate'
import objectionIcon from '../../../../assets/icons/objection.svg'
import warningIcon from '../../../../assets/icons/warning.svg'
import '../officer.scss'

const FILTERS: { value: ObjectionStatus | ''; label: string }[] = [
  { value: '', label: '全部待办' },
  { value: '已提交', label: '待受理' },
  { value: '核查中', label: '核查中' },
  { value: '已转办', label: '已转办' },
  { value: '已办结', label: '已办结' },
]

function Queue() {
  const user = useAuthStore((s) => s.user)
  const [status, setStatus] = useState<ObjectionStatus | ''>('')
  const queue = useRemote(hasRole(user, 'officer') ? `queue|${user?.id}|${status}` : null, () => fetchOfficerQueue(status || undefined))
  const firstShow = useRef(true)
  useDidShow(() => {
    if (firstShow.current) firstShow.current = false
    else void queue.reload()
  })
  usePullDownRefresh(() => void queue.reload().finally(() => Taro.stopPullDownRefresh()))
  const items = queue.data?.items ?? []
  const overdue = items.filter((o) => o.overdue).length
  return (
    <>
      <View className='officer-filters' role='tablist' aria-label='按状态筛选'>
        {FILTERS.map((f) => (
          <View key={f.label} className={`officer-filter ${status === f.value ? 'officer-filter-on' : ''}`} role='tab' aria-selected={status === f.value} onClick={() => setStatus(f.value)}>
            {f.label}
          </View>
        ))}
      </View>
      {queue.status === 'loading' && !queue.data && <Skeleton cards={3} lines={3} label='正在加载异议待办' />}
      {queue.status === 'error' && <StateView error icon={warningIcon} title='加载失败' description={queue.error ?? undefined} actionText='重试' onAction={() => void queue.reload({ reset: true })} />}
      {queue.data && items.length === 0 && (
        <StateView icon={objectionIcon} title={status === '已办结' ? '还没有办结的异议' : '没有待办的异议'} description='新的异议提交后会出现在这里，并按办理期限排序。' />
      )}
      {items.length > 0 && (
        <Text className='officer-summary'>{`共 ${items.length} 件${overdue ? `，其中 ${overdue} 件已逾期` : ''}，按办理期限排序`}</Text>
      )}
      {items.map((o) => (
        <ObjectionItem key={o.id} item={o} extra={o.record.department} onOpen={() => openPage(officerRoutes.objection(o.id))} />
      ))}
    </>
  )
}

export default function OfficerObjectionsPage() {
  const pageClass = usePageClass('officer')
  return (
    <View className={pageClass}>
      <OfficerGate>
        <Queue />
      </OfficerGate>
    </View>
  )
}
