// The record's objection, on its detail page: the open case (the record does not count while it is
// verified), the last decision, 我要异议 while the record is in publicity, or where to go instead.
import { Text, View } from '@tarojs/components'
import ActionButton from '../../../../components/action-button'
import { OUTCOME_LABELS } from '../../../../domain/objection'
import { STATUS_TONES, SUSPENDED_NOTE } from '../../../../features/objections/labels'
import { objectionRoutes } from '../../../../features/objections/routes'
import { openPage } from '../../../../platform/navigation'
import { recordObjectionOf } from '../../../../services/objections-api'
import type { CreditRecordDetail } from '../../../../services/types'

export default function ObjectionCard({ record }: { record: CreditRecordDetail }) {
  const o = recordObjectionOf(record)
  if (o?.open) {
    return (
      <View className='card detail-objection detail-objection-open'>
        <View className='detail-objection-head'>
          <Text className='section-title detail-objection-title'>异议办理中</Text>
          <Text className={`tag tag-${STATUS_TONES[o.status]}`}>{o.status}</Text>
        </View>
        <Text className='detail-objection-text'>{SUSPENDED_NOTE}</Text>
        <ActionButton kind='secondary' onClick={() => openPage(objectionRoutes.detail(o.id))}>
          查看异议进度
        </ActionButton>
      </View>
    )
  }
  const last = o?.outcome ? (
    <View className='detail-objection-last' role='link' onClick={() => openPage(objectionRoutes.detail(o.id))}>
      <Text>{`上一次异议已办结：${OUTCOME_LABELS[o.outcome]}`}</Text>
      <Text className='detail-objection-link'>查看 ›</Text>
    </View>
  ) : null
  if (record.status === '公示中') {
    return (
      <View className='card detail-objection'>
        <Text className='section-title detail-objection-title'>对记录有异议？</Text>
        <Text className='detail-objection-text'>
          {o?.newEvidenceRequired
            ? '该记录的异议曾被核查维持，再次提出须提供新的证明材料。'
            : '认为记录有误（信息错误、非本人、已撤销或变更等）可在线提出异议，5 个工作日内办结；核查期间该记录暂不计分。'}
        </Text>
        {last}
        <ActionButton onClick={() => openPage(objectionRoutes.file(record.id))}>我要异议</ActionButton>
      </View>
    )
  }
  if (record.status === '已更正' || record.status === '已撤销') return last ? <View className='card detail-objection'>{last}</View> : null
  return (
    <View className='card detail-objection'>
      <Text className='section-title detail-objection-title'>对记录有异议？</Text>
      <Text className='detail-objection-text'>{`该记录当前为“${record.status}”，已不在公示期，不能在线提出异议。如仍有异议，请持相关材料向作出决定的${record.department}提出。`}</Text>
      {last}
    </View>
  )
}
