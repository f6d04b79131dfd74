// 我的修复申请: newest first, each with its status, the due date and whether it is overdue.
import { Text, View } from '@tarojs/components'
import PageShell from '../../../../components/page-shell'
import { STATUS_TONES } from '../../../../features/repair/format'
import { repairRoutes } from '../../../../features/repair/routes'
import { useCursorQuery } from '../../../../hooks/use-cursor-list'
import { useGate } from '../../../../hooks/use-gate'
import { openPage } from '../../../../platform/navigation'
import { fetchMyRepairs, type RepairApplication } from '../../../../services/repairs-api'
import repairIcon from '../../../../assets/icons/repair.svg'
import './index.scss'

const gate = { realName: true } as const

export default function ApplicationsPage() {
  const { scope } = useGate(gate)
  const list = useCursorQuery<RepairApplication>(scope && `repairs|${scope}`, fetchMyRepairs, { topics: ['cases', 'credit'] })
  return (
    <PageShell
      name='applications'
      gate={gate}
      what='查看修复申请'
      subject
      query={list}
      skeleton={{ cards: 3, lines: 2, label: '正在加载修复申请' }}
      errorTitle='申请加载失败'
      empty={{ icon: repairIcon, title: '还没有修复申请', description: '符合条件的失信记录可以在线申请修复，免费办理。', actionText: '查看修复规划', onAction: () => openPage(repairRoutes.planner) }}
      endText={(n) => `已显示全部 ${n} 件申请`}
    >
      {(items) => (
        <View role='list'>
          {items.map((a) => (
            <View key={a.id} className='card repair-row' role='listitem' onClick={() => openPage(repairRoutes.application(a.id))}>
              <View className='repair-row-head'>
                <Text className='repair-row-title'>{a.record.title}</Text>
                <Text className={`tag tag-${STATUS_TONES[a.status]}`}>{a.status}</Text>
              </View>
              <Text className='muted'>{`提交于 ${a.filedAt.slice(0, 10)}`}</Text>
              {a.status === '审核中' && a.dueDate && (
                <Text className={`repair-row-due ${a.overdue ? 'repair-row-overdue' : ''}`}>{a.overdue ? `已超过答复期限，最迟 ${a.dueDate} 前决定` : `最迟 ${a.dueDate} 前作出决定`}</Text>
              )}
              {a.status === '未通过' && a.decisionReasons && <Text className='repair-row-reason'>{`理由：${a.decisionReasons}`}</Text>}
            </View>
          ))}
        </View>
      )}
    </PageShell>
  )
}
