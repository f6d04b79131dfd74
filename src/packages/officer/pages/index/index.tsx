// 工作台: the officer's queues (CASE_QUEUES), each with how many cases wait and how many are overdue.
import { Text, View } from '@tarojs/components'
import Icon from '../../../../components/icon'
import PageShell from '../../../../components/page-shell'
import { useGate } from '../../../../hooks/use-gate'
import { useQuery } from '../../../../hooks/use-query'
import { openPage } from '../../../../platform/navigation'
import { useAuthStore } from '../../../../stores/auth'
import { CASE_QUEUES } from '../../queues'
import '../officer.scss'

const gate = { role: 'officer' } as const

function Queues({ scope }: { scope: string | null }) {
  const user = useAuthStore((s) => s.user)
  // one queue failing to count still shows the others
  const counts = useQuery(scope && `officer-queues|${scope}`, () => Promise.all(CASE_QUEUES.map((q) => q.count().catch(() => null))), { topics: ['objections', 'cases'], refetchOnShow: true })
  return (
    <>
      <View className='card officer-hello'>
        <Text className='officer-hello-title'>{user?.orgName ?? '部门工作人员'}</Text>
        <Text className='muted'>按法定期限办理；逾期的案件排在最前。</Text>
      </View>
      <View className='officer-queues'>
        {CASE_QUEUES.map((q, n) => {
          const c = counts.data?.[n]
          return (
            <View key={q.id} className='card officer-queue' role='link' aria-label={`${q.title}待办`} onClick={() => openPage(q.url)}>
              <View className='officer-queue-icon'>
                <Icon className='officer-queue-img' src={q.icon} />
              </View>
              <View className='officer-queue-text'>
                <Text className='officer-queue-title'>{q.title}</Text>
                <Text className='officer-queue-desc'>{q.description}</Text>
              </View>
              <View className='officer-queue-count'>
                <Text className='officer-queue-number'>{c ? c.open : counts.status === 'loading' ? '…' : '—'}</Text>
                <Text className='officer-queue-unit'>件待办</Text>
                {c && c.overdue > 0 && <Text className='tag tag-danger'>{`${c.overdue} 件逾期`}</Text>}
              </View>
            </View>
          )
        })}
      </View>
    </>
  )
}

export default function OfficerHomePage() {
  const { scope } = useGate(gate)
  return (
    <PageShell name='officer' gate={gate} who='部门工作人员' what='办理案件'>
      <Queues scope={scope} />
    </PageShell>
  )
}
