// 公益任务: open tasks soonest first, grouped by day, with a day filter; quick links to 我的预约,
// 扫码签到, 兑换时长码 and 我的公益时长.
import { Text, View } from '@tarojs/components'
import { useReachBottom } from '@tarojs/taro'
import { useState } from 'react'
import ActionButton from '../../../../components/action-button'
import ListFooter from '../../../../components/list-footer'
import PrivacyConsent from '../../../../components/privacy-consent'
import Skeleton from '../../../../components/skeleton'
import StateView from '../../../../components/state-view'
import { addCalendarDays, chinaDate, formatLongDate } from '../../../../domain/dates'
import AccessGate from '../../../../features/incentives/components/access-gate'
import { useIncentiveAccess } from '../../../../features/incentives/use-incentive-access'
import TaskCard from '../../../../features/public-service/components/task-card'
import { dayOf, STAGE_TONES } from '../../../../features/public-service/format'
import { serviceRoutes } from '../../../../features/public-service/routes'
import { useCursorList } from '../../../../hooks/use-cursor-list'
import { usePageClass } from '../../../../hooks/use-page-class'
import { openPage } from '../../../../platform/navigation'
import { fetchTasks, type ServiceTask } from '../../../../services/public-service-api'
import inboxIcon from '../../../../assets/icons/inbox.svg'
import '../../styles.scss'

const DAYS = 14

function TaskList() {
  const { scope } = useIncentiveAccess()
  const [date, setDate] = useState<string | null>(null)
  const list = useCursorList<ServiceTask>(scope ? `${scope}|${date ?? ''}` : null, (cursor) => fetchTasks(date, cursor))
  useReachBottom(() => void list.loadMore())
  const today = chinaDate()
  const days = Array.from({ length: DAYS }, (_, i) => addCalendarDays(today, i))
  let lastDay = ''

  return (
    <>
      <View className='ps-actions'>
        <ActionButton small kind='secondary' className='ps-action' onClick={() => openPage(serviceRoutes.bookings)}>我的预约</ActionButton>
        <ActionButton small kind='secondary' className='ps-action' onClick={() => openPage(serviceRoutes.scan)}>扫码签到 / 签退</ActionButton>
        <ActionButton small kind='secondary' className='ps-action' onClick={() => openPage(serviceRoutes.redeem)}>兑换时长码</ActionButton>
        <ActionButton small kind='secondary' className='ps-action' onClick={() => openPage(serviceRoutes.hours)}>我的公益时长</ActionButton>
      </View>
      <View className='ps-chips' role='radiogroup' aria-label='按日期筛选'>
        <View className={`ps-chip ${date === null ? 'ps-chip-on' : ''}`} role='radio' aria-checked={date === null} onClick={() => setDate(null)}>
          <Text>全部</Text>
        </View>
        {days.map((d) => (
          <View key={d} className={`ps-chip ${date === d ? 'ps-chip-on' : ''}`} role='radio' aria-checked={date === d} onClick={() => setDate(d)}>
            <Text>{d === today ? '今天' : formatLongDate(d).replace(/^\d+年/, '')}</Text>
          </View>
        ))}
      </View>
      {list.status === 'loading' && <Skeleton cards={3} lines={4} label='正在加载公益任务' />}
      {list.status === 'error' && <StateView error icon={inboxIcon} title='公益任务暂时无法加载' description={list.error ?? ''} actionText='重试' onAction={() => void list.refresh()} />}
      {list.status === 'ready' && list.items.length === 0 && (
        <StateView icon={inboxIcon} title={date ? `${formatLongDate(date)}没有可报名的公益任务` : '暂时没有可报名的公益任务'} description='组织方发布新任务后会显示在这里，也可以选择其他日期看看。' />
      )}
      {list.items.map((t) => {
        const day = dayOf(t.startAt)
        const header = day !== lastDay ? <Text className='ps-day'>{formatLongDate(day)}</Text> : null
        lastDay = day
        const tag = t.myBooking ? { text: t.myBooking.stageLabel, className: STAGE_TONES[t.myBooking.stage] } : !t.open ? { text: '不可报名', className: 'tag-muted' } : null
        return (
          <View key={t.id}>
            {header}
            <TaskCard task={t} tag={tag} onOpen={() => openPage(serviceRoutes.task(t.id))} />
          </View>
        )
      })}
      {list.items.length > 0 && (
        <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} moreError={list.moreError} endText={`已显示全部 ${list.items.length} 个任务`} onMore={() => void list.loadMore()} />
      )}
    </>
  )
}

export default function TasksPage() {
  const pageClass = usePageClass('ps-tasks')
  return (
    <View className={pageClass}>
      <PrivacyConsent />
      <AccessGate what='报名公益任务'>
        <TaskList />
      </AccessGate>
    </View>
  )
}
