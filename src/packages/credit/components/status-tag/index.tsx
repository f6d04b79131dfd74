// A record's status: a coloured dot and the word (公示中 / 异议中 / 已修复 …), never colour alone.
import { Text, View } from '@tarojs/components'
import { statusTone } from '../../../../features/credit/labels'
import type { RecordStatus } from '../../../../services/types'
import './index.scss'

export default function StatusTag({ status }: { status: RecordStatus }) {
  return (
    <View className={`tag tag-${statusTone(status)} status-tag`} aria-label={`状态：${status}`}>
      <View className='status-tag-dot' />
      <Text>{status}</Text>
    </View>
  )
}
