// 自愿注册 queue (officers): registrations waiting for verification, oldest first, or the decided ones.
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import PageShell from '../../../../components/page-shell'
import type { VoluntaryStatus } from '../../../../domain/cases'
import { REGISTRATION_STATUS_TAG, REGISTRATION_STATUS_TEXT, chinaTime } from '../../../../features/cases/labels'
import { caseRoutes } from '../../../../features/cases/routes'
import { useCursorQuery } from '../../../../hooks/use-cursor-list'
import { useGate } from '../../../../hooks/use-gate'
import { openPage } from '../../../../platform/navigation'
import { fetchRegistrationQueue, type OfficerRegistration } from '../../../../services/cases-api'
import QueueFilters, { type QueueFilter } from '../../components/queue-filters'
import '../officer-cases.scss'

const FILTERS: QueueFilter<VoluntaryStatus>[] = [
  { value: '已提交', label: '待核验' },
  { value: '已核验', label: '已核验' },
  { value: '未通过', label: '未通过' },
]

const gate = { role: 'officer' } as const

export default function RegistrationQueuePage() {
  const { scope } = useGate(gate)
  const [status, setStatus] = useState<VoluntaryStatus>('已提交')
  const list = useCursorQuery<OfficerRegistration>(scope && `officer-registrations|${scope}|${status}`, (cursor) => fetchRegistrationQueue(status, cursor), { topics: ['cases'] })
  return (
    <PageShell
      name='oc'
      gate={gate}
      who='信用主管部门工作人员'
      what='核验自愿注册'
      query={list}
      top={<QueueFilters filters={FILTERS} value={status} onChange={setStatus} />}
      skeleton={{ cards: 3, lines: 2, label: '正在加载自愿注册' }}
      errorTitle='加载失败'
      empty={{ title: status === '已提交' ? '没有待核验的注册信息' : '暂无' }}
      endText={(n) => `已显示全部 ${n} 项`}
    >
      {(items) =>
        items.map((r) => (
          <View key={r.id} className='card oc-item' role='link' onClick={() => openPage(caseRoutes.officerRegistration(r.id))}>
            <View className='oc-head'>
              <Text className='oc-title'>{r.title}</Text>
              <Text className={`tag ${REGISTRATION_STATUS_TAG[r.status]}`}>{REGISTRATION_STATUS_TEXT[r.status]}</Text>
            </View>
            <Text className='oc-meta'>{r.subject.name} · {r.categoryLabel} · {chinaTime(r.filedAt)} 提交</Text>
            {r.dueDate && <Text className={`oc-meta ${r.overdue ? 'oc-late' : ''}`}>{r.overdue ? '已逾期：' : ''}{r.dueDate} 前核验</Text>}
          </View>
        ))
      }
    </PageShell>
  )
}
