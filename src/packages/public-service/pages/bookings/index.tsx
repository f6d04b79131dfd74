// 我的预约: the caller's bookings, newest first, with where each stands (已预约 → 已签到 → 已签退 →
// 时长已确认, or 已取消) and 取消预约 until the holder checks in or the task starts.
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import ActionButton from '../../../../components/action-button'
import PageShell from '../../../../components/page-shell'
import { TaskTime } from '../../../../features/public-service/components/task-card'
import { hoursText, STAGE_TONES } from '../../../../features/public-service/format'
import { serviceRoutes } from '../../../../features/public-service/routes'
import { send } from '../../../../features/public-service/submit'
import { useCursorQuery } from '../../../../hooks/use-cursor-list'
import { useGate } from '../../../../hooks/use-gate'
import { toast } from '../../../../platform/feedback'
import { openPage } from '../../../../platform/navigation'
import { fetchMyBookings, serviceUrls, type ServiceBooking } from '../../../../services/public-service-api'
import inboxIcon from '../../../../assets/icons/inbox.svg'
import '../../styles.scss'

const gate = { realName: true } as const

function Booking({ b, busy, onCancel }: { b: ServiceBooking; busy: string | null; onCancel: (b: ServiceBooking) => void }) {
  return (
    <View className='card ps-task' data-booking={b.id}>
      <View className='ps-task-head' role='link' onClick={() => openPage(serviceRoutes.task(b.task.id))}>
        <Text className='ps-task-title'>{b.task.title}</Text>
        <Text className={`tag ${STAGE_TONES[b.stage]}`}>{b.stageLabel}</Text>
      </View>
      <Text className='ps-task-org'>{b.task.organization}</Text>
      <TaskTime startAt={b.task.startAt} endAt={b.task.endAt} />
      <Text className='ps-task-line'>地点：{b.task.place}</Text>
      {b.confirmedHours !== null && <Text className='ps-task-hours'>已计入 {hoursText(b.confirmedHours)}</Text>}
      {b.stage === 'checked_out' && <Text className='ps-note'>已签退，服务时长将在组织方确认后计入。</Text>}
      {b.cancelledBy === 'organizer' && b.task.cancelReason && <Text className='ps-note ps-cancel-reason'>组织方已取消本次活动，原因：{b.task.cancelReason}</Text>}
      {/* canCancel says "not started"; check-in opens half an hour before the start */}
      {b.canCancel && b.stage === 'booked' && (
        <ActionButton small kind='secondary' disabled={busy !== null} onClick={() => onCancel(b)}>
          {busy === b.id ? '正在取消…' : '取消预约'}
        </ActionButton>
      )}
    </View>
  )
}

export default function BookingsPage() {
  const { scope } = useGate(gate)
  const list = useCursorQuery<ServiceBooking>(scope && `bookings|${scope}`, fetchMyBookings, { topics: ['service'] })
  const [busyId, setBusyId] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)

  const cancel = async (b: ServiceBooking) => {
    if (busyId) return
    setBusyId(b.id)
    setProblem(null)
    const sent = await send<ServiceBooking>({ kind: 'service-cancel', title: `取消预约：${b.task.title}`, url: serviceUrls.cancel(b.id), body: {} })
    setBusyId(null)
    // done: the outbox invalidates 'service' and this list loads again; otherwise load it here
    if (sent.status === 'done') toast('已取消预约', 'success')
    else {
      setProblem(sent.message)
      await list.refresh()
    }
  }

  return (
    <PageShell
      name='ps-bookings'
      gate={gate}
      what='查看我的预约'
      top={
        problem && (
          <View className='card form-error' role='alert'>
            {problem}
          </View>
        )
      }
      query={list}
      skeleton={{ cards: 2, lines: 4, label: '正在加载我的预约' }}
      errorTitle='预约暂时无法加载'
      empty={{
        icon: inboxIcon,
        title: '还没有预约公益任务',
        description: '在“公益任务”中选择合适的任务报名，到场扫码签到、签退即可累计公益时长。',
        actionText: '去报名',
        onAction: () => openPage(serviceRoutes.tasks),
      }}
      endText={(n) => `已显示全部 ${n} 个预约`}
    >
      {(items) => items.map((b) => <Booking key={b.id} b={b} busy={busyId} onCancel={(x) => void cancel(x)} />)}
    </PageShell>
  )
}
