// GET /api/health: liveness plus the database engine, its server version and the migration version.
import type { FastifyInstance } from 'fastify'
import { Health } from '../../src/contract/auth'
import type { AppContext } from '../context'
import { health } from '../db/health'
import { onContract } from '../http/contract'

export default async function healthRoutes(app: FastifyInstance, ctx: AppContext) {
  onContract(app, ctx).get('/api/health', { schema: { response: { 200: Health } } }, async () => health(ctx.db, ctx))
}
