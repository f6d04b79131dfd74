// The one error every API call rejects with: a code to branch on and a Chinese message to show.
export class ApiError extends Error {
  constructor(public code: string, message: string, public status = 0) {
    super(message)
    this.name = 'ApiError'
  }
}

export const NETWORK_ERROR_MESSAGE = '网络连接失败，请检查网络后重试'
export const TIMEOUT_MESSAGE = '请求超时，请稍后重试'
export const SERVER_ERROR_MESSAGE = '服务暂时不可用，请稍后重试'

interface ErrorBody {
  error?: { code?: unknown; message?: unknown }
}

/** Maps anything axios rejects with (or a raw response) to an ApiError. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err
  const e = err as { code?: string; message?: string; response?: { status: number; data?: unknown } }
  const res = e?.response
  if (res) {
    const body = res.data as ErrorBody | undefined
    if (body && body.error && typeof body.error.code === 'string' && typeof body.error.message === 'string') {
      return new ApiError(body.error.code, body.error.message, res.status)
    }
    if (res.status === 401) return new ApiError('UNAUTHORIZED', '请先登录', 401)
    if (res.status === 404) return new ApiError('NOT_FOUND', '内容不存在或无权查看', 404)
    if (res.status === 429) return new ApiError('RATE_LIMITED', '操作过于频繁，请稍后再试', 429)
    if (res.status >= 500) return new ApiError('SERVER_ERROR', SERVER_ERROR_MESSAGE, res.status)
    return new ApiError('BAD_REQUEST', '请求无法处理', res.status)
  }
  if (e?.code === 'ECONNABORTED' || e?.code === 'ETIMEDOUT') return new ApiError('TIMEOUT', TIMEOUT_MESSAGE)
  return new ApiError('NETWORK_ERROR', NETWORK_ERROR_MESSAGE)
}
