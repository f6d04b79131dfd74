// 消息 calls (DESIGN §4 /api/messages): the list is cursor-paged and says how many are unread.
// Shapes: src/contract/messages.ts (types only).
import type { AllRead, Message, MessagePage, MessageRead } from '../contract/messages'
import { apiGet, apiPost } from './http'

export type { Message, MessagePage }

export const fetchMessages = (cursor?: string | null) => apiGet<MessagePage>('/messages', cursor ? { cursor } : undefined)
export const markMessageRead = (id: string) => apiPost<MessageRead>(`/messages/${encodeURIComponent(id)}/read`)
export const markAllMessagesRead = () => apiPost<AllRead>('/messages/read-all')
