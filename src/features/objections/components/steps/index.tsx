// The steps of a case as a timeline: 已提交 → 核查中 → (已转办) → 已办结, each with when and who,
// its due date (overdue in red and words; an estimated date carries the calendar note) and the
// decision with its reasons. Citizen and officer see the same steps.
import { Text, View } from '@tarojs/components'
import { formatDateTime } from '../../../credit/format'
import type { ObjectionStep } from '../../../../services/objections-api'
import './index.scss'

function dueText(s: ObjectionStep): string | null {
  if (!s.dueDate) return null
  if (s.done) return `办理期限 ${s.dueDate}${s.overdue ? '（逾期办结）' : ''}`
  return s.overdue ? `已逾期：应于 ${s.dueDate} 前办结` : `应于 ${s.dueDate} 前办结`
}

export default function ObjectionSteps({ steps }: { steps: ObjectionStep[] }) {
  const current = steps.findIndex((s) => !s.done)
  return (
    <View className='obj-steps' role='list' aria-label='办理进度'>
      {steps.map((s, n) => {
        const state = s.done ? 'done' : n === current ? 'now' : 'todo'
        // a later step's due date is the current one's: said once, where the work is
        const due = state === 'todo' ? null : dueText(s)
        return (
          <View key={s.status} className={`obj-step obj-step-${state}`} role='listitem'>
            <View className='obj-step-axis'>
              <View className='obj-step-dot'>{s.done ? '✓' : ''}</View>
              {n < steps.length - 1 && <View className='obj-step-line' />}
            </View>
            <View className='obj-step-body'>
              <View className='obj-step-head'>
                <Text className='obj-step-title'>{s.status}</Text>
                {s.done && s.at && <Text className='obj-step-time'>{formatDateTime(s.at)}</Text>}
                {!s.done && <Text className='obj-step-time'>{n === current ? '进行中' : '待办理'}</Text>}
              </View>
              {s.actor && <Text className='obj-step-actor'>{s.actor}</Text>}
              {s.department && s.status === '已转办' && <Text className='obj-step-text'>{`转至：${s.department}${s.transferNote ? `（${s.transferNote}）` : ''}`}</Text>}
              {s.outcomeLabel && (
                <View className='obj-step-decision'>
                  <Text className='obj-step-outcome'>{`决定：${s.outcomeLabel}`}</Text>
                  {s.reasons && <Text className='obj-step-text'>{`理由：${s.reasons}`}</Text>}
                </View>
              )}
              {due && <Text className={`obj-step-due ${s.overdue ? 'obj-step-overdue' : ''}`}>{due}</Text>}
              {due && s.note && <Text className='obj-step-note'>{s.note}</Text>}
            </View>
          </View>
        )
      })}
    </View>
  )
}
