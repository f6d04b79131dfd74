// /api/me: the caller's masked profile, real-name binding, access log, data export and deletion.
// Requests and answers: src/contract/auth.ts (profile, real name), account.ts, credit.ts (access log).
import type { FastifyInstance } from 'fastify'
import { DeletionBody, DeletionResult, PersonalData } from '../../../src/contract/account'
import { Profile, RealNameBody } from '../../../src/contract/auth'
import { AccessLogPage, AccessLogQuery } from '../../../src/contract/credit'
import { validateIdNumber } from '../../../src/domain/id-number'
import { deleteAccount } from '../../account/deletion'
import { exportPersonalData } from '../../account/export'
import { loadProfile } from '../../auth/profile'
import { forgetRevokedHere } from '../../auth/revoked-tokens'
import { bindRealName, boundIdentity } from '../../auth/real-name'
import { listAccess } from '../../credit/access-log'
import { actingSubject, forgetOwnSubject, requireAuth } from '../../http/auth'
import type { AppContext } from '../../context'
import { onContract } from '../../http/contract'
import { AppError } from '../../http/errors'
import { inUnitOfWork } from '../../http/idempotency'
import { parse } from '../../http/validate'

export default async function meRoutes(app: FastifyInstance, ctx: AppContext) {
  const { db } = ctx
  const r = onContract(app, ctx)
  r.addHook('onRequest', requireAuth(ctx.config.jwtSecret))

  r.get('/api/me', { schema: { response: { 200: Profile } } }, async (request) => loadProfile(db, request.user!.id))

  r.get('/api/me/access-log', { schema: { querystring: AccessLogQuery, response: { 200: AccessLogPage } } }, async (request) => {
    const subject = await actingSubject(db, request)
    return listAccess(db, subject.id, request.query.cursor)
  })

  // 个人信息副本 (PIPL Art. 45): the caller's own data as a JSON download.
  r.get('/api/me/export', { schema: { response: { 200: PersonalData } } }, async (request, reply) => {
    const data = await exportPersonalData(db, request.user!.id, ctx.now())
    void reply.header('content-disposition', 'attachment; filename="creditpass-personal-data.json"')
    return data
  })

  // 注销账号 (PIPL Art. 47): the user confirms by sending 注销; the app then forgets its local data.
  r.post('/api/me/deletion', { config: { unitOfWork: true }, schema: { response: { 200: DeletionResult } } }, async (request, reply) => {
    parse(DeletionBody, request.body)
    const userId = request.user!.id
    const keepKey = request.idempotency && { scope: request.idempotency.scope, key: request.idempotency.key }
    await inUnitOfWork(request, reply, db, async (trx) => ({ status: 200, body: (await deleteAccount(trx, userId, ctx.now(), keepKey)) satisfies DeletionResult }))
    // The account's access tokens stop from now on (the auth hook reads users.deleted_at).
    forgetOwnSubject(userId)
    forgetRevokedHere()
    return reply
  })

  r.post('/api/me/real-name', { config: { unitOfWork: true }, schema: { response: { 200: Profile } } }, async (request, reply) => {
    const body = parse(RealNameBody, request.body)
    const id = validateIdNumber(body.idNumber)
    if (!id.ok) throw new AppError(400, 'INVALID_ID_NUMBER', id.message)
    const userId = request.user!.id
    const bound = await boundIdentity(db, userId)
    if (bound) {
      if (bound.identifier === id.value.value && bound.name === body.name) return loadProfile(db, userId)
      throw new AppError(409, 'ALREADY_VERIFIED', '该账号已完成实名认证，不能更换身份')
    }
    if (!(await ctx.identity.verify(body.name, id.value.value))) {
      throw new AppError(400, 'IDENTITY_MISMATCH', '姓名与身份证号码不一致，请核对后重新输入')
    }
    return inUnitOfWork(request, reply, db, async (trx) => {
      await bindRealName(trx, userId, body.name, id.value.value)
      return { status: 200, body: await loadProfile(trx, userId) }
    })
  })
}
