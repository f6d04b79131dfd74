// 我发布的公益任务 (organizer): latest first, each opening its bookings and attendance; 发布任务 and
// 发放时长码 at the top.
import { Text, View } from '@tarojs/components'
import { useDidShow, useReachBottom } from '@tarojs/taro'
import ActionButton from '../../../../components/action-button'
import ListFooter from '../../../../components/list-footer'
import PrivacyConsent from '../../../../components/privacy-consent'
import Skeleton from '../../../../components/skeleton'
import StateView from '../../../../components/state-view'
import TaskCard from '../../../../features/public-service/components/task-card'
import { organizerRoutes } from '../../../../features/public-service/routes'
import { useCursorList } from '../../../../hooks/use-cursor-list'
import { usePageClass } from '../../../../hooks/use-page-class'
import { openPage } from '../../../../platform/navigation'
import { fetchOrganizerTasks, type OrganizerTask } from '../../../../services/public-service-api'
import { useAuthStore } from '../../../../stores/auth'
import OrganizerGate from '../../components/organizer-gate'
import inboxIcon from '../../../../assets/icons/inbox.svg'
import '../../styles.scss'

function MyTasks() {
  const userId = useAuthStore((s) => s.user?.id ?? null)
  const list = useCursorList<OrganizerTask>(userId ? `org-tasks|${userId}` : null, fetchOrganizerTasks)
  useReachBottom(() => void list.loadMore())
  useDidShow(() => {
    if (list.status === 'ready') void list.refresh()
  })
  const now = Date.now()
  return (
    <>
      <View className='ps-actions'>
        <ActionButton small className='ps-action' onClick={() => openPage(organizerRoutes.publish)}>发布任务</ActionButton>
        <ActionButton small kind='secondary' className='ps-action' onClick={() => openPage(organizerRoutes.hourCode)}>发放时长码</ActionButton>
      </View>
      {list.status === 'loading' && <Skeleton cards={2} lines={4} label='正在加载我发布的任务' />}
      {list.status === 'error' && <StateView error icon={inboxIcon} title='任务暂时无法加载' description={list.error ?? ''} actionText='重试' onAction={() => void list.refresh()} />}
      {list.status === 'ready' && list.items.length === 0 && <StateView icon={inboxIcon} title='还没有发布公益任务' description='发布任务后，市民即可在“公益任务”中报名。' />}
      {list.items.map((t) => {
        const ended = Date.parse(t.endAt) < now
        const started = Date.parse(t.startAt) <= now
        const tag = t.cancelled ? { text: '已取消', className: 'tag-muted' } : ended ? { text: `已结束 · 已确认 ${t.confirmed} 人`, className: 'tag-muted' } : started ? { text: '进行中', className: 'tag-ok' } : { text: `已报名 ${t.booked} 人`, className: 'tag-accent' }
        return <TaskCard key={t.id} task={t} tag={tag} onOpen={() => openPage(organizerRoutes.task(t.id))} />
      })}
      {list.items.length > 0 && (
        <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} moreError={list.moreError} endText={`已显示全部 ${list.items.length} 个任务`} onMore={() => void list.loadMore()} />
      )}
      <Text className='ps-note'>每次发布任务、确认或更正时长、发放时长码都会记入操作记录。</Text>
    </>
  )
}

export default function OrganizerTasksPage() {
  const pageClass = usePageClass('org-tasks')
  return (
    <View className={pageClass}>
      <PrivacyConsent />
      <OrganizerGate>
        <MyTasks />
      </OrganizerGate>
    </View>
  )
}
