// Sends queued deliveries (the outbox written by notify). Each is claimed by one worker (skip
// locked), sent outside any transaction, and its outcome recorded: sent, refused (43101 — the user
// has no subscription left: never retried), or failed — retried later up to MAX_ATTEMPTS.
import { sql, type Kysely } from 'kysely'
import { maskPhone } from '../../src/domain/mask'
import type { SmsProvider } from '../adapters/sms'
import type { DeliveryResult, SubscribeMessenger } from '../adapters/wechat-subscribe'
import type { Database } from '../db/schema'

export const MAX_DELIVERY_ATTEMPTS = 5
/** a claim older than this belongs to a worker that died mid-send: take it again */
const STALE_CLAIM_MINUTES = 10

export interface DeliveryAdapters {
  subscribe: SubscribeMessenger
  sms: SmsProvider
}

export async function deliverPending(db: Kysely<Database>, adapters: DeliveryAdapters, batch = 50) {
  const claimed = await sql<{ id: string }>`
    update message_deliveries set status = 'sending', claimed_at = now(), attempts = attempts + 1
    where id in (
      select id from message_deliveries
      where (status = 'pending' or (status = 'sending' and claimed_at < now() - make_interval(mins => ${STALE_CLAIM_MINUTES})))
        and attempts < ${MAX_DELIVERY_ATTEMPTS}
      order by created_at limit ${batch} for update skip locked)
    returning id`.execute(db)
  const counts = { sent: 0, refused: 0, failed: 0 }
  for (const { id } of claimed.rows) {
    const d = await db
      .selectFrom('message_deliveries as d')
      .innerJoin('users as u', 'u.id', 'd.recipient_user_id')
      .select(['d.channel', 'd.template', 'd.payload', 'd.attempts', 'u.phone', 'u.wechat_openid'])
      .where('d.id', '=', id)
      .executeTakeFirstOrThrow()
    const result = await sendOne(adapters, d)
    const final = result.status !== 'failed' || !result.retry || d.attempts >= MAX_DELIVERY_ATTEMPTS
    await db
      .updateTable('message_deliveries')
      .set({
        status: result.status === 'failed' && !final ? 'pending' : result.status,
        last_error: result.status === 'sent' ? null : result.error.slice(0, 500),
        sent_at: result.status === 'sent' ? new Date() : null,
      })
      .where('id', '=', id)
      .execute()
    counts[result.status]++
  }
  return counts
}

async function sendOne(
  adapters: DeliveryAdapters,
  d: { channel: 'wechat' | 'sms'; template: string; payload: { fields: Record<string, string>; page?: string }; phone: string | null; wechat_openid: string | null },
): Promise<DeliveryResult> {
  if (d.channel === 'wechat') {
    if (!d.wechat_openid) return { status: 'failed', retry: false, error: '该用户未绑定微信' }
    return adapters.subscribe.send({ openid: d.wechat_openid, templateId: d.template, data: d.payload.fields, page: d.payload.page })
  }
  if (!d.phone) return { status: 'failed', retry: false, error: '该用户没有手机号' }
  try {
    await adapters.sms.sendNotice(d.phone, d.template, d.payload.fields)
    return { status: 'sent' }
  } catch (e) {
    // the error names the gateway's answer, never the number
    return { status: 'failed', retry: true, error: `短信发送失败（${maskPhone(d.phone)}）：${(e as Error).message}` }
  }
}
