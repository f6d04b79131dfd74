// A 公益任务: what it is, the sign-up state, and the caller's booking: 预约 / 取消预约 (before the
// start), the check-in and check-out times, and that hours count once the organizer confirms them.
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import ActionButton from '../../../../components/action-button'
import PageShell from '../../../../components/page-shell'
import StateView from '../../../../components/state-view'
import TaskCard, { DateTime } from '../../../../features/public-service/components/task-card'
import { hoursText, STAGE_TONES } from '../../../../features/public-service/format'
import { serviceRoutes } from '../../../../features/public-service/routes'
import { send } from '../../../../features/public-service/submit'
import { useGate } from '../../../../hooks/use-gate'
import { useQuery } from '../../../../hooks/use-query'
import { toast } from '../../../../platform/feedback'
import { openPage, readParam } from '../../../../platform/navigation'
import { fetchTask, serviceUrls, type ServiceBooking, type ServiceTask } from '../../../../services/public-service-api'
import inboxIcon from '../../../../assets/icons/inbox.svg'
import '../../styles.scss'

function TaskView({ task, reload }: { task: ServiceTask; reload: () => Promise<void> }) {
  const [busy, setBusy] = useState(false)
  const [notice, setNotice] = useState<{ error: boolean; text: string } | null>(null)
  const mine = task.myBooking
  const started = Date.now() >= Date.parse(task.startAt)

  const act = async (what: 'book' | 'cancel') => {
    if (busy) return
    setBusy(true)
    setNotice(null)
    const sent = await send<ServiceBooking>(
      what === 'book'
        ? { kind: 'service-booking', title: `预约公益任务：${task.title}`, url: serviceUrls.book(task.id), body: {} }
        : { kind: 'service-cancel', title: `取消预约：${task.title}`, url: serviceUrls.cancel(mine!.id), body: {} },
    )
    setBusy(false)
    if (sent.status === 'done') {
      // the outbox invalidates 'service': this task, the task list and 我的预约 load again
      toast(what === 'book' ? '预约成功' : '已取消预约', 'success')
    } else {
      setNotice({ error: sent.status === 'failed', text: sent.message })
      if (sent.status === 'failed') await reload()
    }
  }

  return (
    <>
      <TaskCard task={task} tag={mine ? { text: mine.stageLabel, className: STAGE_TONES[mine.stage] } : task.cancelled ? { text: '活动已取消', className: 'tag-muted' } : null} />
      <View className='card'>
        <Text className='section-title'>任务说明</Text>
        <Text className='ps-task-line'>{task.description}</Text>
        <View className='ps-gap'>
          <View className='ps-row'><Text className='ps-row-label'>报名截止</Text><Text className='ps-row-value'><DateTime iso={task.signupDeadline} /></Text></View>
          <View className='ps-row'><Text className='ps-row-label'>签到时间</Text><Text className='ps-row-value'><DateTime iso={task.checkIn.opens} /> 起，至任务结束</Text></View>
          <View className='ps-row'><Text className='ps-row-label'>签退时间</Text><Text className='ps-row-value'>任务开始后，至 <DateTime iso={task.checkOut.closes} /></Text></View>
          <View className='ps-row'><Text className='ps-row-label'>服务时长</Text><Text className='ps-row-value'>{hoursText(task.hours)}</Text></View>
        </View>
      </View>

      <View className='card'>
        {notice && (
          <View className={notice.error ? 'form-error' : 'muted'} role='alert'>
            {notice.text}
          </View>
        )}
        {!mine && task.open && (
          <ActionButton disabled={busy} onClick={() => void act('book')}>
            {busy ? '正在预约…' : '预约报名'}
          </ActionButton>
        )}
        {!mine && !task.open && <Text className='muted'>{task.closedReason}</Text>}
        {mine && mine.stage === 'booked' && !started && (
          <ActionButton kind='secondary' disabled={busy} onClick={() => void act('cancel')}>
            {busy ? '正在取消…' : '取消预约'}
          </ActionButton>
        )}
        {mine && (
          <ActionButton kind={mine.stage === 'booked' && !started ? 'text' : 'primary'} onClick={() => openPage(serviceRoutes.scan)}>
            到现场扫码签到 / 签退
          </ActionButton>
        )}
        <Text className='ps-note'>
          到场后请扫描组织方手机上的签到二维码（每 30 秒变化，截图无效）签到，结束时再扫码签退。服务时长在组织方确认后计入“我的公益时长”，并按规则增加信用分。任务开始后不能在线取消预约。
        </Text>
      </View>
    </>
  )
}

const gate = { realName: true } as const

export default function TaskPage() {
  const id = readParam(useRouter().params, 'id') ?? ''
  const { scope } = useGate(gate)
  const q = useQuery(scope && id ? `service-task|${scope}|${id}` : null, () => fetchTask(id), { topics: ['service'] })
  if (!id) {
    return (
      <PageShell name='ps-task-page'>
        <StateView icon={inboxIcon} title='没有找到该公益任务' description='请从公益任务列表打开。' actionText='查看公益任务' onAction={() => openPage(serviceRoutes.tasks)} />
      </PageShell>
    )
  }
  return (
    <PageShell
      name='ps-task-page'
      gate={gate}
      what='查看公益任务'
      query={q}
      skeleton={{ cards: 2, lines: 5, label: '正在加载公益任务' }}
      errorTitle='公益任务暂时无法加载'
      notFound={{ title: '该公益任务不存在', description: '公益任务不存在或无权查看', actionText: '查看其他任务', onAction: () => openPage(serviceRoutes.tasks) }}
    >
      {(task) => <TaskView task={task} reload={() => q.reload()} />}
    </PageShell>
  )
}
