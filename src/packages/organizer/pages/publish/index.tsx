// 发布公益任务 (organizer): what, where, when, how many people, how many hours; checked here by the
// same rules the server applies, then sent through the outbox.
import { Input, Picker, Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import ActionButton from '../../../../components/action-button'
import PageShell from '../../../../components/page-shell'
import { addCalendarDays, chinaDate } from '../../../../domain/dates'
import { organizerRoutes } from '../../../../features/public-service/routes'
import { toTaskInput, type TaskDraft as Draft } from '../../../../features/public-service/task-form'
import { send } from '../../../../features/public-service/submit'
import { toast } from '../../../../platform/feedback'
import { replacePage } from '../../../../platform/navigation'
import { serviceUrls, type OrganizerTask } from '../../../../services/public-service-api'
import { useAuthStore } from '../../../../stores/auth'
import '../../styles.scss'

function PublishForm() {
  const orgName = useAuthStore((s) => s.user?.orgName ?? '')
  const tomorrow = addCalendarDays(chinaDate(), 1)
  const [d, setD] = useState<Draft>({
    title: '', organization: orgName, place: '', description: '', date: addCalendarDays(tomorrow, 1), start: '09:00', end: '12:00',
    deadlineDate: tomorrow, deadlineTime: '18:00', capacity: '10', hours: '3',
  })
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const set = (k: keyof Draft) => (e: { detail: { value: string | number } }) => setD((x) => ({ ...x, [k]: String(e.detail.value) }))

  const submit = async () => {
    if (busy) return
    const checked = toTaskInput(d)
    if (!checked.ok) return setProblem(checked.message)
    setBusy(true)
    setProblem(null)
    const sent = await send<OrganizerTask>({ kind: 'organizer-publish', title: `发布公益任务：${checked.input.title}`, url: serviceUrls.publish, body: checked.input })
    setBusy(false)
    if (sent.status === 'done') {
      toast('已发布', 'success')
      replacePage(organizerRoutes.task(sent.data.id))
    } else setProblem(sent.message)
  }

  const text = (k: keyof Draft, label: string, max: number, placeholder = '') => (
    <View className='field'>
      <Text className='field-label'>{label}</Text>
      <View className='field-box'>
        <Input className='field-input' value={d[k]} maxlength={max} placeholder={placeholder} nativeProps={{ 'aria-label': label }} onInput={set(k)} />
      </View>
    </View>
  )
  const pick = (k: keyof Draft, label: string, mode: 'date' | 'time') => (
    <View className='field'>
      <Text className='field-label'>{label}</Text>
      <Picker mode={mode} value={d[k]} onChange={set(k)}>
        <View className='field-box' role='button' aria-label={`${label}：${d[k]}，点击修改`}>
          <Text className='field-input'>{d[k]}</Text>
        </View>
      </Picker>
    </View>
  )

  return (
    <View className='card'>
      {text('title', '任务名称', 60, '例如 湖滨步行街环境清洁')}
      {text('organization', '组织单位', 60)}
      {text('place', '服务地点', 120, '详细到集合点')}
      <View className='field'>
        <Text className='field-label'>任务说明</Text>
        <View className='field-box'>
          <Textarea className='field-input' value={d.description} maxlength={2000} placeholder='服务内容、要求、需自带的物品' onInput={set('description')} />
        </View>
      </View>
      {pick('date', '服务日期', 'date')}
      {pick('start', '开始时间', 'time')}
      {pick('end', '结束时间', 'time')}
      {pick('deadlineDate', '报名截止日期', 'date')}
      {pick('deadlineTime', '报名截止时间', 'time')}
      {text('capacity', '招募人数（1–500）', 3)}
      {text('hours', '计入时长（小时，0.5 为单位）', 4)}
      {problem && (
        <View className='form-error' role='alert'>
          {problem}
        </View>
      )}
      <ActionButton disabled={busy} onClick={() => void submit()}>
        {busy ? '正在发布…' : '发布任务'}
      </ActionButton>
      <Text className='ps-note'>发布后，市民可在“公益任务”中报名；名额满后不再接受报名。现场签到码在任务页面中出示。</Text>
    </View>
  )
}

const gate = { role: 'organizer' } as const

export default function PublishPage() {
  return (
    <PageShell name='org-publish' gate={gate} what='发布公益任务' who='公益组织者'>
      <PublishForm />
    </PageShell>
  )
}
