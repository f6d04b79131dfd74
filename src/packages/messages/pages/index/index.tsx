// 消息: what happened to the user's cases, newest first, paged. Unread ones stand out; opening one
// marks it read and goes to the page it is about; 全部已读 clears them all.
import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { useState } from 'react'
import ActionButton from '../../../../components/action-button'
import ListFooter from '../../../../components/list-footer'
import WindowedList from '../../../../components/windowed-list'
import { formatDateTime } from '../../../../features/credit/format'
import { useUnreadStore } from '../../../../features/messages/unread'
import { useCursorList } from '../../../../hooks/use-cursor-list'
import { toast } from '../../../../platform/feedback'
import { openPage, routes } from '../../../../platform/navigation'
import { toApiError } from '../../../../services/api-error'
import { fetchMessages, markAllMessagesRead, markMessageRead, type Message } from '../../../../services/messages-api'
import { useAuthStore } from '../../../../stores/auth'
import './index.scss'

/** Only pages of this app are opened from a message. */
const inAppPage = (link: string | null): link is string => Boolean(link && /^\/(pages|packages)\//.test(link))

export default function MessagesPage() {
  const loggedIn = useAuthStore((s) => Boolean(s.refreshToken))
  const list = useCursorList<Message>(loggedIn ? 'messages' : null, (cursor) =>
    fetchMessages(cursor).then((page) => {
      useUnreadStore.getState().set(page.unread)
      return page
    }),
  )
  // read here since the list was loaded: the server knows, the rows show it at once
  const [readHere, setReadHere] = useState<Set<string>>(new Set())
  const [allRead, setAllRead] = useState(false)
  const unread = useUnreadStore((s) => s.count)
  const isUnread = (m: Message) => !m.readAt && !allRead && !readHere.has(m.id)

  useReachBottom(() => void list.loadMore())
  usePullDownRefresh(() => {
    setAllRead(false)
    void list.refresh().finally(() => Taro.stopPullDownRefresh())
  })

  const open = (m: Message) => {
    if (isUnread(m)) {
      setReadHere((s) => new Set(s).add(m.id))
      useUnreadStore.getState().set(Math.max(0, unread - 1))
      // Marking read must not hold up opening the case: a failure only leaves it unread there.
      markMessageRead(m.id).catch(() => undefined)
    }
    if (inAppPage(m.link)) openPage(m.link)
  }

  const readAll = async () => {
    try {
      await markAllMessagesRead()
      setAllRead(true)
      useUnreadStore.getState().set(0)
    } catch (e) {
      toast(toApiError(e).message)
    }
  }

  if (!loggedIn) {
    return (
      <View className='page'>
        <View className='card'>
          <Text className='section-title'>登录后查看消息</Text>
          <ActionButton onClick={() => openPage(routes.login)}>登录 / 注册</ActionButton>
        </View>
      </View>
    )
  }

  return (
    <View className='page messages'>
      {list.status === 'ready' && list.items.length > 0 && (
        <View className='messages-head'>
          <Text className='muted'>{unread > 0 ? `${unread} 条未读` : '没有未读消息'}</Text>
          {unread > 0 && (
            <ActionButton small kind='text' onClick={() => void readAll()}>
              全部已读
            </ActionButton>
          )}
        </View>
      )}
      {list.status === 'error' && (
        <View className='card'>
          <View className='form-error' role='alert'>
            {list.error}
          </View>
          <ActionButton kind='secondary' onClick={() => void list.refresh()}>
            重新加载
          </ActionButton>
        </View>
      )}
      {list.status === 'loading' && (
        <View className='card'>
          <Text className='muted'>正在加载…</Text>
        </View>
      )}
      {list.status === 'ready' && list.items.length === 0 && (
        <View className='card'>
          <Text className='section-title'>暂无消息</Text>
          <Text className='muted'>提交异议、信用修复等申请后，办理进度会在这里通知您。</Text>
        </View>
      )}
      {/* 200 cards of 8 views each would pass WeChat's 1,000-node audit limit: only the chunks near
          the screen are rendered on the mini-program */}
      <WindowedList
        name='messages'
        items={list.items}
        keyOf={(m) => m.id}
        renderItem={(m) => {
          const fresh = isUnread(m)
          return (
            <View
              className={`card message ${fresh ? 'message-unread' : ''}`}
              role='link'
              aria-label={`${fresh ? '未读，' : ''}${m.title}`}
              data-unread={fresh ? 'true' : 'false'}
              onClick={() => open(m)}
            >
              <View className='message-head'>
                {fresh && <View className='message-dot' />}
                <Text className='message-title'>{m.title}</Text>
              </View>
              <Text className='message-body'>{m.body}</Text>
              <View className='message-foot'>
                <Text className='muted'>{formatDateTime(m.createdAt)}</Text>
                {inAppPage(m.link) && <Text className='message-go'>查看详情 ›</Text>}
              </View>
            </View>
          )
        }}
      />
      {list.items.length > 0 && (
        <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} moreError={list.moreError} endText={`已显示全部 ${list.items.length} 条消息`} onMore={() => void list.loadMore()} />
      )}
    </View>
  )
}
