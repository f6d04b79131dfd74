// The 待发送 row of 我的: how many submissions still wait (or failed), opening the outbox page.
// Shown only when there is something to see.
import { Text, View } from '@tarojs/components'
import { needsAttention } from '../../services/outbox/labels'
import { useOutboxStore } from '../../services/outbox/store'
import { useAuthStore } from '../../stores/auth'
import { openPage, routes } from '../../platform/navigation'
import './index.scss'

export default function OutboxRow({ className = '' }: { className?: string }) {
  const ownerId = useAuthStore((s) => s.user?.id ?? null)
  const count = useOutboxStore((s) => needsAttention(s.items, ownerId).length)
  if (!count) return null
  return (
    <View className={`outbox-row ${className}`} role='link' aria-label={`待发送 ${count} 项`} onClick={() => openPage(routes.outbox)}>
      <Text className='outbox-row-text'>待发送</Text>
      <Text className='outbox-row-badge'>{count}</Text>
      <Text className='outbox-row-hint'>网络恢复后自动提交</Text>
      <Text className='outbox-row-chevron'>›</Text>
    </View>
  )
}
