// 异议待办: the queue by due date, overdue first (the server's order), filtered by state.
import { Text } from '@tarojs/components'
import { useState } from 'react'
import PageShell from '../../../../components/page-shell'
import ObjectionItem from '../../../../features/objections/components/item'
import { officerRoutes } from '../../../../features/objections/routes'
import { useGate } from '../../../../hooks/use-gate'
import { useQuery } from '../../../../hooks/use-query'
import { openPage } from '../../../../platform/navigation'
import { fetchOfficerQueue, type ObjectionStatus } from '../../../../services/objections-api'
import QueueFilters, { type QueueFilter } from '../../components/queue-filters'
import objectionIcon from '../../../../assets/icons/objection.svg'
import '../officer.scss'

const FILTERS: QueueFilter<ObjectionStatus | ''>[] = [
  { value: '', label: '全部待办' },
  { value: '已提交', label: '待受理' },
  { value: '核查中', label: '核查中' },
  { value: '已转办', label: '已转办' },
  { value: '已办结', label: '已办结' },
]

const gate = { role: 'officer' } as const

export default function OfficerObjectionsPage() {
  const { scope } = useGate(gate)
  const [status, setStatus] = useState<ObjectionStatus | ''>('')
  const queue = useQuery(scope && `officer-objections|${scope}|${status}`, () => fetchOfficerQueue(status || undefined), { topics: ['objections'], refetchOnShow: true })
  const filters = <QueueFilters filters={FILTERS} value={status} onChange={setStatus} />
  return (
    <PageShell
      name='officer'
      gate={gate}
      who='部门工作人员'
      what='办理异议'
      query={queue}
      top={filters}
      skeleton={{ cards: 3, lines: 3, label: '正在加载异议待办' }}
      errorTitle='异议待办暂时无法加载'
      empty={{ icon: objectionIcon, title: status === '已办结' ? '还没有办结的异议' : '没有待办的异议', description: '新的异议提交后会出现在这里，并按办理期限排序。' }}
    >
      {({ items }) => (
        <>
          <Text className='officer-summary'>{`共 ${items.length} 件${items.some((o) => o.overdue) ? `，其中 ${items.filter((o) => o.overdue).length} 件已逾期` : ''}，按办理期限排序`}</Text>
          {items.map((o) => (
            <ObjectionItem key={o.id} item={o} extra={o.record.department} onOpen={() => openPage(officerRoutes.objection(o.id))} />
          ))}
        </>
      )}
    </PageShell>
  )
}
