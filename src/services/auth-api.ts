// Auth and profile calls (DESIGN §4 /api/auth/*, /api/me). Shapes: src/contract/auth.ts (types only).
import type { Health, LoginResponse, Persona, Profile, RealNameRequest, SmsSent } from '../contract/auth'
import { apiGet, apiPost, newIdempotencyKey } from './http'

export const fetchHealth = () => apiGet<Health>('/health')
export const fetchPersonas = () => apiGet<Persona[]>('/auth/sandbox/personas')
export const sandboxLogin = (persona: string) => apiPost<LoginResponse>('/auth/sandbox/login', { persona }, { anonymous: true })
export const sendSmsCode = (phone: string) => apiPost<SmsSent>('/auth/sms/send', { phone }, { anonymous: true, idempotencyKey: newIdempotencyKey() })
export const verifySmsCode = (phone: string, code: string) => apiPost<LoginResponse>('/auth/sms/verify', { phone, code }, { anonymous: true })
export const wechatLogin = (code: string) => apiPost<LoginResponse>('/auth/wechat', { code }, { anonymous: true })
export const logoutSession = (refreshToken: string) => apiPost<void>('/auth/logout', { refreshToken })
export const fetchMe = () => apiGet<Profile>('/me')
export const submitRealName = (name: string, idNumber: string, idempotencyKey: string) =>
  apiPost<Profile>('/me/real-name', { name, idNumber } satisfies RealNameRequest, { idempotencyKey })
