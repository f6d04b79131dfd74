// GET /api/health: liveness plus the database engine ('embedded' | 'postgresql'), its server version
// and the migration version.
import type { FastifyInstance } from 'fastify'
import type { Health } from '../../src/contract/auth'
import { sql } from 'kysely'
import { currentVersion } from '../db/migrate'
import type { AppContext } from '../context'

export default async function healthRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/health', async (): Promise<Health> => {
    const migration = await currentVersion(ctx.db)
    const { rows } = await sql<{ version: string }>`select current_setting('server_version') as version`.execute(ctx.db)
    return { status: 'ok' as const, database: ctx.dbKind, databaseVersion: rows[0].version, migration, sandbox: ctx.config.sandbox }
  })
}
