// 信用修复审核 queue: open applications by due date (overdue first), or those decided.
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import PageShell from '../../../../components/page-shell'
import { STATUS_TONES } from '../../../../features/repair/format'
import { repairRoutes } from '../../../../features/repair/routes'
import { useGate } from '../../../../hooks/use-gate'
import { useQuery } from '../../../../hooks/use-query'
import { openPage } from '../../../../platform/navigation'
import { fetchRepairQueue, type RepairStatus } from '../../../../services/repairs-api'
import QueueFilters, { type QueueFilter } from '../../components/queue-filters'
import successIcon from '../../../../assets/icons/success.svg'
import './index.scss'

const TABS: QueueFilter<RepairStatus>[] = [
  { value: '审核中', label: '审核中' },
  { value: '已通过', label: '已通过' },
  { value: '未通过', label: '未通过' },
]

const gate = { role: 'officer' } as const

export default function RepairQueuePage() {
  const { scope } = useGate(gate)
  const [status, setStatus] = useState<RepairStatus>('审核中')
  const q = useQuery(scope && `repair-queue|${scope}|${status}`, () => fetchRepairQueue(status), { topics: ['cases'], refetchOnShow: true })
  return (
    <PageShell
      name='repair-queue'
      gate={gate}
      who='信用办工作人员'
      what='审核信用修复'
      query={q}
      top={<QueueFilters filters={TABS} value={status} onChange={setStatus} />}
      skeleton={{ cards: 3, lines: 2, label: '正在加载修复申请' }}
      errorTitle='待办加载失败'
      empty={{ icon: successIcon, title: status === '审核中' ? '没有待办的修复申请' : `没有${status}的申请`, description: '新的申请提交后会出现在这里，并在到期前一个工作日提醒。' }}
    >
      {({ items }) => (
        <View role='list'>
          {items.map((a) => (
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
    </PageShell>
  )
}
