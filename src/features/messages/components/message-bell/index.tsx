// The bell at the top of 首页: opens 消息, with the unread count as a badge.
import { Text, View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useUnreadStore } from '../../unread'
import { openPage, routes } from '../../../../platform/navigation'
import Icon from '../../../../components/icon'
import bellIcon from '../../../../assets/icons/bell.svg'
import './index.scss'

export default function MessageBell() {
  const count = useUnreadStore((s) => s.count)
  useDidShow(() => void useUnreadStore.getState().refresh())
  return (
    <View className='message-bell-bar'>
      <View className='message-bell' role='link' aria-label={count ? `消息，${count} 条未读` : '消息'} onClick={() => openPage(routes.messages)}>
        <Icon className='message-bell-icon' src={bellIcon} />
        <Text className='message-bell-text'>消息</Text>
        {count > 0 && <Text className='message-badge'>{count > 99 ? '99+' : count}</Text>}
      </View>
    </View>
  )
}
