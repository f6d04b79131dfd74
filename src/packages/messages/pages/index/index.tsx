// 消息: what happened to the user's cases, newest first, paged. Unread ones stand out; opening one
// marks it read and goes to the page it is about; 全部已读 clears them all.
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import ActionButton from '../../../../components/action-button'
import PageShell from '../../../../components/page-shell'
import WindowedList from '../../../../components/windowed-list'
import { formatDateTime } from '../../../../features/credit/format'
import { useUnreadStore } from '../../../../features/messages/unread'
import { useCursorQuery } from '../../../../hooks/use-cursor-list'
import { useGate } from '../../../../hooks/use-gate'
import { toast } from '../../../../platform/feedback'
import { openPage } from '../../../../platform/navigation'
import { toApiError } from '../../../../services/api-error'
import { fetchMessages, markAllMessagesRead, markMessageRead, type Message } from '../../../../services/messages-api'
import bellIcon from '../../../../assets/icons/bell.svg'
import './index.scss'

const gate = { login: true } as const

/** Only pages of this app are opened from a message. */
const inAppPage = (link: string | null): link is string => Boolean(link && /^\/(pages|packages)\//.test(link))

export default function MessagesPage() {
  const { scope } = useGate(gate)
  // read here since the list was loaded: the server knows, the rows show it at once
  const [readHere, setReadHere] = useState<Set<string>>(new Set())
  const [allRead, setAllRead] = useState(false)
  const list = useCursorQuery<Message>(
    scope && `messages|${scope}`,
    (cursor) =>
      fetchMessages(cursor).then((page) => {
        useUnreadStore.getState().set(page.unread)
        // a first page (opened, pulled, invalidated) carries the server's read marks again
        if (!cursor) {
          setAllRead(false)
          setReadHere(new Set())
        }
        return page
      }),
    { topics: ['messages'] },
  )
  const unread = useUnreadStore((s) => s.count)
  const isUnread = (m: Message) => !m.readAt && !allRead && !readHere.has(m.id)

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

  return (
    <PageShell
      name='messages'
      gate={gate}
      what='查看消息'
      query={list}
      skeleton={{ cards: 3, lines: 3, label: '正在加载消息' }}
      errorTitle='消息加载失败'
      empty={{ icon: bellIcon, title: '暂无消息', description: '提交异议、信用修复等申请后，办理进度会在这里通知您。' }}
      endText={(n) => `已显示全部 ${n} 条消息`}
    >
      {(messages) => (
        <>
          <View className='messages-head'>
            <Text className='muted'>{unread > 0 ? `${unread} 条未读` : '没有未读消息'}</Text>
            {unread > 0 && (
              <ActionButton small kind='text' onClick={() => void readAll()}>
                全部已读
              </ActionButton>
            )}
          </View>
          {/* 200 cards of 8 views each would pass WeChat's 1,000-node audit limit: only the chunks near
              the screen are rendered on the mini-program */}
          <WindowedList
            name='messages'
            items={messages}
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
        </>
      )}
    </PageShell>
  )
}
