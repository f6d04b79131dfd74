// A commitment's status: colour and words together.
import { Text } from '@tarojs/components'
import { STATUS_TAGS } from '../../../../features/commitments/labels'
import type { CommitmentStatus } from '../../../../services/commitments-api'
import './index.scss'

export default function StatusTag({ status }: { status: CommitmentStatus }) {
  const tag = STATUS_TAGS[status] ?? { className: 'tag tag-muted', hint: '' }
  return (
    <Text className={tag.className} aria-label={`状态：${status}`}>
      {status}
    </Text>
  )
}
