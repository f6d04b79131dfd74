// GET /api/health: liveness plus the database kind and migration version.
import type { FastifyInstance } from 'fastify'
import { currentVersion } from '../db/migrate'
import type { AppContext } from '../context'

export default async function healthRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/health', async () => {
    const migration = await currentVersion(ctx.db)
    return { status: 'ok', database: ctx.dbKind, migration, sandbox: ctx.config.sandbox }
  })
}
