// 我的举报: the reports the user filed, newest first, paged; each shows its state and opens its progress.
import { Text, View } from '@tarojs/components'
import ActionButton from '../../../../components/action-button'
import PageShell from '../../../../components/page-shell'
import { REPORT_STATUS_TAG, chinaTime } from '../../../../features/cases/labels'
import { caseRoutes } from '../../../../features/cases/routes'
import { useCursorQuery } from '../../../../hooks/use-cursor-list'
import { useGate } from '../../../../hooks/use-gate'
import { openPage } from '../../../../platform/navigation'
import { fetchMyReports, type DishonestyReport } from '../../../../services/cases-api'
import '../../cases.scss'

const gate = { login: true } as const

export default function MyReportsPage() {
  const { scope, user } = useGate(gate)
  // reports are filed as the user themself, whichever enterprise they act for elsewhere
  const list = useCursorQuery<DishonestyReport>(scope && user && `reports|${user.id}`, fetchMyReports, { topics: ['cases'] })
  const top = (
    <ActionButton className='cases-item' onClick={() => openPage(caseRoutes.reportForm())}>
      举报失信行为
    </ActionButton>
  )
  return (
    <PageShell
      name='cases'
      gate={gate}
      what='查看我的举报'
      query={list}
      top={top}
      skeleton={{ cards: 3, lines: 2, label: '正在加载' }}
      errorTitle='加载失败'
      empty={{ title: '还没有举报', description: '发现企业虚假宣传、拖欠工资、制售假冒伪劣等失信行为，可在这里举报，并跟踪受理、核查和办结进度。' }}
      endText={(n) => `已显示全部 ${n} 件`}
    >
      {(items) =>
        items.map((r) => (
          <View key={r.id} className='card cases-item' role='link' onClick={() => openPage(caseRoutes.report(r.id))}>
            <View className='cases-head'>
              <Text className='cases-title'>{r.enterpriseName ?? r.uscc}</Text>
              <Text className={`tag ${REPORT_STATUS_TAG[r.status]}`}>{r.status}</Text>
            </View>
            <Text className='cases-item-meta'>
              {r.categoryLabel} · {chinaTime(r.filedAt)} 提交
            </Text>
            {r.dueDate && <Text className={`cases-item-meta ${r.overdue ? 'field-error' : ''}`}>{r.status === '已提交' ? `${r.dueDate} 前决定是否受理` : `${r.dueDate} 前办结答复`}</Text>}
            {r.outcomeLabel && <Text className='cases-item-meta'>结论：{r.outcomeLabel}</Text>}
          </View>
        ))
      }
    </PageShell>
  )
}
