// One commitment in a list: what, by whom (for the public list), when, and its status.
import { Text, View } from '@tarojs/components'
import { formatChinaDate } from '../../../../features/commitments/labels'
import type { PublicCommitment } from '../../../../services/commitments-api'
import StatusTag from '../status-tag'
import './index.scss'

interface Props {
  /** a commitment of one's own or of the public list: only what both show */
  item: PublicCommitment
  /** show the enterprise (public list) rather than the receipt number (my list) */
  showSubject?: boolean
  /** what a tap does, e.g. 查看回执 */
  action: string
  onOpen(): void
}

export default function CommitmentItem({ item, showSubject, action, onOpen }: Props) {
  return (
    <View className='card ci' role='link' aria-label={`${item.template.title}，${item.status}，${action}`} data-receipt={item.receiptNo} onClick={onOpen}>
      {showSubject && (
        <View className='ci-subject'>
          <Text className='ci-subject-name'>{item.subject.name}</Text>
          {item.subject.uscc && <Text className='muted ci-uscc'>统一社会信用代码 {item.subject.uscc}</Text>}
        </View>
      )}
      <View className='ci-main'>
        <Text className='ci-title'>{item.template.title}</Text>
        <StatusTag status={item.status} />
      </View>
      <View className='ci-meta'>
        <Text className='ci-meta-item'>{item.template.kind}</Text>
        <Text className='ci-meta-item'>第 {item.template.version} 版</Text>
        <Text className='ci-meta-item'>{formatChinaDate(item.signedAt)} 签署</Text>
      </View>
      <View className='ci-foot'>
        <Text className='muted ci-receipt'>回执编号 {item.receiptNo}</Text>
        <Text className='ci-action'>{action} ›</Text>
      </View>
    </View>
  )
}
