// The record under objection as the officer checks it: every field and its history (a correction
// keeps the old version there).
import { Text, View } from '@tarojs/components'
import { formatDateTime, publicityPeriod } from '../../../../features/credit/format'
import { POLARITY_LABELS, severityLabel, statusTone } from '../../../../features/credit/labels'
import type { CreditRecordDetail } from '../../../../services/types'

export default function RecordPanel({ record: r }: { record: Omit<CreditRecordDetail, 'objection'> }) {
  const fields: [string, string][] = [
    ['类别', `${r.kind} · ${POLARITY_LABELS[r.polarity]}信息`],
    ['严重程度', r.severity ? severityLabel(r.severity) : '未分级'],
    ['决定文书号', r.documentNo ?? '无'],
    ['来源部门', r.department],
    ['决定日期', r.decisionDate],
    ['公示期', publicityPeriod(r.publicityStart, r.publicityEnd)],
  ]
  return (
    <View className='card'>
      <View className='officer-record-head'>
        <Text className='section-title officer-record-title'>信用记录</Text>
        <Text className={`tag tag-${statusTone(r.status)}`}>{r.status}</Text>
      </View>
      {fields.map(([k, v]) => (
        <View key={k} className='officer-field'>
          <Text className='officer-field-label'>{k}</Text>
          <Text className='officer-field-value'>{v}</Text>
        </View>
      ))}
      <Text className='officer-text officer-record-content'>{r.content}</Text>
      <Text className='officer-label'>变更历史</Text>
      {[...r.history].reverse().map((h, n) => (
        <View key={`${h.at}-${n}`} className='officer-history'>
          <View className='officer-history-head'>
            <Text className={`tag tag-${statusTone(h.status)}`}>{h.status}</Text>
            <Text className='muted'>{formatDateTime(h.at)}</Text>
          </View>
          <Text className='officer-text'>{h.reason}</Text>
          <Text className='muted'>{h.actor}</Text>
        </View>
      ))}
    </View>
  )
}
