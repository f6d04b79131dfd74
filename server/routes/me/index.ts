// /api/me: the caller's masked profile and real-name binding.
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { validateIdNumber } from '../../../src/domain/id-number'
import { deleteAccount } from '../../account/deletion'
import { exportPersonalData } from '../../account/export'
import { loadProfile } from '../../auth/profile'
import { bindRealName } from '../../auth/real-name'
import { listAccess } from '../../credit/access-log'
import { actingSubject, forgetOwnSubject, requireAuth } from '../../http/auth'
import type { AppContext } from '../../context'
import { AppError } from '../../http/errors'
import { inUnitOfWork } from '../../http/idempotency'
import { parse } from '../../http/validate'

const realNameBody = z.object({
  name: z
    .string({ error: (i) => (i.input === undefined ? '请填写姓名' : '姓名格式不正确') })
    .trim()
    .regex(/^[\u4e00-\u9fa5·]{2,20}$/, { error: '请填写身份证上的中文姓名（2–20 个汉字）' }),
  idNumber: z.unknown().optional(),
})

export default async function meRoutes(app: FastifyInstance, ctx: AppContext) {
  const { db } = ctx
  app.addHook('onRequest', requireAuth(ctx.config.jwtSecret))

  app.get('/api/me', async (request) => loadProfile(db, request.user!.id))

  app.get('/api/me/access-log', async (request) => {
    const subject = await actingSubject(db, request)
    const q = parse(z.object({ cursor: z.string().max(300, { error: '分页参数无效，请刷新列表' }).optional() }), request.query)
    return listAccess(db, subject.id, q.cursor)
  })

  // 个人信息副本 (PIPL Art. 45): the caller's own data as a JSON download.
  app.get('/api/me/export', async (request, reply) => {
    const data = await exportPersonalData(db, request.user!.id, ctx.now())
    void reply.header('content-disposition', 'attachment; filename="creditpass-personal-data.json"')
    return data
  })

  // 注销账号 (PIPL Art. 47): the user confirms by sending 注销; the app then forgets its local data.
  app.post('/api/me/deletion', { config: { unitOfWork: true } }, async (request, reply) => {
    parse(z.object({ confirm: z.literal('注销', { error: '请输入“注销”确认注销账号' }) }), request.body)
    const userId = request.user!.id
    const keepKey = request.idempotency && { scope: request.idempotency.scope, key: request.idempotency.key }
    await inUnitOfWork(request, reply, db, async (trx) => ({ status: 200, body: await deleteAccount(trx, userId, ctx.now(), keepKey) }))
    // The account's access tokens stop from now on (the auth hook reads users.deleted_at).
    forgetOwnSubject(userId)
    return reply
  })

  app.post('/api/me/real-name', { config: { unitOfWork: true } }, async (request, reply) => {
    const body = parse(realNameBody, request.body)
    const id = validateIdNumber(body.idNumber)
    if (!id.ok) throw new AppError(400, 'INVALID_ID_NUMBER', id.message)
    const userId = request.user!.id
    const user = await db.selectFrom('users').select(['subject_id']).where('id', '=', userId).executeTakeFirstOrThrow()
    if (user.subject_id) {
      const own = await db.selectFrom('subjects').select(['name', 'identifier']).where('id', '=', user.subject_id).executeTakeFirstOrThrow()
      if (own.identifier === id.value.value && own.name === body.name) return loadProfile(db, userId)
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
