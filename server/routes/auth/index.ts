// /api/auth/*: sandbox personas, SMS and WeChat login, refresh-token rotation, logout.
// Requests and answers: src/contract/auth.ts.
import type { FastifyInstance } from 'fastify'
import { LoginResponse, PersonaList, RefreshBody, SandboxLoginBody, SmsSendBody, SmsSent, SmsVerifyBody, WechatLoginBody } from '../../../src/contract/auth'
import { AUTH_REQUESTS_PER_IP_PER_MINUTE, SMS_CODE_TTL_SECONDS } from '../../../src/domain/policy'
import { loadProfile } from '../../auth/profile'
import { revokeAccessToken } from '../../auth/revoked-tokens'
import { endSession, rotateSession, startSession } from '../../auth/sessions'
import { consumeLoginCode, createLoginCode } from '../../auth/sms-codes'
import { findOrCreateUser, personaUser, sandboxPersonas } from '../../auth/users'
import type { AppContext } from '../../context'
import { AppError, loggable, notFound } from '../../http/errors'
import { requireAuth } from '../../http/auth'
import { onContract } from '../../http/contract'
import { rateLimited } from '../../http/rate-limit'
import { parse } from '../../http/validate'

export default async function authRoutes(app: FastifyInstance, ctx: AppContext) {
  const { db, config } = ctx
  const r = onContract(app, ctx)
  // Sign-in is anonymous: a per-address budget on top of the per-code and per-phone limits.
  r.addHook('onRequest', rateLimited(db, { bucket: 'auth', limit: AUTH_REQUESTS_PER_IP_PER_MINUTE, windowSeconds: 60 }))

  async function loginResponse(user: { id: string; roles: string[] }): Promise<LoginResponse> {
    const session = await startSession(db, config.jwtSecret, user)
    return { ...session, user: await loadProfile(db, user.id) }
  }

  // Sign-in answers: bodies stay parsed in the handlers (their refusals keep the contract's messages).
  const login = { schema: { response: { 200: LoginResponse } } }

  const sandboxOnly = async () => {
    if (!config.sandbox) throw notFound('接口')
  }

  r.get('/api/auth/sandbox/personas', { onRequest: sandboxOnly, schema: { response: { 200: PersonaList } } }, async () => sandboxPersonas(db))

  r.post('/api/auth/sandbox/login', { onRequest: sandboxOnly, ...login }, async (request) => {
    const { persona } = parse(SandboxLoginBody, request.body)
    return loginResponse(await personaUser(db, persona))
  })

  r.post('/api/auth/sms/send', { schema: { response: { 200: SmsSent } } }, async (request) => {
    const body = parse(SmsSendBody, request.body)
    const code = await createLoginCode(db, body.phone, request.ip)
    try {
      await ctx.sms.sendLoginCode(body.phone, code)
    } catch (err) {
      request.log.error({ err: loggable(err) }, 'sms delivery failed')
      throw new AppError(502, 'SMS_UNAVAILABLE', '短信发送失败，请稍后重试')
    }
    return { sent: true as const, expiresIn: SMS_CODE_TTL_SECONDS, sandbox: ctx.sms.sandbox }
  })

  r.post('/api/auth/sms/verify', login, async (request) => {
    const body = parse(SmsVerifyBody, request.body)
    await consumeLoginCode(db, body.phone, body.code)
    return loginResponse(await findOrCreateUser(db, 'phone', body.phone))
  })

  r.post('/api/auth/wechat', login, async (request) => {
    const body = parse(WechatLoginBody, request.body)
    const session = await ctx.wechat.code2Session(body.code)
    return loginResponse(await findOrCreateUser(db, 'wechat_openid', session.openid))
  })

  r.post('/api/auth/refresh', login, async (request) => {
    const body = parse(RefreshBody, request.body)
    const { session, userId } = await rotateSession(db, config.jwtSecret, body.refreshToken)
    return { ...session, user: await loadProfile(db, userId) }
  })

  r.post('/api/auth/logout', { onRequest: requireAuth(config.jwtSecret) }, async (request, reply) => {
    const body = parse(RefreshBody, request.body)
    await endSession(db, body.refreshToken, request.user!.id)
    const token = request.user!.token
    if (token) await revokeAccessToken(db, token.jti, token.expiresAt)
    return reply.code(204).send()
  })
}
