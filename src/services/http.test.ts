import Taro from '@tarojs/taro'
import { useAuthStore } from '../stores/auth'
import { ApiError } from './api-error'
import { apiGet, apiPost, retryPolicy } from './http'

type Call = { url: string; method: string; header: Record<string, string>; data?: string }
type Answer = { status: number; body?: unknown } | { fail: string }
const request = Taro.request as unknown as jest.Mock
let calls: Call[]

/** Scripts Taro.request: `handler` returns the answer for each call. */
function serve(handler: (call: Call, n: number) => Answer | Promise<Answer>) {
  calls = []
  request.mockImplementation(async (opts: Call & { success: (r: unknown) => void; fail: (e: unknown) => void }) => {
    const call = { url: opts.url, method: opts.method, header: { ...opts.header }, data: opts.data }
    calls.push(call)
    const a = await handler(call, calls.length)
    if ('fail' in a) opts.fail({ errMsg: a.fail })
    else opts.success({ statusCode: a.status, data: a.body === undefined ? '' : JSON.stringify(a.body), header: {} })
  })
}

const profile = { id: 'u1', name: '陈**', phone: null, idNumber: null, realNameVerified: true, wechatBound: false, roles: ['citizen'], orgName: null, subjects: [] }

beforeEach(() => {
  retryPolicy.baseDelayMs = 1
  useAuthStore.setState({ accessToken: 'old-access', refreshToken: 'refresh-1', user: profile, actingFor: null })
})

