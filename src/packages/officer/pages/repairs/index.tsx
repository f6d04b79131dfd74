// 信用修复审核 queue: open applications by due date (overdue first), or those decided.
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import Skeleton from '../../../../components/skeleton'
import StateView from '../../../../components/state-view'
import OfficerOnly from '../../../../features/repair/components/officer-only'
import { STATUS_TONES } from '../../../../features/repair/format'
import { repairRoutes } from '../../../../features/repair/routes'
import { usePageClass } from '../../../../hooks/use-page-class'
import { useRemote } from '../../../../hooks/use-remote'
import { openPage } from '../../../../platform/navigation'
import { fetchRepairQueue, type RepairStatus } from '../../../../services/repairs-api'
import { useAuthStore } from '../../../../stores/auth'
import warningIcon from '../../../../assets/icons/warning.svg'
import successIcon from '../../../../assets/icons/success.svg'
import './index.scss'

const TABS: RepairStatus[] = ['审核中', '已通过', '未通过']

function Queue() {
  const [status, setStatus] = useState<RepairStatus>('审核中')
  const userId = useAuthStore((s) => s.user?.id ?? '')
  const remote = useRemote(`${userId}|repair-queue|${status}`, () => fetchRepairQueue(status))
  usePullDownRefresh(() => void remote.reload().finally(() => Taro.stopPullDownRefresh()))
  return (
    <>
      <View className='rq-tabs' role='tablist'>
        {TABS.map((t) => (
          <View key={t} className={`rq-tab ${t === status ? 'rq-tab-on' : ''}`} role='tab' aria-selected={t === status} onClick={() => setStatus(t)}>
            {t}
          </View>
        ))}
      </View>
      {remote.status === 'error' ? (
        <StateView error icon={warningIcon} title='待办加载失败' description={remote.error ?? undefined} actionText='重试' onAction={() => void remote.reload({ reset: true })} />
      ) : !remote.data ? (
        <Skeleton cards={3} lines={2} label='正在加载修复申请' />
      ) : remote.data.items.length === 0 ? (
        <StateView icon={successIcon} title={status === '审核中' ? '没有待办的修复申请' : `没有${status}的申请`} description='新的申请提交后会出现在这里，并在到期前一个工作日提醒。' />
      ) : (
        <View role='list'>
          {remote.data.items.map((a) => (
            <View key={a.id} className='card rq-row' role='listitem' onClick={() => openPage(repairRoutes.officerCase(a.id))}>
              <View className='rq-row-head'>
                <Text className='rq-row-title'>{a.record.title}</Text>
                {a.overdue ? <Text className='tag tag-danger'>已逾期</Text> : <Text className={`tag tag-${STATUS_TONES[a.status]}`}>{a.status}</Text>}
              </View>
              <Text className='muted'>{`${a.record.department} · 提交于 ${a.filedAt.slice(0, 10)}`}</Text>
              {a.status === '审核中' && <Text className={`rq-row-due ${a.overdue ? 'rq-row-overdue' : ''}`}>{`答复期限 ${a.steps[1].dueDate} · 决定期限 ${a.dueDate}`}</Text>}
            </View>
          ))}
        </View>
      )}
    </>
  )
}

export default function RepairQueuePage() {
  const pageClass = usePageClass('repair-queue')
  return (
    <View className={pageClass}>
      <OfficerOnly>
        <Queue />
      </OfficerOnly>
    </View>
  )
}
