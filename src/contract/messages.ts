// /api/messages: the acting subject's message centre — cursor pages with the unread count, mark
// one read, mark all read.
import { z } from 'zod'
import { cursor, instant, limit, pageOf } from './common'

export const MESSAGES_MAX_PAGE_SIZE = 50

export const MessagesQuery = z.object({ cursor: cursor(200).optional(), limit: limit(MESSAGES_MAX_PAGE_SIZE).optional() })
const wrongId = { error: '消息编号不正确' }
export const MessageParams = z.object({ id: z.string(wrongId).min(1, wrongId).max(64, wrongId) })

export const Message = z.strictObject({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  createdAt: instant,
  readAt: instant.nullable(),
  /** the page in the app this message is about (a path such as /packages/...), or null */
  link: z.string().nullable(),
})
export type Message = z.infer<typeof Message>

export const MessagePage = pageOf(Message).extend({ unread: z.number().int().min(0) })
export type MessagePage = z.infer<typeof MessagePage>

export const MessageRead = z.strictObject({ id: z.string(), readAt: instant })
export type MessageRead = z.infer<typeof MessageRead>

export const AllRead = z.strictObject({ updated: z.number().int().min(0) })
export type AllRead = z.infer<typeof AllRead>
