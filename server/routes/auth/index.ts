// /api/auth/*: sandbox personas, SMS and WeChat login, refresh-token rotation, logout.
// Requests and answers: src/contract/auth.ts.
import type { FastifyInstance } from 'fastify'
import { RefreshBody, SandboxLoginBody, SmsSendBody, SmsVerifyBody, WechatLoginBody, type LoginResponse, type Persona, type SmsSent } from '../../../src/contract/auth'
import { AUTH_REQUESTS_PER_IP_PER_MINUTE, SMS_CODE_TTL_SECONDS } from '../../../src/domain/policy'
import { loadProfile } from '../../auth/profile'
import { revokeAccessToken } from '../../auth/revoked-tokens'
import { endSession, rotateSession, startSession } from '../../auth/sessions'
import { consumeLoginCode, createLoginCode } from '../../auth/sms-codes'
import { findOrCreateUser, personaUser, sandboxPersonas } from '../../auth/users'
import type { AppContext } from '../../context'
import { AppError, loggable, notFound } from '../../http/errors'
import { requireAuth } from '../../http/auth'
import { rateLimited } from '../../http/rate-limit'
import { parse } from '../../http/validate'

export default async function authRoutes(app: FastifyInstance, ctx: AppContext) {
  const { db, config } = ctx
  // Sign-in is anonymous: a per-address budget on top of the per-code and per-phone limits.
  app.addHook('onRequest', rateLimited(db, { bucket: 'auth', limit: AUTH_REQUESTS_PER_IP_PER_MINUTE, windowSeconds: 60 }))

  async function loginResponse(user: { id: string; roles: string[] }): Promise<LoginResponse> {
    const session = await startSession(db, config.jwtSecret, user)
    return { ...session, user: await loadProfile(db, user.id) }
  }

  const sandboxOnly = async () => {
    if (!config.sandbox) throw notFound('接口')
  }

  app.get('/api/auth/sandbox/personas', { onRequest: sandboxOnly }, async (): Promise<Persona[]> => sandboxPersonas(db))

  app.post('/api/auth/sandbox/login', { onRequest: sandboxOnly }, async (request) => {
    const { persona } = parse(SandboxLoginBody, request.body)
    return loginResponse(await personaUser(db, persona))
  })

  app.post('/api/auth/sms/send', async (request): Promise<SmsSent> => {
    const body = parse(SmsSendBody, request.body)
    const code = await createLoginCode(db, body.phone, request.ip)
    try {
      await ctx.sms.sendLoginCode(body.phone, code)
    } catch (err) {
      request.log.error({ err: loggable(err) }, 'sms delivery failed')
      throw new AppError(502, 'SMS_UNAVAILABLE', '短信发送失败，请稍后重试')
    }
    return { sent: true, expiresIn: SMS_CODE_TTL_SECONDS, sandbox: ctx.sms.sandbox }
  })

  app.post('/api/auth/sms/verify', async (request) => {
    const body = parse(SmsVerifyBody, request.body)
    await consumeLoginCode(db, body.phone, body.code)
    return loginResponse(await findOrCreateUser(db, 'phone', body.phone))
  })

  app.post('/api/auth/wechat', async (request) => {
    const body = parse(WechatLoginBody, request.body)
    const session = await ctx.wechat.code2Session(body.code)
    return loginResponse(await findOrCreateUser(db, 'wechat_openid', session.openid))
  })

  app.post('/api/auth/refresh', async (request): Promise<LoginResponse> => {
    const body = parse(RefreshBody, request.body)
    const { session, userId } = await rotateSession(db, config.jwtSecret, body.refreshToken)
    return { ...session, user: await loadProfile(db, userId) }
  })

  app.post('/api/auth/logout', { onRequest: requireAuth(config.jwtSecret) }, async (request, reply) => {
    const body = parse(RefreshBody, request.body)
    await endSession(db, body.refreshToken, request.user!.id)
    const token = request.user!.token
    if (token) await revokeAccessToken(db, token.jti, token.expiresAt)
    return reply.code(204).send()
  })
}
