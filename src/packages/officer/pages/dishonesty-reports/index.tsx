// 失信举报 queue (officers): open reports oldest first, or those in one state. The reporter is
// never in the queue; the officer who accepts a report sees them, masked, on its page.
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import PageShell from '../../../../components/page-shell'
import type { DishonestyStatus } from '../../../../domain/cases'
import { REPORT_STATUS_TAG, chinaTime } from '../../../../features/cases/labels'
import { caseRoutes } from '../../../../features/cases/routes'
import { useCursorQuery } from '../../../../hooks/use-cursor-list'
import { useGate } from '../../../../hooks/use-gate'
import { openPage } from '../../../../platform/navigation'
import { fetchReportQueue, type OfficerDishonestyReport } from '../../../../services/cases-api'
import QueueFilters, { type QueueFilter } from '../../components/queue-filters'
import '../officer-cases.scss'

const FILTERS: QueueFilter<DishonestyStatus | ''>[] = [
  { value: '', label: '待办' },
  { value: '已提交', label: '待受理' },
  { value: '已受理', label: '已受理' },
  { value: '核查中', label: '核查中' },
  { value: '已办结', label: '已办结' },
]

const gate = { role: 'officer' } as const

export default function ReportQueuePage() {
  const { scope } = useGate(gate)
  const [status, setStatus] = useState<DishonestyStatus | ''>('')
  const list = useCursorQuery<OfficerDishonestyReport>(scope && `officer-reports|${scope}|${status}`, (cursor) => fetchReportQueue(status || undefined, cursor), { topics: ['cases'] })
  return (
    <PageShell
      name='oc'
      gate={gate}
      who='信用主管部门工作人员'
      what='办理举报'
      query={list}
      top={<QueueFilters filters={FILTERS} value={status} onChange={setStatus} />}
      skeleton={{ cards: 3, lines: 2, label: '正在加载举报' }}
      errorTitle='加载失败'
      empty={{ title: '没有待办的举报', description: '新的举报会出现在这里，请在受理期限内受理。' }}
      endText={(n) => `已显示全部 ${n} 件`}
    >
      {(items) =>
        items.map((r) => (
          <View key={r.id} className='card oc-item' role='link' onClick={() => openPage(caseRoutes.officerReport(r.id))}>
            <View className='oc-head'>
              <Text className='oc-title'>{r.enterpriseName ?? r.uscc}</Text>
              <Text className={`tag ${REPORT_STATUS_TAG[r.status]}`}>{r.status}</Text>
            </View>
            <Text className='oc-meta'>{r.categoryLabel} · {chinaTime(r.filedAt)} 收到{r.handledByMe ? ' · 我受理的' : ''}</Text>
            {r.dueDate && <Text className={`oc-meta ${r.overdue ? 'oc-late' : ''}`}>{r.overdue ? '已逾期：' : ''}{r.status === '已提交' ? `${r.dueDate} 前受理` : `${r.dueDate} 前办结`}</Text>}
          </View>
        ))
      }
    </PageShell>
  )
}
