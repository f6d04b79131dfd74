// /api/incentives, /api/vouchers, /api/grants, /api/me/authorizations, /api/me/counter-passes:
// 守信激励 for the caller. Requests and answers: src/contract/incentives.ts.
import type { FastifyInstance } from 'fastify'
import {
  Authorization, AuthorizationBody, AuthorizationList, AuthorizationParams, Catalog, CatalogQuery, ClaimResult, CounterPass, GrantList, Incentive, IncentiveParams,
  PassParams, Voucher, VoucherClaimBody, VoucherList, VoucherParams, VouchersQuery,
} from '../../../src/contract/incentives'
import { chinaDate } from '../../../src/domain/dates'
import type { AppContext } from '../../context'
import { actingSubject, requireAuth } from '../../http/auth'
import { onContract } from '../../http/contract'
import { AppError } from '../../http/errors'
import { inUnitOfWork } from '../../http/idempotency'
import { parse } from '../../http/validate'
import { catalogFor, claimable, incentiveFor, loadIncentive } from '../../incentives/catalog'
import { ownPass } from '../../incentives/counter-passes'
import { authorize, claimGrant, listAuthorizations, listGrants, revokeAuthorization } from '../../incentives/grants'
import { cancelVoucher, claimVoucher, listVouchers, ownerVoucher } from '../../incentives/vouchers'

export default async function incentiveRoutes(app: FastifyInstance, ctx: AppContext) {
  const { db, config } = ctx
  const r = onContract(app, ctx)
  r.addHook('onRequest', requireAuth(config.jwtSecret))
  const write = { config: { unitOfWork: true } }

  r.get('/api/incentives', { schema: { querystring: CatalogQuery, response: { 200: Catalog } } }, async (request) => {
    const subject = await actingSubject(db, request)
    return catalogFor(db, subject, request.query.category, chinaDate(ctx.now()))
  })

  r.get('/api/incentives/:id', { schema: { params: IncentiveParams, response: { 200: Incentive } } }, async (request) => {
    const subject = await actingSubject(db, request)
    return incentiveFor(db, subject, request.params.id, chinaDate(ctx.now()))
  })

  r.post('/api/incentives/:id/claims', { ...write, schema: { response: { 201: ClaimResult } } }, async (request, reply) => {
    const subject = await actingSubject(db, request)
    const now = ctx.now()
    const today = chinaDate(now)
    const incentive = await claimable(db, subject, parse(IncentiveParams, request.params).id, today)
    if (incentive.claim_kind === 'voucher') {
      const body = parse(VoucherClaimBody, request.body)
      return inUnitOfWork(request, reply, db, async (trx) => {
        const voucher = await claimVoucher(trx, config.jwtSecret, { subjectId: subject.id, incentive, benefit: body.benefit, visitDate: body.visitDate, today, now })
        return { status: 201, body: { kind: 'voucher', voucher: ownerVoucher(voucher, config.jwtSecret, now) } satisfies ClaimResult }
      })
    }
    if (incentive.claim_kind === 'grant') {
      return inUnitOfWork(request, reply, db, async (trx) => ({ status: 201, body: { kind: 'grant', grant: await claimGrant(trx, config.jwtSecret, subject.id, incentive.id, today) } satisfies ClaimResult }))
    }
    throw new AppError(400, 'NOT_CLAIMABLE', incentive.how_to_use ? `该项目无需在线领取：${incentive.how_to_use}` : '该项目无需在线领取')
  })

  // 信易阅 / 信易医 / 绿色通道: the code to show at the counter, changing every 30 s.
  // `:kind` is read after the subject: an agent of an enterprise it is not bound to gets 404 for any kind.
  r.get('/api/me/counter-passes/:kind', { schema: { response: { 200: CounterPass } } }, async (request) => {
    const subject = await actingSubject(db, request)
    const { kind } = parse(PassParams, request.params)
    const now = ctx.now()
    return ownPass(db, config.jwtSecret, { subject, kind, today: chinaDate(now), now })
  })

  r.get('/api/vouchers', { schema: { querystring: VouchersQuery, response: { 200: VoucherList } } }, async (request) => {
    const subject = await actingSubject(db, request)
    const now = ctx.now()
    const list = await listVouchers(db, subject.id, chinaDate(now), request.query.status ?? 'available')
    return { ...list, items: list.items.map((v) => ownerVoucher(v, config.jwtSecret, now)) }
  })

  r.post('/api/vouchers/:id/cancel', { ...write, schema: { response: { 200: Voucher } } }, async (request, reply) => {
    const subject = await actingSubject(db, request)
    const { id } = parse(VoucherParams, request.params)
    const now = ctx.now()
    return inUnitOfWork(request, reply, db, async (trx) => ({
      status: 200,
      body: ownerVoucher(await cancelVoucher(trx, subject.id, id, chinaDate(now)), config.jwtSecret, now) satisfies Voucher,
    }))
  })

  r.get('/api/grants', { schema: { response: { 200: GrantList } } }, async (request) => listGrants(db, (await actingSubject(db, request)).id, chinaDate(ctx.now())))

  r.get('/api/me/authorizations', { schema: { response: { 200: AuthorizationList } } }, async (request) => listAuthorizations(db, (await actingSubject(db, request)).id))

  r.post('/api/me/authorizations', { ...write, schema: { response: { 201: Authorization } } }, async (request, reply) => {
    const subject = await actingSubject(db, request)
    const body = parse(AuthorizationBody, request.body)
    await loadIncentive(db, body.incentiveId)
    return inUnitOfWork(request, reply, db, async (trx) => ({ status: 201, body: (await authorize(trx, subject.id, body.incentiveId, body.days)) satisfies Authorization }))
  })

  r.post('/api/me/authorizations/:id/revoke', { ...write, schema: { response: { 200: Authorization } } }, async (request, reply) => {
    const subject = await actingSubject(db, request)
    const { id } = parse(AuthorizationParams, request.params)
    return inUnitOfWork(request, reply, db, async (trx) => ({ status: 200, body: (await revokeAuthorization(trx, subject.id, id)) satisfies Authorization }))
  })
}
