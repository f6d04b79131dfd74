// 取消活动 on the organizer's task page: a button while the task has not ended, a dialog that asks
// for the reason (sent as written to everyone booked), and — once cancelled — when and why.
import { Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import ActionButton from '../../../../components/action-button'
import { formatChinaDateTime } from '../../../../domain/dates'
import { TASK_CANCEL_REASON_MAX } from '../../../../domain/public-service'
import { toast } from '../../../../platform/feedback'
import { serviceUrls, type OrganizerTask } from '../../../../services/public-service-api'
import { send } from '../../submit'
import './index.scss'

interface Props {
  task: OrganizerTask
  /** live bookings that will be cancelled (those without confirmed hours) */
  affected: number
  onDone: () => Promise<void> | void
  /** the clock, for tests */
  now?: () => number
}

export default function CancelTask({ task, affected, onDone, now = Date.now }: Props) {
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  if (task.cancelled) {
    return (
      <View className='card ps-cancelled' role='status'>
        <Text className='ps-cancelled-title'>活动已取消</Text>
        <Text className='ps-cancelled-line'>{`${formatChinaDateTime(task.cancelled.at)} 取消，原因：${task.cancelled.reason}`}</Text>
        <Text className='ps-cancelled-line'>已报名的人员已收到通知，预约已自动取消。</Text>
      </View>
    )
  }
  if (now() >= Date.parse(task.endAt)) return null

  const close = () => {
    if (busy) return
    setOpen(false)
    setProblem(null)
  }
  const confirm = async () => {
    if (busy) return
    const text = reason.trim()
    if (!text) return setProblem('请填写取消原因，它将原样发送给已报名的人员')
    if (text.length > TASK_CANCEL_REASON_MAX) return setProblem(`取消原因不能超过${TASK_CANCEL_REASON_MAX}个字`)
    setBusy(true)
    setProblem(null)
    const sent = await send<OrganizerTask>({ kind: 'organizer-cancel-task', title: `取消活动：${task.title}`, url: serviceUrls.cancelTask(task.id), body: { reason: text } })
    setBusy(false)
    if (sent.status === 'done') {
      setOpen(false)
      toast('活动已取消', 'success')
      await onDone()
    } else setProblem(sent.message)
  }

  return (
    <>
      <ActionButton kind='secondary' className='ps-cancel-open' onClick={() => setOpen(true)}>
        取消活动
      </ActionButton>
      {open && (
        <View className='ps-dialog-mask'>
          <View className='ps-dialog' role='dialog' aria-modal='true' aria-labelledby='ps-cancel-title'>
            <Text id='ps-cancel-title' className='ps-dialog-title'>
              取消活动
            </Text>
            <Text className='ps-dialog-text'>
              {affected > 0
                ? `已报名的 ${affected} 人将收到取消通知（含您填写的原因），其预约自动取消；已确认的时长不受影响。取消后不能恢复。`
                : '取消后该任务不再显示在任务列表中，也不能再报名。取消后不能恢复。'}
            </Text>
            <View className='field-box ps-dialog-box'>
              <Textarea
                className='ps-dialog-textarea'
                value={reason}
                maxlength={TASK_CANCEL_REASON_MAX}
                placeholder='例如：天气预报有暴雨，为安全起见取消'
                aria-label='取消原因'
                disabled={busy}
                onInput={(e) => setReason(e.detail.value)}
              />
            </View>
            {problem && (
              <View className='form-error' role='alert'>
                {problem}
              </View>
            )}
            <View className='ps-dialog-actions'>
              <ActionButton kind='secondary' className='ps-dialog-action' disabled={busy} onClick={close}>
                再想想
              </ActionButton>
              <ActionButton className='ps-dialog-action' disabled={busy} onClick={() => void confirm()}>
                {busy ? '正在取消…' : '确认取消'}
              </ActionButton>
            </View>
          </View>
        </View>
      )}
    </>
  )
}
