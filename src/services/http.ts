// The one API client: axios over Taro.request. Adds the bearer token and X-Subject, refreshes an
// expired access token once however many requests hit 401 together, retries idempotent calls
// (and POSTs that carry an Idempotency-Key) with backoff, and rejects only with ApiError.
import axios, { type AxiosError, type AxiosRequestConfig, type InternalAxiosRequestConfig } from 'axios'
import { API_BASE } from '../platform/env'
import { useAuthStore } from '../stores/auth'
import { ApiError, toApiError } from './api-error'
import { taroAdapter } from './taro-adapter'
import type { LoginResponse } from './types'

export const retryPolicy = { maxRetries: 3, baseDelayMs: 400, maxDelayMs: 5000 }

interface RequestMeta {
  _retries?: number
  _refreshed?: boolean
  /** no bearer token, no refresh (login and refresh calls themselves) */
  anonymous?: boolean
  /** the X-Subject to send instead of the acting subject (null: as the user themself) */
  subject?: string | null
}
type Config = InternalAxiosRequestConfig & RequestMeta

export const http = axios.create({ baseURL: `${API_BASE}/api`, adapter: taroAdapter, timeout: 15000 })

http.interceptors.request.use((config: Config) => {
  const { accessToken, actingFor } = useAuthStore.getState()
  const subject = config.subject !== undefined ? config.subject : actingFor
  if (!config.anonymous && accessToken) config.headers.set('Authorization', `Bearer ${accessToken}`)
  if (!config.anonymous && subject) config.headers.set('X-Subject', subject)
  return config
})

http.interceptors.response.use(undefined, async (error: AxiosError) => {
  const config = error.config as Config | undefined
  if (!config) throw toApiError(error)
  const status = error.response?.status

  if (status === 401 && !config.anonymous && !config._refreshed && useAuthStore.getState().refreshToken) {
    config._refreshed = true
    const sentWith = String(config.headers.get('Authorization') || '')
    const current = useAuthStore.getState().accessToken
    // Another request may already have refreshed while this one was in flight.
    if (!current || sentWith === `Bearer ${current}`) await refreshOnce()
    return http.request(config)
  }

  if (shouldRetry(config, error)) {
    config._retries = (config._retries || 0) + 1
    await sleep(backoff(config._retries, error.response?.headers?.['retry-after']))
    return http.request(config)
  }
  throw toApiError(error)
})

function shouldRetry(config: Config, error: AxiosError): boolean {
  if ((config._retries || 0) >= retryPolicy.maxRetries) return false
  const method = (config.method || 'get').toLowerCase()
  const idempotent = ['get', 'head', 'options', 'put', 'delete'].includes(method) || Boolean(config.headers.get('Idempotency-Key'))
  if (!idempotent) return false
  const status = error.response?.status
  if (!status) return true // network error or timeout
  if (status === 409) return (error.response?.data as { error?: { code?: string } })?.error?.code === 'IDEMPOTENCY_IN_FLIGHT'
  if (status === 429) {
    // A limit that lifts later than we would wait (e.g. "SMS sent, retry in 60 s") is for the
    // user to read now, not for the client to retry against.
    const hinted = Number(error.response?.headers?.['retry-after'])
    return !(Number.isFinite(hinted) && hinted * 1000 > retryPolicy.maxDelayMs)
  }
  return status === 502 || status === 503 || status === 504
}

function backoff(attempt: number, retryAfter?: string): number {
  const hinted = Number(retryAfter)
  if (Number.isFinite(hinted) && hinted > 0) return Math.min(hinted * 1000, retryPolicy.maxDelayMs)
  const exp = retryPolicy.baseDelayMs * 2 ** (attempt - 1)
  return Math.min(exp + Math.random() * retryPolicy.baseDelayMs, retryPolicy.maxDelayMs)
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

let refreshing: Promise<void> | null = null

/** Refreshes the session once; concurrent callers share the same attempt. */
export function refreshOnce(): Promise<void> {
  if (!refreshing) {
    refreshing = doRefresh().finally(() => {
      refreshing = null
    })
  }
  return refreshing
}

async function doRefresh() {
  const { refreshToken } = useAuthStore.getState()
  if (!refreshToken) throw new ApiError('UNAUTHORIZED', '请先登录', 401)
  try {
    const res = await http.post<LoginResponse>('/auth/refresh', { refreshToken }, { anonymous: true } as AxiosRequestConfig)
    useAuthStore.getState().setTokens(res.data.accessToken, res.data.refreshToken)
    useAuthStore.getState().setUser(res.data.user)
  } catch (e) {
    const err = toApiError(e)
    // A refused refresh token ends the session; a network failure keeps it for the next try.
    if (err.status === 401) useAuthStore.getState().clear()
    throw err
  }
}

/** A fresh key per user action; the same key is reused for every retry of that action. */
let keySeq = 0
export function newIdempotencyKey(): string {
  const rand = () => Math.random().toString(36).slice(2, 10)
  // the counter keeps two keys made in one millisecond apart even with a poor random source
  return `${Date.now().toString(36)}-${(++keySeq).toString(36)}${rand()}-${rand()}`
}

/** A GET of a public route: no token and no X-Subject, whoever is logged in. */
export async function anonymousGet<T>(url: string, params?: Record<string, unknown>): Promise<T> {
  return (await http.get<T>(url, { params, anonymous: true } as AxiosRequestConfig)).data
}

export async function apiGet<T>(url: string, params?: Record<string, unknown>): Promise<T> {
  return (await http.get<T>(url, { params })).data
}

export async function apiPost<T>(
  url: string,
  body?: unknown,
  opts: { idempotencyKey?: string; anonymous?: boolean; subject?: string | null } = {},
): Promise<T> {
  const headers: Record<string, string> = {}
  if (opts.idempotencyKey) headers['Idempotency-Key'] = opts.idempotencyKey
  const config = { headers, anonymous: opts.anonymous, subject: opts.subject } as AxiosRequestConfig
  return (await http.post<T>(url, body ?? {}, config)).data
}
