// One record in the list: what it is, who decided it and when, its status and its weight.
import { Text, View } from '@tarojs/components'
import { POLARITY_LABELS, polarityTone, severityLabel, severityTone } from '../../../../features/credit/labels'
import { openPage, routes, withQuery } from '../../../../platform/navigation'
import type { CreditRecord } from '../../../../services/types'
import StatusTag from '../status-tag'
import './index.scss'

export default function RecordCard({ record }: { record: CreditRecord }) {
  const { id, kind, polarity, severity, title, department, decisionDate, status, list } = record
  return (
    <View
      className='card record-card'
      role='link'
      data-record={id}
      onClick={() => openPage(withQuery(routes.recordDetail, { id }))}
    >
      <View className='record-card-head'>
        <View className='record-card-tags'>
          <Text className={`tag tag-${polarityTone(polarity)}`}>{POLARITY_LABELS[polarity]}</Text>
          <Text className='tag tag-muted'>{kind}</Text>
          {severity && <Text className={`tag tag-${severityTone(severity)}`}>{severityLabel(severity)}</Text>}
        </View>
        <StatusTag status={status} />
      </View>
      <Text className='record-card-title'>{title}</Text>
      <Text className='record-card-dept'>{department}</Text>
      <View className='record-card-foot'>
        <Text className='record-card-date'>{`决定日期 ${decisionDate}`}</Text>
        {list && (
          <Text className={`record-card-list record-card-list-${list.kind}`}>
            {`${list.kind === 'red' ? '红名单' : '严重失信名单'} · ${list.name}`}
          </Text>
        )}
        <Text className='record-card-chevron'>›</Text>
      </View>
    </View>
  )
}
