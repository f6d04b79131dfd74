// Real-name binding: an account gets its person subject once, and one ID number belongs to one
// account. Check and bind happen in one transaction that holds the subject's and the user's rows.
import crypto from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { inTransaction } from '../db/transaction'
import { AppError } from '../errors'

const mismatch = () => new AppError(400, 'IDENTITY_MISMATCH', '姓名与身份证号码不一致，请核对后重新输入')
const bound = () => new AppError(409, 'ID_NUMBER_BOUND', '该身份证号码已绑定其他账号；如非本人操作，请联系客服')
const alreadyVerified = () => new AppError(409, 'ALREADY_VERIFIED', '该账号已完成实名认证，不能更换身份')

/** Binds `idNumber` (already checked with the identity service) to the account, in the caller's transaction or its own. */
export async function bindRealName(db: Kysely<Database>, userId: string, name: string, idNumber: string): Promise<void> {
  await inTransaction(db, async (trx) => {
    // Concurrent first bindings of one ID number: one insert wins, the others wait for it and skip.
    await trx
      .insertInto('subjects')
      .values({ id: crypto.randomUUID(), name, kind: 'person', identifier: idNumber })
      .onConflict((oc) => oc.column('identifier').doNothing())
      .execute()
    // Lock the subject: of several accounts binding it, the next one in sees the first one's binding.
    const subject = await trx.selectFrom('subjects').select(['id', 'name', 'kind']).where('identifier', '=', idNumber).forUpdate().executeTakeFirstOrThrow()
    if (subject.kind !== 'person' || subject.name !== name) throw mismatch()
    const taken = await trx.selectFrom('users').select('id').where('subject_id', '=', subject.id).executeTakeFirst()
    if (taken) {
      if (taken.id === userId) return
      throw bound()
    }
    // Conditional on the account still being unbound: two different ID numbers sent by one
    // account at once bind at most one (the second waits on the user row, then matches nothing).
    const done = await trx.updateTable('users').set({ subject_id: subject.id }).where('id', '=', userId).where('subject_id', 'is', null).returning('id').executeTakeFirst()
    if (!done) throw alreadyVerified()
  })
}

/** The identity the account is already bound to (name and full ID number, for comparison only), or null. */
export async function boundIdentity(db: Kysely<Database>, userId: string): Promise<{ name: string; identifier: string } | null> {
  const row = await db
    .selectFrom('users as u')
    .leftJoin('subjects as s', 's.id', 'u.subject_id')
    .select(['u.subject_id', 's.name', 's.identifier'])
    .where('u.id', '=', userId)
    .executeTakeFirstOrThrow()
  return row.subject_id && row.name && row.identifier ? { name: row.name, identifier: row.identifier } : null
}
