// 注销账号 (PIPL Art. 47): what the user may have removed, and what the law keeps. Removed: the
// account's phone, WeChat binding and real-name binding, the enterprises it acted for, its sessions,
// authorisations to partners, unused vouchers, 信易租 grants and counter passes; its bookings of
// 公益任务 that have not started are cancelled, freeing the seats for others. Kept: public credit
// records (the departments' records about the person), signed commitments, vouchers already used
// at a gate (the partner's records) and the access log of who read the record.
import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { tokensRevoked } from '../auth/revoked-tokens'
import { inTransaction } from '../db/transaction'
import { AppError } from '../http/errors'
import { releaseSeats } from '../public-service/seats'

/**
 * The account's bookings of tasks not yet started: cancelled, each task's seat given back. Task rows
 * are locked before the bookings (in id order), as a task's cancellation and a citizen's own
 * cancellation do, so none of them waits on another in a cycle. Tasks under way are left alone:
 * the person may be on site.
 */
async function cancelFutureBookings(trx: Kysely<Database>, userId: string, now: Date): Promise<number> {
  const future = await trx
    .selectFrom('service_bookings as b')
    .innerJoin('service_tasks as t', 't.id', 'b.task_id')
    .select('t.id')
    .where('b.user_id', '=', userId)
    .where('b.status', '=', 'booked')
    .where('t.start_at', '>', now)
    .execute()
  if (future.length === 0) return 0
  const taskIds = [...new Set(future.map((f) => f.id))].sort()
  await trx.selectFrom('service_tasks').select('id').where('id', 'in', taskIds).orderBy('id').forUpdate().execute()
  const cancelled = await trx
    .updateTable('service_bookings')
    .set({ status: 'cancelled', cancelled_at: now, cancelled_by: 'account_deletion' })
    .where('user_id', '=', userId)
    .where('status', '=', 'booked')
    .where('task_id', 'in', taskIds)
    .returning('task_id')
    .execute()
  await releaseSeats(trx, cancelled)
  return cancelled.length
}

export interface DeletionResult {
  deletedAt: string
  removed: { vouchers: number; authorizations: number; grants: number; counterPasses: number; enterprises: number; bookings: number }
}

/**
 * Runs in the caller's transaction or its own. `keepKey`: the Idempotency-Key of the request doing
 * the deletion, kept with its answer (the account's other keys go), so a simultaneous retry of the
 * same press replays the answer instead of being told the account is gone.
 */
export async function deleteAccount(db: Kysely<Database>, userId: string, now: Date, keepKey?: { scope: string; key: string }): Promise<DeletionResult> {
  return inTransaction(db, async (trx) => {
    // One deletion per account even when the button is pressed twice at once: the row is locked.
    // FOR NO KEY UPDATE, not FOR UPDATE: writes that only reference the user (a message delivery to
    // them, a booking of theirs) hold a task row and then check that reference; with FOR UPDATE
    // they would wait here while this waits for their task row (cancelFutureBookings): a deadlock.
    const user = await trx.selectFrom('users').select(['id', 'subject_id', 'phone', 'deleted_at']).where('id', '=', userId).forNoKeyUpdate().executeTakeFirst()
    if (!user || user.deleted_at) throw new AppError(410, 'ACCOUNT_DELETED', '该账号已注销')
    const count = (r: { numDeletedRows: bigint }[]) => Number(r.reduce((n, x) => n + x.numDeletedRows, 0n))
    const removed = { vouchers: 0, authorizations: 0, grants: 0, counterPasses: 0, enterprises: 0, bookings: 0 }
    if (user.subject_id) {
      const subject = user.subject_id
      removed.vouchers = count(await trx.deleteFrom('vouchers').where('subject_id', '=', subject).where('status', '!=', 'used').execute())
      removed.authorizations = count(await trx.deleteFrom('authorizations').where('subject_id', '=', subject).execute())
      removed.grants = count(await trx.deleteFrom('rental_grants').where('subject_id', '=', subject).execute())
      removed.counterPasses = count(await trx.deleteFrom('counter_passes').where('subject_id', '=', subject).execute())
    }
    removed.bookings = await cancelFutureBookings(trx, userId, now)
    removed.enterprises = count(await trx.deleteFrom('agent_bindings').where('user_id', '=', userId).execute())
    await trx.deleteFrom('refresh_tokens').where('user_id', '=', userId).execute()
    if (user.phone) await trx.deleteFrom('sms_codes').where('phone', '=', user.phone).execute()
    await trx
      .deleteFrom('idempotency_keys')
      .where('scope', 'like', `${userId}|%`)
      .$if(keepKey !== undefined, (q) => q.where((eb) => eb.not(eb.and([eb('scope', '=', keepKey!.scope), eb('key', '=', keepKey!.key)]))))
      .execute()
    await trx.deleteFrom('staff_sites').where('user_id', '=', userId).execute()
    await trx
      .updateTable('users')
      .set({ phone: null, wechat_openid: null, subject_id: null, persona: null, roles: sql<string[]>`'{}'::text[]`, org_name: null, deleted_at: now })
      .where('id', '=', userId)
      .execute()
    // the account's access tokens stop on every instance once this commits
    await tokensRevoked(trx)
    return { deletedAt: now.toISOString(), removed }
  })
}
