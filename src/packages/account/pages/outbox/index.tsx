// 待发送: every submission of this account the outbox holds — 待发送 / 发送中 / 已提交 / 失败（原因）
// — with 重试 and 放弃, and the page of what was created once 已提交.
import { Text, View } from '@tarojs/components'
import { useEffect } from 'react'
import ActionButton from '../../../../components/action-button'
import PageShell from '../../../../components/page-shell'
import { useGate } from '../../../../hooks/use-gate'
import { confirm, toast } from '../../../../platform/feedback'
import { openPage } from '../../../../platform/navigation'
import { statusText, waitingHint } from '../../../../services/outbox/labels'
import { discard, resumeAll, retryNow } from '../../../../services/outbox/runner'
import { useOutboxStore } from '../../../../services/outbox/store'
import type { OutboxItem } from '../../../../services/outbox/types'
import './index.scss'

const TONE: Record<OutboxItem['status'], string> = { pending: 'warn', sending: 'accent', done: 'ok', failed: 'danger' }

const gate = { login: true } as const

export default function OutboxPage() {
  const ownerId = useGate(gate).user?.id ?? null
  const all = useOutboxStore((s) => s.items)
  const items = all.filter((i) => i.ownerId === ownerId).sort((a, b) => b.createdAt - a.createdAt)

  // Opening the list is a good moment to try what waits.
  useEffect(() => resumeAll(), [])

  const onDiscard = async (item: OutboxItem) => {
    if (!(await confirm('放弃这项提交？', `“${item.title}”将不会再发送。`, '放弃'))) return
    if (!discard(item.id)) toast('正在发送，请稍候再试')
  }

  // The list is this device's own (no server query): the shell gives consent, login and 长辈模式.
  return (
    <PageShell name='outbox' gate={gate} what='查看待发送的内容'>
      {items.length === 0 && (
        <View className='card outbox-empty'>
          <Text className='section-title'>没有待发送的内容</Text>
          <Text className='muted'>网络不好时，您提交的申请、签署和领取会先保存在这里，网络恢复后自动提交。</Text>
        </View>
      )}
      {items.map((item) => {
        const hint = waitingHint(item)
        const canAct = item.status === 'pending' || item.status === 'failed'
        return (
          <View key={item.id} className='card outbox-item' data-status={item.status}>
            <View className='outbox-item-head'>
              <Text className='outbox-item-title'>{item.title}</Text>
              <Text className={`tag tag-${TONE[item.status]} outbox-item-status`}>{statusText(item)}</Text>
            </View>
            {hint && <Text className='muted outbox-item-hint'>{hint}</Text>}
            {canAct && (
              <View className='outbox-item-actions'>
                <ActionButton small onClick={() => void retryNow(item.id)}>
                  重试
                </ActionButton>
                <ActionButton small kind='secondary' onClick={() => void onDiscard(item)}>
                  放弃
                </ActionButton>
              </View>
            )}
            {item.status === 'done' && item.link && item.resultId && (
              <ActionButton small kind='text' onClick={() => openPage(`${item.link}${encodeURIComponent(item.resultId ?? '')}`)}>
                查看
              </ActionButton>
            )}
          </View>
        )
      })}
    </PageShell>
  )
}
