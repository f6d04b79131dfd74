// A case's steps as a vertical timeline: done steps with their time, the open one with its due date.
import { Text, View } from '@tarojs/components'
import { chinaTime } from '../../labels'
import './index.scss'

export interface CaseStep {
  status: string
  done: boolean
  at: string | null
  dueDate: string | null
  overdue?: boolean
  note: string | null
}

export default function CaseSteps({ steps }: { steps: CaseStep[] }) {
  const current = steps.findIndex((s) => !s.done)
  return (
    <View className='case-steps' role='list' aria-label='办理进度'>
      {steps.map((s, i) => (
        <View key={s.status} role='listitem' className={`case-step ${s.done ? 'case-step-done' : ''} ${i === current ? 'case-step-current' : ''}`}>
          <View className='case-step-dot' />
          <View className='case-step-body'>
            <Text className='case-step-name'>
              {s.status}
              {s.done ? '' : i === current ? '（办理中）' : '（待办理）'}
            </Text>
            {s.at && <Text className='case-step-meta'>{chinaTime(s.at)}</Text>}
            {!s.done && s.dueDate && (
              <Text className={`case-step-meta ${s.overdue ? 'case-step-late' : ''}`}>
                {s.overdue ? `已超过办理期限 ${s.dueDate}` : `${s.dueDate} 前办理`}
              </Text>
            )}
            {s.note && <Text className='case-step-note'>{s.note}</Text>}
          </View>
        </View>
      ))}
    </View>
  )
}
