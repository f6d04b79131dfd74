// The steps of a case as a timeline — objections, repair applications, reports, registrations,
// for the citizen and the officer alike: each step with when and who, its due date (overdue in red
// and words; an estimated date carries the calendar note), a transfer, and the decision with its
// reasons. A later step's due date is the current one's, so it is said once, where the work is.
import { Text, View } from '@tarojs/components'
import { formatChinaDateTime } from '../../domain/dates'
import './index.scss'

/** What every case's step has in common; the optional parts are shown when a case has them. */
export interface CaseStep {
  status: string
  /** a longer name beside the status (repair: 已受理 · 信用平台初审) */
  title?: string | null
  done: boolean
  at: string | null
  actor?: string | null
  dueDate: string | null
  /** the note is the calendar's word on an estimated due date (shown with the date only) */
  dueDateEstimated?: boolean
  overdue?: boolean
  note: string | null
  /** a transfer: to which department, and why */
  department?: string | null
  transferNote?: string | null
  outcomeLabel?: string | null
  reasons?: string | null
}

function dueText(s: CaseStep): string | null {
  if (!s.dueDate) return null
  if (s.done) return `办理期限 ${s.dueDate}${s.overdue ? '（逾期办结）' : ''}`
  return s.overdue ? `已逾期：应于 ${s.dueDate} 前办理` : `应于 ${s.dueDate} 前办理`
}

export default function CaseSteps({ steps }: { steps: readonly CaseStep[] }) {
  const current = steps.findIndex((s) => !s.done)
  return (
    <View className='case-steps' role='list' aria-label='办理进度'>
      {steps.map((s, n) => {
        const state = s.done ? 'done' : n === current ? 'now' : 'todo'
        const due = state === 'todo' ? null : dueText(s)
        const note = s.note && (due || !s.dueDateEstimated) ? s.note : null
        return (
          <View key={s.status} className={`case-step case-step-${state}`} role='listitem'>
            <View className='case-step-axis'>
              <View className='case-step-dot'>{s.done ? '✓' : ''}</View>
              {n < steps.length - 1 && <View className='case-step-line' />}
            </View>
            <View className='case-step-body'>
              <View className='case-step-head'>
                <Text className='case-step-title'>
                  {s.status}
                  {s.title ? <Text className='case-step-title-sub'>{` · ${s.title}`}</Text> : null}
                </Text>
                {s.done && s.at && <Text className='case-step-time'>{formatChinaDateTime(s.at)}</Text>}
                {!s.done && <Text className='case-step-time'>{n === current ? '进行中' : '待办理'}</Text>}
              </View>
              {s.actor && <Text className='case-step-actor'>{s.actor}</Text>}
              {s.department && s.status === '已转办' && <Text className='case-step-text'>{`转至：${s.department}${s.transferNote ? `（${s.transferNote}）` : ''}`}</Text>}
              {(s.outcomeLabel || s.reasons) && (
                <View className='case-step-decision'>
                  {s.outcomeLabel && <Text className='case-step-outcome'>{`决定：${s.outcomeLabel}`}</Text>}
                  {s.reasons && <Text className='case-step-text'>{`理由：${s.reasons}`}</Text>}
                </View>
              )}
              {due && <Text className={`case-step-due ${s.overdue ? 'case-step-overdue' : ''}`}>{due}</Text>}
              {note && <Text className={s.dueDateEstimated ? 'case-step-note' : 'case-step-text'}>{note}</Text>}
            </View>
          </View>
        )
      })}
    </View>
  )
}
