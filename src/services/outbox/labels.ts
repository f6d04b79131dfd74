// How an outbox item reads to the user: 待发送 / 发送中 / 已提交 / 失败（原因）.
import { OUTBOX_STATUS_LABELS, type OutboxItem } from './types'

export function statusText(item: Pick<OutboxItem, 'status' | 'lastError'>): string {
  if (item.status === 'failed') return `失败（${item.lastError ?? '原因未知'}）`
  return OUTBOX_STATUS_LABELS[item.status]
}

/** Why a 待发送 item waits, when it has tried before. */
export function waitingHint(item: Pick<OutboxItem, 'status' | 'lastError'>): string | null {
  return item.status === 'pending' && item.lastError ? `${item.lastError}；将自动重试` : null
}

/** Items that still need the user or the network: 待发送, 发送中 and 失败. */
export const needsAttention = (items: OutboxItem[], ownerId: string | null) => items.filter((i) => i.ownerId === ownerId && i.status !== 'done')
