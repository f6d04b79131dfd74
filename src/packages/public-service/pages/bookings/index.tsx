// 我的预约: the caller's bookings, newest first, with where each stands (已预约 → 已签到 → 已签退 →
// 时长已确认, or 已取消) and 取消预约 while the task has not started.
import { Text, View } from '@tarojs/components'
import { useReachBottom } from '@tarojs/taro'
import { useState } from 'react'
import ActionButton from '../../../../components/action-button'
import ListFooter from '../../../../components/list-footer'
import PrivacyConsent from '../../../../components/privacy-consent'
import Skeleton from '../../../../components/skeleton'
import StateView from '../../../../components/state-view'
import AccessGate from '../../../../features/incentives/components/access-gate'
import { useIncentiveAccess } from '../../../../features/incentives/use-incentive-access'
import { hoursText, STAGE_TONES, taskTime } from '../../../../features/public-service/format'
import { serviceRoutes } from '../../../../features/public-service/routes'
import { send } from '../../../../features/public-service/submit'
import { useCursorList } from '../../../../hooks/use-cursor-list'
import { usePageClass } from '../../../../hooks/use-page-class'
import { toast } from '../../../../platform/feedback'
import { openPage } from '../../../../platform/navigation'
import { fetchMyBookings, serviceUrls, type ServiceBooking } from '../../../../services/public-service-api'
import inboxIcon from '../../../../assets/icons/inbox.svg'
import '../../styles.scss'

function BookingList() {
  const { scope } = useIncentiveAccess()
  const list = useCursorList<ServiceBooking>(scope ? `bookings|${scope}` : null, fetchMyBookings)
  const [busyId, setBusyId] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  useReachBottom(() => void list.loadMore())

  const cancel = async (b: ServiceBooking) => {
    if (busyId) return
    setBusyId(b.id)
    setProblem(null)
    const sent = await send<ServiceBooking>({ kind: 'service-cancel', title: `取消预约：${b.task.title}`, url: serviceUrls.cancel(b.id), body: {} })
    setBusyId(null)
    if (sent.status === 'done') toast('已取消预约', 'success')
    else setProblem(sent.message)
    await list.refresh()
  }

  return (
    <>
      {problem && (
        <View className='card form-error' role='alert'>
          {problem}
        </View>
      )}
      {list.status === 'loading' && <Skeleton cards={2} lines={4} label='正在加载我的预约' />}
      {list.status === 'error' && <StateView error icon={inboxIcon} title='预约暂时无法加载' description={list.error ?? ''} actionText='重试' onAction={() => void list.refresh()} />}
      {list.status === 'ready' && list.items.length === 0 && (
        <StateView icon={inboxIcon} title='还没有预约公益任务' description='在“公益任务”中选择合适的任务报名，到场扫码签到、签退即可累计公益时长。' actionText='去报名' onAction={() => openPage(serviceRoutes.tasks)} />
      )}
      {list.items.map((b) => (
        <View key={b.id} className='card ps-task' data-booking={b.id}>
          <View className='ps-task-head' role='link' onClick={() => openPage(serviceRoutes.task(b.task.id))}>
            <Text className='ps-task-title'>{b.task.title}</Text>
            <Text className={`tag ${STAGE_TONES[b.stage]}`}>{b.stageLabel}</Text>
          </View>
          <Text className='ps-task-org'>{b.task.organization}</Text>
          <Text className='ps-task-line'>时间：{taskTime(b.task.startAt, b.task.endAt)}</Text>
          <Text className='ps-task-line'>地点：{b.task.place}</Text>
          {b.confirmedHours !== null && <Text className='ps-task-hours'>已计入 {hoursText(b.confirmedHours)}</Text>}
          {b.stage === 'checked_out' && <Text className='ps-note'>已签退，服务时长将在组织方确认后计入。</Text>}
          {b.cancelledBy === 'organizer' && b.task.cancelReason && <Text className='ps-note ps-cancel-reason'>组织方已取消本次活动，原因：{b.task.cancelReason}</Text>}
          {b.canCancel && (
            <ActionButton small kind='secondary' disabled={busyId !== null} onClick={() => void cancel(b)}>
              {busyId === b.id ? '正在取消…' : '取消预约'}
            </ActionButton>
          )}
        </View>
      ))}
      {list.items.length > 0 && (
        <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} moreError={list.moreError} endText={`已显示全部 ${list.items.length} 个预约`} onMore={() => void list.loadMore()} />
      )}
    </>
  )
}

export default function BookingsPage() {
  const pageClass = usePageClass('ps-bookings')
  return (
    <View className={pageClass}>
      <PrivacyConsent />
      <AccessGate what='查看我的预约'>
        <BookingList />
      </AccessGate>
    </View>
  )
}
