// 我发布的公益任务 (organizer): latest first, each opening its bookings and attendance; 发布任务 and
// 发放时长码 at the top. A task published or hours confirmed refresh it ('service').
import { Text, View } from '@tarojs/components'
import ActionButton from '../../../../components/action-button'
import PageShell from '../../../../components/page-shell'
import TaskCard from '../../../../features/public-service/components/task-card'
import { organizerRoutes } from '../../../../features/public-service/routes'
import { useCursorQuery } from '../../../../hooks/use-cursor-list'
import { useGate } from '../../../../hooks/use-gate'
import { openPage } from '../../../../platform/navigation'
import { fetchOrganizerTasks, type OrganizerTask } from '../../../../services/public-service-api'
import inboxIcon from '../../../../assets/icons/inbox.svg'
import '../../styles.scss'

const gate = { role: 'organizer' } as const

function tagOf(t: OrganizerTask, now: number) {
  if (t.cancelled) return { text: '已取消', className: 'tag-muted' }
  if (Date.parse(t.endAt) < now) return { text: `已结束 · 已确认 ${t.confirmed} 人`, className: 'tag-muted' }
  if (Date.parse(t.startAt) <= now) return { text: '进行中', className: 'tag-ok' }
  return { text: `已报名 ${t.booked} 人`, className: 'tag-accent' }
}

export default function OrganizerTasksPage() {
  const { scope } = useGate(gate)
  const list = useCursorQuery<OrganizerTask>(scope && `org-tasks|${scope}`, fetchOrganizerTasks, { topics: ['service'] })
  const now = Date.now()
  return (
    <PageShell
      name='org-tasks'
      gate={gate}
      what='管理公益任务'
      who='公益组织者'
      top={
        <View className='ps-actions'>
          <ActionButton small className='ps-action' onClick={() => openPage(organizerRoutes.publish)}>发布任务</ActionButton>
          <ActionButton small kind='secondary' className='ps-action' onClick={() => openPage(organizerRoutes.hourCode)}>发放时长码</ActionButton>
        </View>
      }
      query={list}
      skeleton={{ cards: 2, lines: 4, label: '正在加载我发布的任务' }}
      errorTitle='任务暂时无法加载'
      empty={{ icon: inboxIcon, title: '还没有发布公益任务', description: '发布任务后，市民即可在“公益任务”中报名。' }}
      endText={(n) => `已显示全部 ${n} 个任务`}
    >
      {(items) => (
        <>
          {items.map((t) => (
            <TaskCard key={t.id} task={t} tag={tagOf(t, now)} onOpen={() => openPage(organizerRoutes.task(t.id))} />
          ))}
          <Text className='ps-note'>每次发布任务、确认或更正时长、发放时长码都会记入操作记录。</Text>
        </>
      )}
    </PageShell>
  )
}