describe('API client', () => {
  it('when several requests get 401 together, then the session is refreshed once and all succeed', async () => {
    serve((call) => {
      if (call.url.endsWith('/api/auth/refresh')) {
        return new Promise((r) => setTimeout(() => r({ status: 200, body: { accessToken: 'new-access', refreshToken: 'refresh-2', expiresIn: 900, user: profile } }), 20))
      }
      return call.header.Authorization === 'Bearer new-access' ? { status: 200, body: { ok: call.url } } : { status: 401, body: { error: { code: 'TOKEN_EXPIRED', message: '登录已过期，请重新登录' } } }
    })
    const results = await Promise.all([apiGet('/a'), apiGet('/b'), apiGet('/c'), apiGet('/d')])
    expect(results).toEqual([{ ok: '/api/a' }, { ok: '/api/b' }, { ok: '/api/c' }, { ok: '/api/d' }])
    expect(calls.filter((c) => c.url.endsWith('/auth/refresh'))).toHaveLength(1)
    expect(JSON.parse(calls.find((c) => c.url.endsWith('/auth/refresh'))!.data!)).toEqual({ refreshToken: 'refresh-1' })
    expect(useAuthStore.getState()).toMatchObject({ accessToken: 'new-access', refreshToken: 'refresh-2' })
  })

  it('when the refresh token is refused, then the session ends and the caller gets the Chinese reason', async () => {
    serve((call) =>
      call.url.endsWith('/auth/refresh')
        ? { status: 401, body: { error: { code: 'REFRESH_TOKEN_REUSED', message: '检测到登录凭证被重复使用，已退出所有登录，请重新登录' } } }
        : { status: 401, body: { error: { code: 'TOKEN_EXPIRED', message: '登录已过期，请重新登录' } } },
    )
    await expect(apiGet('/me')).rejects.toMatchObject({ code: 'REFRESH_TOKEN_REUSED', status: 401 })
    expect(useAuthStore.getState().refreshToken).toBeNull()
  })

  it('when a POST with an Idempotency-Key meets a network failure, then it is retried with the same key', async () => {
    serve((_call, n) => (n < 3 ? { fail: 'request:fail net::ERR_CONNECTION_RESET' } : { status: 201, body: { id: 'x1' } }))
    const res = await apiPost('/objections', { recordId: 'r1' }, { idempotencyKey: 'key-12345678' })
    expect(res).toEqual({ id: 'x1' })
    expect(calls).toHaveLength(3)
    expect(new Set(calls.map((c) => c.header['Idempotency-Key']))).toEqual(new Set(['key-12345678']))
    expect(new Set(calls.map((c) => c.data))).toEqual(new Set([JSON.stringify({ recordId: 'r1' })]))
  })

  it('when a POST without an Idempotency-Key fails on the network, then it is not sent twice', async () => {
    serve(() => ({ fail: 'request:fail' }))
    await expect(apiPost('/something', { a: 1 })).rejects.toMatchObject({ code: 'NETWORK_ERROR', message: '网络连接失败，请检查网络后重试' })
    expect(calls).toHaveLength(1)
  })

  it('when a GET keeps failing with 503, then it gives up after the retry limit with a Chinese message', async () => {
    serve(() => ({ status: 503 }))
    await expect(apiGet('/credit/overview')).rejects.toMatchObject({ code: 'SERVER_ERROR', message: '服务暂时不可用，请稍后重试' })
    expect(calls).toHaveLength(retryPolicy.maxRetries + 1)
  })

  it('maps a server error body to ApiError with its code and message, without retrying a 400', async () => {
    serve(() => ({ status: 400, body: { error: { code: 'INVALID_ID_NUMBER', message: '身份证号码校验位不正确，请核对后重新输入' } } }))
    const err = await apiPost('/me/real-name', { name: '张三', idNumber: '110105194912310021' }, { idempotencyKey: 'abcdefgh1' }).catch((e) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect(err).toMatchObject({ code: 'INVALID_ID_NUMBER', status: 400, message: '身份证号码校验位不正确，请核对后重新输入' })
    expect(calls).toHaveLength(1)
  })

  it('maps a timeout to TIMEOUT', async () => {
    retryPolicy.maxRetries = 0
    serve(() => ({ fail: 'request:fail timeout' }))
    await expect(apiGet('/slow')).rejects.toMatchObject({ code: 'TIMEOUT', message: '请求超时，请稍后重试' })
    retryPolicy.maxRetries = 3
  })

  it('sends X-Subject when acting for an enterprise, and query parameters in the URL', async () => {
    useAuthStore.setState({ actingFor: '91110000600037341L' })
    serve(() => ({ status: 200, body: { items: [], nextCursor: null } }))
    await apiGet('/credit/records', { kind: '行政处罚', cursor: 'abc' })
    expect(calls[0].header['X-Subject']).toBe('91110000600037341L')
    expect(calls[0].url).toBe('/api/credit/records?kind=%E8%A1%8C%E6%94%BF%E5%A4%84%E7%BD%9A&cursor=abc')
  })

  it('does not send the bearer token on anonymous login calls', async () => {
    serve(() => ({ status: 200, body: { accessToken: 'a', refreshToken: 'b', expiresIn: 900, user: profile } }))
    await apiPost('/auth/sandbox/login', { persona: 'citizen-red' }, { anonymous: true })
    expect(calls[0].header.Authorization).toBeUndefined()
  })
})

describe('API client: rate limits', () => {
  const rateLimited = (retryAfter: string, message: string) =>
    request.mockImplementationOnce((opts: { success: (r: unknown) => void }) =>
      opts.success({ statusCode: 429, data: JSON.stringify({ error: { code: 'RATE_LIMITED', message } }), header: { 'Retry-After': retryAfter } }),
    )

  it('when the server rate-limits for longer than the client would wait, then the message comes back at once', async () => {
    serve(() => ({ status: 200, body: { sent: true } }))
    rateLimited('60', '验证码已发送，请 60 秒后再试')
    const call = apiPost('/auth/sms/send', { phone: '13800000001' }, { anonymous: true, idempotencyKey: 'key-12345678' })
    await expect(call).rejects.toEqual(new ApiError('RATE_LIMITED', '验证码已发送，请 60 秒后再试', 429))
    expect(request).toHaveBeenCalledTimes(1)
  })

  it('when a short rate limit lifts, then the same request is retried with the same idempotency key', async () => {
    serve(() => ({ status: 200, body: { sent: true } }))
    rateLimited('1', '操作过于频繁，请稍后再试')
    const res = await apiPost('/auth/sms/send', { phone: '13800000001' }, { anonymous: true, idempotencyKey: 'key-12345678' })
    expect(res).toEqual({ sent: true })
    expect(request).toHaveBeenCalledTimes(2)
    expect(request.mock.calls.map(([opts]) => opts.header['Idempotency-Key'])).toEqual(['key-12345678', 'key-12345678'])
  })
})

describe('API client: failed requests on H5', () => {
  it('when the network is down, then the caller gets the Chinese error and nothing is left unhandled', async () => {
    // Taro's H5 request calls `fail` and also returns a promise that rejects with the same error.
    request.mockImplementation((opts: { fail: (e: unknown) => void }) => {
      const err = new TypeError('Failed to fetch')
      opts.fail({ errMsg: 'request:fail Failed to fetch' })
      return Promise.reject(err)
    })
    const unhandled: unknown[] = []
    const onUnhandled = (reason: unknown) => unhandled.push(reason)
    process.on('unhandledRejection', onUnhandled)
    try {
      await expect(apiGet('/credit/summary')).rejects.toBeInstanceOf(ApiError)
      await new Promise((r) => setTimeout(r, 20))
      expect(unhandled).toEqual([])
    } finally {
      process.off('unhandledRejection', onUnhandled)
    }
  })
})
