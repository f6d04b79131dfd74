// The 消息 row of 我的, with the unread count as a badge.
import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useUnreadStore } from '../../unread'
import { openPage, routes } from '../../../../platform/navigation'
import Icon from '../../../../components/icon'
import bellIcon from '../../../../assets/icons/bell.svg'
import '../message-bell/index.scss'

/** `className` lets the page give it the look of its other rows. */
export default function MessageRow({ className = '' }: { className?: string }) {
  const count = useUnreadStore((s) => s.count)
  useDidShow(() => void useUnreadStore.getState().refresh())
  return (
    <View className={className} role='link' aria-label={count ? `消息，${count} 条未读` : '消息'} onClick={() => openPage(routes.messages)}>
      <Icon className='mine-menu-icon' src={bellIcon} />
      <Text className='mine-menu-text'>消息</Text>
      {count > 0 && <Text className='message-badge'>{count > 99 ? '99+' : count}</Text>}
      <Text className='mine-chevron'>›</Text>
    </View>
  )
}
