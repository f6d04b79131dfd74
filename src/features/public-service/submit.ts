// Every 公益服务 write goes through the outbox: one Idempotency-Key per submission, sent again by
// itself when unanswered. A screen gets back the answer, a refusal to show, or "waiting".
import { discard, submit } from '../../services/outbox/runner'
import type { Topic } from '../../services/query/cache'
import { useAuthStore } from '../../stores/auth'

export type Sent<T> = { status: 'done'; data: T } | { status: 'failed'; message: string; code: string } | { status: 'pending'; message: string }

export interface Submission {
  kind: string
  /** shown in 待发送 */
  title: string
  url: string
  body: unknown
  /** a submission that makes no sense later (a site code that expires in seconds) is not kept waiting */
  dropIfUnanswered?: boolean
  /** what it changes beyond tasks and bookings ('service' always): refetched once it is 已提交 */
  topics?: Topic[]
}

export async function send<T>(s: Submission): Promise<Sent<T>> {
  const { user, actingFor } = useAuthStore.getState()
  if (!user) return { status: 'failed', message: '请先登录', code: 'UNAUTHORIZED' }
  const outcome = await submit({ kind: s.kind, title: s.title, ownerId: user.id, subject: actingFor, url: s.url, body: s.body, topics: ['service', ...(s.topics ?? [])] })
  if (outcome.status === 'done') return { status: 'done', data: outcome.data as T }
  if (outcome.status === 'failed') {
    // Answered for good: shown on the screen, nothing left in 待发送.
    discard(outcome.item.id)
    return { status: 'failed', message: outcome.error.message, code: outcome.error.code }
  }
  if (s.dropIfUnanswered) {
    discard(outcome.item.id)
    return { status: 'failed', message: `${outcome.error.message}。签到码很快会过期，请联网后重新扫码`, code: outcome.error.code }
  }
  return { status: 'pending', message: `${outcome.error.message}。已保存到“待发送”，联网后将自动提交` }
}
