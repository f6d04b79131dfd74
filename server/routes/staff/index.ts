// Partner staff: scenic-spot verifiers redeem 信易游 vouchers; rental partners check 信易租 grants.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { chinaDate } from '../../../src/domain/dates'
import type { AppContext } from '../../context'
import { requireAuth, requireRole } from '../../http/auth'
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

  app.post('/api/staff/vouchers/verify', { preHandler: requireRole('verifier') }, async (request) => {
    const body = parse(z.object({ code: text('卡券码', 40) }), request.body)
    const { user, siteIds } = await staffOf(request)
    return verifyVoucher(db, config.jwtSecret, { code: body.code, staff: { id: user.id, orgName: user.org_name }, siteIds, today: chinaDate(ctx.now()), now: ctx.now() })
  })

  // Library, hospital and 信用办 counters check a 信易阅 / 信易医 / 绿色通道 code (the kinds their site serves).
  // Refused before the body is read: a caller without a counter role learns nothing from validation.
  app.post('/api/staff/counter-passes/check', { preHandler: requireRole('counter', 'officer') }, async (request) => {
    const body = parse(z.object({ code: text('核验码', 40) }), request.body)
    const { user } = await staffOf(request)
    const now = ctx.now()
    return checkPass(db, config.jwtSecret, { code: body.code, staff: { id: user.id, roles: request.user!.roles, orgName: user.org_name }, today: chinaDate(now), now })
  })

  app.post('/api/partner/grants/check', { preHandler: requireRole('rental_partner') }, async (request) => {
    const body = parse(z.object({ code: text('免押资格码', 40) }), request.body)
    const { user, siteIds } = await staffOf(request)
    return checkGrant(db, config.jwtSecret, { code: body.code, siteIds, partnerName: user.org_name ?? '合作机构', today: chinaDate(ctx.now()) })
  })
}
