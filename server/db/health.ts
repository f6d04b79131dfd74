// What /api/health reports: the database engine ('embedded' | 'postgresql'), its server version and
// the migration version. Reading them also proves the database answers.
import { sql, type Kysely } from 'kysely'
import type { Health } from '../../src/contract/auth'
import type { AppContext } from '../context'
import { currentVersion } from './migrate'
import type { Database } from './schema'

export async function health(db: Kysely<Database>, ctx: Pick<AppContext, 'dbKind' | 'config'>): Promise<Health> {
  const migration = await currentVersion(db)
  const { rows } = await sql<{ version: string }>`select current_setting('server_version') as version`.execute(db)
  return { status: 'ok', database: ctx.dbKind, databaseVersion: rows[0].version, migration, sandbox: ctx.config.sandbox }
}
