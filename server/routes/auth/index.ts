// /api/auth/*: sandbox personas, SMS and WeChat login, refresh-token rotation, logout.
import crypto from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { personaSummaries } from '../../../mock/personas'
import { maskName } from '../../../src/domain/mask'
import { AUTH_REQUESTS_PER_IP_PER_MINUTE, SMS_CODE_LENGTH } from '../../../src/domain/policy'
import { loadProfile } from '../../auth/profile'
import { revokeAccessToken } from '../../auth/revoked-tokens'
import { endSession, rotateSession, startSession } from '../../auth/sessions'
import { consumeLoginCode, createLoginCode } from '../../auth/sms-codes'
import type { AppContext } from '../../context'
import { AppError, loggable, notFound } from '../../http/errors'
import { requireAuth } from '../../http/auth'
import { rateLimited } from '../../http/rate-limit'
import { parse, text } from '../../http/validate'

const phone = z
  .string({ error: (i) => (i.input === undefined ? '请填写手机号' : '手机号格式不正确') })
  .trim()
  .regex(/^1[3-9]\d{9}$/, { error: '请输入正确的 11 位手机号' })
const smsCode = z
  .string({ error: (i) => (i.input === undefined ? '请填写验证码' : '验证码格式不正确') })
  .trim()
  .regex(new RegExp(`^\\d{${SMS_CODE_LENGTH}}$`), { error: `请输入 ${SMS_CODE_LENGTH} 位数字验证码` })
const refreshBody = z.object({ refreshToken: text('refreshToken', 200) })

export default async function authRoutes(app: FastifyInstance, ctx: AppContext) {
  const { db, config } = ctx
  // Sign-in is anonymous: a per-address budget on top of the per-code and per-phone limits.
  app.addHook('onRequest', rateLimited(db, { bucket: 'auth', limit: AUTH_REQUESTS_PER_IP_PER_MINUTE, windowSeconds: 60 }))

  async function loginResponse(user: { id: string; roles: string[] }) {
    const session = await startSession(db, config.jwtSecret, user)
    return { ...session, user: await loadProfile(db, user.id) }
  }

  async function findOrCreateUser(column: 'phone' | 'wechat_openid', value: string) {
    await db
      .insertInto('users')
      .values({ id: crypto.randomUUID(), [column]: value } as never)
      .onConflict((oc) => oc.column(column).doNothing())
      .execute()
    return db.selectFrom('users').select(['id', 'roles']).where(column, '=', value).executeTakeFirstOrThrow()
  }

  const sandboxOnly = async () => {
    if (!config.sandbox) throw notFound('接口')
  }

  app.get('/api/auth/sandbox/personas', { onRequest: sandboxOnly }, async () => {
    const rows = await db
      .selectFrom('users as u')
      .leftJoin('subjects as s', 's.id', 'u.subject_id')
      .select(['u.persona', 'u.roles', 'u.org_name', 's.name'])
      .where('u.persona', 'is not', null)
      .orderBy('u.persona')
      .execute()
    return rows.map((r) => ({
      id: r.persona!,
      name: r.name ? maskName(r.name) : r.org_name ?? '',
      roles: r.roles,
      summary: personaSummaries[r.persona!] ?? '',
    }))
  })

  app.post('/api/auth/sandbox/login', { onRequest: sandboxOnly }, async (request) => {
    const { persona } = parse(z.object({ persona: text('演示身份', 64) }), request.body)
    const user = await db.selectFrom('users').select(['id', 'roles']).where('persona', '=', persona).executeTakeFirst()
    if (!user) throw notFound('演示身份')
    return loginResponse(user)
  })

  app.post('/api/auth/sms/send', async (request) => {
    const body = parse(z.object({ phone }), request.body)
    const code = await createLoginCode(db, body.phone, request.ip)
    try {
      await ctx.sms.sendLoginCode(body.phone, code)
    } catch (err) {
      request.log.error({ err: loggable(err) }, 'sms delivery failed')
      throw new AppError(502, 'SMS_UNAVAILABLE', '短信发送失败，请稍后重试')
    }
    return { sent: true, expiresIn: 300, sandbox: ctx.sms.sandbox }
  })

  app.post('/api/auth/sms/verify', async (request) => {
    const body = parse(z.object({ phone, code: smsCode }), request.body)
    await consumeLoginCode(db, body.phone, body.code)
    return loginResponse(await findOrCreateUser('phone', body.phone))
  })

  app.post('/api/auth/wechat', async (request) => {
    const body = parse(z.object({ code: text('微信登录凭证', 128) }), request.body)
    const session = await ctx.wechat.code2Session(body.code)
    return loginResponse(await findOrCreateUser('wechat_openid', session.openid))
  })

  app.post('/api/auth/refresh', async (request) => {
    const body = parse(refreshBody, request.body)
    const { session, userId } = await rotateSession(db, config.jwtSecret, body.refreshToken)
    return { ...session, user: await loadProfile(db, userId) }
  })

  app.post('/api/auth/logout', { onRequest: requireAuth(config.jwtSecret) }, async (request, reply) => {
    const body = parse(refreshBody, request.body)
    await endSession(db, body.refreshToken, request.user!.id)
    const token = request.user!.token
    if (token) await revokeAccessToken(db, token.jti, token.expiresAt)
    return reply.code(204).send()
  })
}
