// Auth and profile calls (DESIGN §4 /api/auth/*, /api/me).
import { apiGet, apiPost, newIdempotencyKey } from './http'
import type { Health, LoginResponse, Persona, Profile } from './types'

export const fetchHealth = () => apiGet<Health>('/health')
export const fetchPersonas = () => apiGet<Persona[]>('/auth/sandbox/personas')
export const sandboxLogin = (persona: string) => apiPost<LoginResponse>('/auth/sandbox/login', { persona }, { anonymous: true })
export const sendSmsCode = (phone: string) =>
  apiPost<{ sent: boolean; expiresIn: number; sandbox: boolean }>('/auth/sms/send', { phone }, { anonymous: true, idempotencyKey: newIdempotencyKey() })
export const verifySmsCode = (phone: string, code: string) => apiPost<LoginResponse>('/auth/sms/verify', { phone, code }, { anonymous: true })
export const wechatLogin = (code: string) => apiPost<LoginResponse>('/auth/wechat', { code }, { anonymous: true })
export const logoutSession = (refreshToken: string) => apiPost<void>('/auth/logout', { refreshToken })
export const fetchMe = () => apiGet<Profile>('/me')
export const submitRealName = (name: string, idNumber: string, idempotencyKey: string) =>
  apiPost<Profile>('/me/real-name', { name, idNumber }, { idempotencyKey })
