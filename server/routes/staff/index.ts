// Partner staff: scenic-spot verifiers redeem 信易游 vouchers; rental partners check 信易租 grants.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { chinaDate } from '../../../src/domain/dates'
import type { AppContext } from '../../context'
import { requireAuth, requireRole } from '../../http/auth'
import { inUnitOfWork } from '../../http/idempotency'
import { parse, text } from '../../http/validate'
import { checkPass } from '../../incentives/counter-passes'
import { checkGrant } from '../../incentives/grants'
import { verifyVoucher } from '../../incentives/vouchers'

export default async function staffRoutes(app: FastifyInstance, ctx: AppContext) {
  const { db, config } = ctx
  app.addHook('onRequest', requireAuth(config.jwtSecret))

  async function staffOf(request: FastifyRequest) {
    const user = await db.selectFrom('users').select(['id', 'org_name']).where('id', '=', request.user!.id).executeTakeFirstOrThrow()
    const sites = await db.selectFrom('staff_sites').select('incentive_id').where('user_id', '=', user.id).execute()
    return { user, siteIds: sites.map((s) => s.incentive_id) }
  }

  const write = { config: { unitOfWork: true } }

  app.post('/api/staff/vouchers/verify', { ...write, preHandler: requireRole('verifier') }, async (request, reply) => {
    const body = parse(z.object({ code: text('卡券码', 40) }), request.body)
    const { user, siteIds } = await staffOf(request)
    const now = ctx.now()
    const input = { code: body.code, staff: { id: user.id, orgName: user.org_name }, siteIds, today: chinaDate(now), now }
    return inUnitOfWork(request, reply, db, async (trx) => ({ status: 200, body: await verifyVoucher(trx, config.jwtSecret, input) }))
  })

  // Library, hospital and 信用办 counters check a 信易阅 / 信易医 / 绿色通道 code (the kinds their site serves).
  app.post('/api/staff/counter-passes/check', write, async (request, reply) => {
    const body = parse(z.object({ code: text('核验码', 40) }), request.body)
    const { user } = await staffOf(request)
    const now = ctx.now()
    const input = { code: body.code, staff: { id: user.id, roles: request.user!.roles, orgName: user.org_name }, today: chinaDate(now), now }
    return inUnitOfWork(request, reply, db, async (trx) => ({ status: 200, body: await checkPass(trx, config.jwtSecret, input) }))
  })

  app.post('/api/partner/grants/check', { ...write, preHandler: requireRole('rental_partner') }, async (request, reply) => {
    const body = parse(z.object({ code: text('免押资格码', 40) }), request.body)
    const { user, siteIds } = await staffOf(request)
    const input = { code: body.code, siteIds, partnerName: user.org_name ?? '合作机构', today: chinaDate(ctx.now()) }
    return inUnitOfWork(request, reply, db, async (trx) => ({ status: 200, body: await checkGrant(trx, config.jwtSecret, input) }))
  })
}
