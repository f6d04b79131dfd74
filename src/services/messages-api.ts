// 消息 calls (DESIGN §4 /api/messages): the list is cursor-paged and says how many are unread.
import { apiGet, apiPost } from './http'
import type { Page } from './types'

export interface Message {
  id: string
  title: string
  body: string
  createdAt: string
  readAt: string | null
  /** the page in the app this message is about (a path such as /packages/...), or null */
  link: string | null
}

export interface MessagePage extends Page<Message> {
  unread: number
}

export const fetchMessages = (cursor?: string | null) => apiGet<MessagePage>('/messages', cursor ? { cursor } : undefined)
export const markMessageRead = (id: string) => apiPost<unknown>(`/messages/${encodeURIComponent(id)}/read`)
export const markAllMessagesRead = () => apiPost<unknown>('/messages/read-all')
