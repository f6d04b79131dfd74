// /api/incentives, /api/vouchers, /api/grants, /api/me/authorizations: 守信激励 for the caller.
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { AUTHORIZATION_MAX_DAYS } from '../../../src/domain/policy'
import { checkEligibility, greenChannel, summarizeEligibility } from '../../../src/domain/eligibility'
import { chinaDate } from '../../../src/domain/dates'
import type { AppContext } from '../../context'
import { creditStanding } from '../../credit/records'
import { actingSubject, requireAuth } from '../../http/auth'
import { AppError } from '../../http/errors'
import { inUnitOfWork } from '../../http/idempotency'
import { parse, text } from '../../http/validate'
import { CATEGORY_NAMES, loadIncentive, ruleOf, toApi } from '../../incentives/catalog'
import { ownPass, PASS_KINDS } from '../../incentives/counter-passes'
import { authorize, claimGrant, listAuthorizations, listGrants, revokeAuthorization } from '../../incentives/grants'
import { cancelVoucher, claimVoucher, listVouchers, ownerVoucher } from '../../incentives/vouchers'

const categories = Object.keys(CATEGORY_NAMES) as [keyof typeof CATEGORY_NAMES, ...(keyof typeof CATEGORY_NAMES)[]]
const ymd = z.string({ error: '请选择游览日期' }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: '游览日期格式应为 YYYY-MM-DD' })
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), { error: '游览日期不存在' })

export default async function incentiveRoutes(app: FastifyInstance, ctx: AppContext) {
  const { db, config } = ctx
  app.addHook('onRequest', requireAuth(config.jwtSecret))

  app.get('/api/incentives', async (request) => {
    const subject = await actingSubject(db, request)
    const q = parse(z.object({ category: z.enum(categories, { error: '激励类别不正确' }).optional() }), request.query)
    const today = chinaDate(ctx.now())
    const credit = await creditStanding(db, subject.id, today)
    const standing = { ...credit.standing, subjectKind: subject.kind }
    // The badge counts every item, whichever category tab is open.
    const all = await db.selectFrom('incentives').selectAll().orderBy('sort').execute()
    const rows = q.category ? all.filter((r) => r.category === q.category) : all
    const negatives = await db.selectFrom('credit_records').select(['decision_date', 'status']).where('subject_id', '=', subject.id).where('polarity', '=', 'negative').execute()
    return {
      standing: {
        score: credit.result.score, level: credit.result.level, redList: credit.redList, blackList: credit.blackList,
        incentives: summarizeEligibility(all.map(ruleOf), standing),
      },
      greenChannel: greenChannel(credit.standing, negatives.map((n) => ({ decisionDate: n.decision_date, status: n.status })), today),
      items: rows.map((r) => toApi(r, standing)),
    }
  })

  app.get('/api/incentives/:id', async (request) => {
    const subject = await actingSubject(db, request)
    const row = await loadIncentive(db, (request.params as { id: string }).id)
    const { standing } = await creditStanding(db, subject.id, chinaDate(ctx.now()))
    return toApi(row, { ...standing, subjectKind: subject.kind })
  })

  app.post('/api/incentives/:id/claims', { config: { unitOfWork: true } }, async (request, reply) => {
    const subject = await actingSubject(db, request)
    const incentive = await loadIncentive(db, (request.params as { id: string }).id)
    const now = ctx.now()
    const today = chinaDate(now)
    const { standing } = await creditStanding(db, subject.id, today)
    const eligibility = checkEligibility(ruleOf(incentive), { ...standing, subjectKind: subject.kind })
    if (incentive.audience !== subject.kind) throw new AppError(400, 'PERSON_ONLY', `${eligibility.reasons[0]}后领取`)
    if (!eligibility.eligible) throw new AppError(403, 'NOT_ELIGIBLE', `暂不符合领取条件：${eligibility.reasons.join('；')}`)
    if (incentive.claim_kind === 'voucher') {
      const body = parse(z.object({ visitDate: ymd, benefit: text('优惠项目', 40) }), request.body)
      return inUnitOfWork(request, reply, db, async (trx) => {
        const voucher = await claimVoucher(trx, config.jwtSecret, { subjectId: subject.id, incentive, benefit: body.benefit, visitDate: body.visitDate, today, now })
        return { status: 201, body: { kind: 'voucher', voucher: ownerVoucher(voucher, config.jwtSecret, now) } }
      })
    }
    if (incentive.claim_kind === 'grant') {
      return inUnitOfWork(request, reply, db, async (trx) => ({ status: 201, body: { kind: 'grant', grant: await claimGrant(trx, config.jwtSecret, subject.id, incentive.id, today) } }))
    }
    throw new AppError(400, 'NOT_CLAIMABLE', incentive.how_to_use ? `该项目无需在线领取：${incentive.how_to_use}` : '该项目无需在线领取')
  })

  // 信易阅 / 信易医 / 绿色通道: the code to show at the counter, changing every 30 s.
  app.get('/api/me/counter-passes/:kind', async (request) => {
    const subject = await actingSubject(db, request)
    const { kind } = parse(z.object({ kind: z.enum(PASS_KINDS, { error: '没有这种核验码' }) }), request.params)
    const now = ctx.now()
    return ownPass(db, config.jwtSecret, { subject, kind, today: chinaDate(now), now })
  })

  app.get('/api/vouchers', async (request) => {
    const subject = await actingSubject(db, request)
    const q = parse(z.object({ status: z.enum(['available', 'history'], { error: '卡券状态不正确' }).optional() }), request.query)
    const now = ctx.now()
    const list = await listVouchers(db, subject.id, chinaDate(now), q.status ?? 'available')
    return { ...list, items: list.items.map((v) => ownerVoucher(v, config.jwtSecret, now)) }
  })

  app.post('/api/vouchers/:id/cancel', { config: { unitOfWork: true } }, async (request, reply) => {
    const subject = await actingSubject(db, request)
    const now = ctx.now()
    return inUnitOfWork(request, reply, db, async (trx) => ({
      status: 200,
      body: ownerVoucher(await cancelVoucher(trx, subject.id, (request.params as { id: string }).id, chinaDate(now)), config.jwtSecret, now),
    }))
  })

  app.get('/api/grants', async (request) => {
    const subject = await actingSubject(db, request)
    return listGrants(db, subject.id, chinaDate(ctx.now()))
  })

  app.get('/api/me/authorizations', async (request) => {
    const subject = await actingSubject(db, request)
    return listAuthorizations(db, subject.id)
  })

  app.post('/api/me/authorizations', { config: { unitOfWork: true } }, async (request, reply) => {
    const subject = await actingSubject(db, request)
    const body = parse(
      z.object({
        incentiveId: text('授权项目', 64),
        days: z.number({ error: '请选择授权期限' }).int({ error: '授权期限应为整数天' }).min(1, { error: '授权期限至少 1 天' }).max(AUTHORIZATION_MAX_DAYS, { error: `授权期限最长 ${AUTHORIZATION_MAX_DAYS} 天` }),
      }),
      request.body,
    )
    await loadIncentive(db, body.incentiveId)
    return inUnitOfWork(request, reply, db, async (trx) => ({ status: 201, body: await authorize(trx, subject.id, body.incentiveId, body.days) }))
  })

  app.post('/api/me/authorizations/:id/revoke', { config: { unitOfWork: true } }, async (request, reply) => {
    const subject = await actingSubject(db, request)
    return inUnitOfWork(request, reply, db, async (trx) => ({ status: 200, body: await revokeAuthorization(trx, subject.id, (request.params as { id: string }).id) }))
  })
}
