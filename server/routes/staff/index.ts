// Partner staff: scenic-spot verifiers redeem 信易游 vouchers; counters check 信易阅 / 信易医 /
// 绿色通道 codes; rental partners check 信易租 grants. Requests and answers: src/contract/incentives.ts.
import type { FastifyInstance } from 'fastify'
import type { z } from 'zod'
import { GrantCheck, GrantCheckBody, PassCheck, PassCheckBody, VerifiedVoucher, VoucherCheckBody } from '../../../src/contract/incentives'
import { chinaDate } from '../../../src/domain/dates'
import { staffMember } from '../../auth/staff'
import type { AppContext } from '../../context'
import { requireAuth, requireRole } from '../../http/auth'
import { onContract } from '../../http/contract'
import { inUnitOfWork } from '../../http/idempotency'
import { parse } from '../../http/validate'
import { checkPass } from '../../incentives/counter-passes'
import { checkGrant } from '../../incentives/grants'
import { verifyVoucher } from '../../incentives/vouchers'

export default async function staffRoutes(app: FastifyInstance, ctx: AppContext) {
  const { db, config } = ctx
  const r = onContract(app, ctx)
  r.addHook('onRequest', requireAuth(config.jwtSecret))
  // Each role is checked on request: a caller without it learns nothing from validation.
  const write = <T extends z.ZodType>(answer: T, ...roles: string[]) => ({
    onRequest: requireRole(...roles),
    config: { unitOfWork: true },
    schema: { response: { 200: answer } },
  })

  r.post('/api/staff/vouchers/verify', write(VerifiedVoucher, 'verifier'), async (request, reply) => {
    const body = parse(VoucherCheckBody, request.body)
    const staff = await staffMember(db, request.user!.id)
    const now = ctx.now()
    const input = { code: body.code, staff: { id: staff.id, orgName: staff.orgName }, siteIds: staff.siteIds, today: chinaDate(now), now }
    return inUnitOfWork(request, reply, db, async (trx) => ({ status: 200, body: (await verifyVoucher(trx, config.jwtSecret, input)) satisfies VerifiedVoucher }))
  })

  // Library, hospital and 信用办 counters check a code of the kinds their site serves.
  r.post('/api/staff/counter-passes/check', write(PassCheck, 'counter', 'officer'), async (request, reply) => {
    const body = parse(PassCheckBody, request.body)
    const staff = await staffMember(db, request.user!.id)
    const now = ctx.now()
    const input = { code: body.code, staff: { id: staff.id, roles: request.user!.roles, orgName: staff.orgName }, today: chinaDate(now), now }
    return inUnitOfWork(request, reply, db, async (trx) => ({ status: 200, body: (await checkPass(trx, config.jwtSecret, input)) satisfies PassCheck }))
  })

  r.post('/api/partner/grants/check', write(GrantCheck, 'rental_partner'), async (request, reply) => {
    const body = parse(GrantCheckBody, request.body)
    const staff = await staffMember(db, request.user!.id)
    const input = { code: body.code, siteIds: staff.siteIds, partnerName: staff.orgName ?? '合作机构', today: chinaDate(ctx.now()) }
    return inUnitOfWork(request, reply, db, async (trx) => ({ status: 200, body: (await checkGrant(trx, config.jwtSecret, input)) satisfies GrantCheck }))
  })
}
