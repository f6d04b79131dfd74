// /api/officer/*: department officers' decisions (role 'officer').
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { AppContext } from '../../context'
import { conclude } from '../../commitments/commitments'
import { requireAuth, requireRole } from '../../http/auth'
import { inUnitOfWork } from '../../http/idempotency'
import { parse, text } from '../../http/validate'

export default async function officerRoutes(app: FastifyInstance, ctx: AppContext) {
  const { db } = ctx
  app.addHook('onRequest', requireAuth(ctx.config.jwtSecret))
  app.addHook('preHandler', requireRole('officer'))

  app.post('/api/officer/commitments/:id/decision', { config: { unitOfWork: true } }, async (request, reply) => {
    const body = parse(
      z.object({
        outcome: z.enum(['已履约', '违诺'], { error: '请选择认定结果：已履约或违诺' }),
        reason: text('认定理由', 500),
      }),
      request.body,
    )
    const officer = await db.selectFrom('users').select(['id', 'org_name']).where('id', '=', request.user!.id).executeTakeFirstOrThrow()
    const id = (request.params as { id: string }).id
    return inUnitOfWork(request, reply, db, async (trx) => {
      const decided = await conclude(trx, { id, outcome: body.outcome, reason: body.reason, officer: { id: officer.id, orgName: officer.org_name } })
      // Every decision is on record with who decided it and for which department.
      request.log.info({ decision: { commitmentId: id, outcome: decided.status, recordId: decided.recordId, officerId: officer.id, department: officer.org_name } }, '信用承诺认定')
      return { status: 200, body: decided }
    })
  })
}
