// One case in a list (我的异议, the officer's queue): the record, the state in colour and words,
// and what is due by when — overdue first in red.
import { Text, View } from '@tarojs/components'
import type { Objection } from '../../../../services/objections-api'
import { formatDateTime } from '../../../credit/format'
import { dueLine, STATUS_TONES } from '../../labels'
import './index.scss'

export interface ObjectionItemProps {
  item: Objection
  /** shown under the title (the record's department when left out) */
  extra?: string
  onOpen(): void
}

export default function ObjectionItem({ item, extra, onOpen }: ObjectionItemProps) {
  const outcome = item.steps[item.steps.length - 1]?.outcomeLabel
  return (
    <View className={`card obj-item ${item.overdue ? 'obj-item-overdue' : ''}`} role='link' aria-label={`异议：${item.recordTitle ?? item.recordId}，${item.status}`} onClick={onOpen}>
      <View className='obj-item-head'>
        <Text className={`tag tag-${STATUS_TONES[item.status]}`}>{item.status}</Text>
        {item.overdue && <Text className='tag tag-danger'>已逾期</Text>}
        <Text className='tag tag-muted'>{item.reasonLabel}</Text>
        <Text className='obj-item-time'>{formatDateTime(item.filedAt)}</Text>
      </View>
      <Text className='obj-item-title'>{item.recordTitle ?? '信用记录'}</Text>
      {(extra ?? item.recordDepartment) && <Text className='obj-item-extra'>{extra ?? item.recordDepartment}</Text>}
      <View className='obj-item-foot'>
        <Text className={`obj-item-due ${item.overdue ? 'obj-item-due-late' : ''}`}>{dueLine(item, outcome)}</Text>
        <Text className='obj-item-more'>查看 ›</Text>
      </View>
    </View>
  )
}
