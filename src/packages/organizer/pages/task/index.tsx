// A task's bookings (organizer): who booked (masked name, phone's last 4), whether they checked in
// and out, and the hours to confirm or correct for each — confirmed hours are credited at once.
import { Input, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import ActionButton from '../../../../components/action-button'
import PageShell from '../../../../components/page-shell'
import StateView from '../../../../components/state-view'
import { validHours } from '../../../../domain/public-service'
import CancelTask from '../../../../features/public-service/components/cancel-task'
import TaskCard, { DateTime } from '../../../../features/public-service/components/task-card'
import { hoursText, STAGE_TONES } from '../../../../features/public-service/format'
import { organizerRoutes } from '../../../../features/public-service/routes'
import { send } from '../../../../features/public-service/submit'
import { useGate } from '../../../../hooks/use-gate'
import { useQuery } from '../../../../hooks/use-query'
import { toast } from '../../../../platform/feedback'
import { openPage, readParam } from '../../../../platform/navigation'
import { fetchTaskAttendees, serviceUrls, type OrganizerTask, type TaskAttendee } from '../../../../services/public-service-api'
import inboxIcon from '../../../../assets/icons/inbox.svg'
import '../../styles.scss'

function Attendee({ task, a, onDone }: { task: OrganizerTask; a: TaskAttendee; onDone: () => Promise<void> }) {
  const [hours, setHours] = useState(String(a.confirmedHours ?? task.hours))
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const started = Date.now() >= Date.parse(task.startAt)
  const value = Number(hours)
  const correcting = a.confirmedHours !== null

  const confirm = async () => {
    if (busy) return
    if (!validHours(value, correcting)) return setProblem('时长须在 0.5–24 小时之间，以 0.5 小时为单位（更正时可填 0）')
    setBusy(true)
    setProblem(null)
    const sent = await send<TaskAttendee>({ kind: 'organizer-attendance', title: `${correcting ? '更正' : '确认'}服务时长：${task.title}`, url: serviceUrls.attendance(task.id), body: { bookingId: a.bookingId, hours: value } })
    setBusy(false)
    if (sent.status === 'done') {
      // the outbox invalidates 'service': this list loads again
      toast(correcting ? '已更正' : '已确认', 'success')
    } else {
      setProblem(sent.message)
      if (sent.status === 'failed') await onDone()
    }
  }

  return (
    <View className='card ps-task' data-booking={a.bookingId}>
      <View className='ps-task-head'>
        <Text className='ps-task-title'>
          {a.name}
          {a.phoneTail ? `（尾号 ${a.phoneTail}）` : ''}
        </Text>
        <Text className={`tag ${STAGE_TONES[a.stage]}`}>{a.stage === 'confirmed' ? `已确认 ${hoursText(a.confirmedHours ?? 0)}` : a.stageLabel}</Text>
      </View>
      {/* 签到 and 签退 each kept whole: large type wraps between them, not after a label */}
      <Text className='ps-task-line'>
        <Text className='ps-nowrap'>签到：{a.checkedInAt ? <DateTime iso={a.checkedInAt} /> : '未签到'}</Text>　
        <Text className='ps-nowrap'>签退：{a.checkedOutAt ? <DateTime iso={a.checkedOutAt} /> : '未签退'}</Text>
      </Text>
      {a.stage !== 'cancelled' && started && (
        <>
          <View className='field-box ps-gap'>
            <Input className='field-input' type='digit' value={hours} maxlength={4} nativeProps={{ 'aria-label': `${a.name}的服务时长` }} onInput={(e) => setHours(e.detail.value)} />
          </View>
          {problem && (
            <View className='form-error' role='alert'>
              {problem}
            </View>
          )}
          <ActionButton small kind={correcting ? 'secondary' : 'primary'} disabled={busy} onClick={() => void confirm()}>
            {busy ? '正在提交…' : correcting ? '更正时长' : '确认时长'}
          </ActionButton>
        </>
      )}
    </View>
  )
}

function TaskBookings({ data: { task, items }, reload }: { data: { task: OrganizerTask; items: TaskAttendee[] }; reload: () => Promise<void> }) {
  const started = Date.now() >= Date.parse(task.startAt)
  return (
    <>
      <TaskCard task={task} />
      {!task.cancelled && (
        <View className='ps-actions'>
          <ActionButton className='ps-action' onClick={() => openPage(organizerRoutes.siteCode(task.id))}>出示现场签到码</ActionButton>
        </View>
      )}
      <CancelTask task={task} affected={items.filter((i) => i.stage !== 'cancelled' && i.stage !== 'confirmed').length} onDone={reload} />
      <Text className='ps-note'>
        {started ? '请核对现场情况后为每位参与者确认时长，确认后立即计入对方的公益时长并通知本人；如有误可更正。' : '任务开始后可为参与者确认时长。签到、签退只作为参考，时长以您确认的为准。'}
      </Text>
      <Text className='ps-day'>报名 {items.filter((i) => i.stage !== 'cancelled').length} 人（名额 {task.capacity}）</Text>
      {items.length === 0 && <StateView icon={inboxIcon} title='还没有人报名' />}
      {items.map((a) => (
        <Attendee key={`${a.bookingId}|${a.confirmedHours ?? ''}`} task={task} a={a} onDone={reload} />
      ))}
    </>
  )
}

const gate = { role: 'organizer' } as const

export default function OrganizerTaskPage() {
  const id = readParam(useRouter().params, 'id') ?? ''
  const { scope } = useGate(gate)
  const q = useQuery(scope && id ? `org-task|${scope}|${id}` : null, () => fetchTaskAttendees(id), { topics: ['service'] })
  if (!id) {
    return (
      <PageShell name='org-task'>
        <StateView icon={inboxIcon} title='没有指定任务' description='请从“我发布的公益任务”打开。' />
      </PageShell>
    )
  }
  return (
    <PageShell
      name='org-task'
      gate={gate}
      what='管理公益任务'
      who='公益组织者'
      query={q}
      skeleton={{ cards: 2, lines: 4, label: '正在加载报名情况' }}
      errorTitle='报名情况暂时无法加载'
      notFound={{ title: '该任务不存在或不是您发布的' }}
      isEmpty={() => false}
    >
      {(data) => <TaskBookings data={data} reload={() => q.reload()} />}
    </PageShell>
  )
}
