// Use cases take `db | trx`: Kysely cannot nest transactions, so a use case called inside the
// caller's unit of work (see http/idempotency.ts `inUnitOfWork`) joins it instead of opening its own.
import type { Kysely } from 'kysely'
import type { Database } from './schema'

type Db = Kysely<Database>

/** Runs `fn` in the caller's transaction, or in a new one when given the plain database. */
export function inTransaction<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn)
}
