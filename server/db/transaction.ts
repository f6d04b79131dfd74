// Use cases take `db | trx`: Kysely cannot nest transactions, so a use case called inside the
// caller's unit of work (see http/idempotency.ts `inUnitOfWork`) joins it instead of opening its own.
import type { Kysely, Transaction } from 'kysely'
import type { Database } from './schema'

type Db = Kysely<Database>

/** Runs `fn` in the caller's transaction, or in a new one when given the plain database. */
export function inTransaction<T>(db: Db, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  // `isTransaction` is true only for a Transaction instance: the cast states what the check proved.
  return db.isTransaction ? fn(db as Transaction<Database>) : db.transaction().execute(fn)
}
