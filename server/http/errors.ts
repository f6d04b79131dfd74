// The HTTP side of errors: an AppError (server/errors.ts) or a Fastify error becomes
// {"error":{"code","message"}} with its status; anything else is a logged 500.
import type { FastifyError, FastifyInstance } from 'fastify'
import { AppError } from '../errors'

export { AppError, badRequest, notFound, unauthorized } from '../errors'

const FASTIFY_CODES: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'EMPTY_BODY', message: '请求内容为空' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: '不支持的请求格式，请使用 JSON' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'BODY_TOO_LARGE', message: '请求内容过大' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'BAD_REQUEST', message: '请求长度不正确' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'INVALID_JSON', message: '请求内容不是有效的 JSON' },
}

export function registerErrorHandling(app: FastifyInstance, opts: { spaFallback?: boolean } = {}) {
  app.setErrorHandler((err: FastifyError | AppError, request, reply) => {
    if (err instanceof AppError) {
      // A dependency that failed (storage, …) is ours to look at, even though the caller gets a clear message.
      if (err.status >= 500) request.log.error({ err: err.cause ?? err }, err.code)
      if (err.headers) reply.headers(err.headers)
      return reply.code(err.status).send({ error: { code: err.code, message: err.message } })
    }
    const known = err.code ? FASTIFY_CODES[err.code] : undefined
    if (known) return reply.code(known.status).send({ error: { code: known.code, message: known.message } })
    if (err instanceof SyntaxError || (err as FastifyError).statusCode === 400) {
      return reply.code(400).send({ error: { code: 'BAD_REQUEST', message: '请求格式不正确' } })
    }
    if ((err as FastifyError).validation) {
      return reply.code(400).send({ error: { code: 'VALIDATION_ERROR', message: '请求参数不正确' } })
    }
    const status = (err as FastifyError).statusCode
    if (status && status >= 400 && status < 500) {
      return reply.code(status).send({ error: { code: 'BAD_REQUEST', message: '请求无法处理' } })
    }
    // A unique violation that slipped past a use case's own check is a conflict, not a crash.
    if ((err as PgError).code === '23505' && isPgError(err)) {
      return reply.code(409).send({ error: { code: 'CONFLICT', message: '数据已被占用或已存在，请刷新后重试' } })
    }
    request.log.error({ err: loggable(err) }, 'unhandled error')
    return reply.code(500).send({ error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后重试' } })
  })
  app.setNotFoundHandler((request, reply) => {
    // With the H5 app served, unknown page paths get the app shell; /api and missing files keep a 404.
    if (opts.spaFallback && request.method === 'GET' && !request.url.startsWith('/api/') && !/\.[a-z0-9]+$/i.test(request.url.split('?')[0])) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html')
    }
    // The path is not echoed: it may hold personal data, and it adds nothing for the caller.
    return reply.code(404).send({ error: { code: 'NOT_FOUND', message: '接口不存在' } })
  })
}

interface PgError extends Error {
  code?: string
  severity?: string
  constraint?: string
  table?: string
  routine?: string
}
const isPgError = (err: unknown): err is PgError => err instanceof Error && typeof (err as PgError).severity === 'string' && /^[0-9A-Z]{5}$/.test(String((err as PgError).code))

/**
 * What of an error may reach the log. PostgreSQL puts the offending values into `detail` (a unique
 * violation on `identifier` names the full ID number) and often into the message: for database
 * errors only the code, constraint and table are kept.
 */
export function loggable(err: unknown): Record<string, unknown> {
  if (isPgError(err)) return { type: 'DatabaseError', code: err.code, constraint: err.constraint, table: err.table, routine: err.routine, stack: err.stack?.split('\n').slice(1).join('\n') }
  if (err instanceof Error) return { type: err.name, message: err.message, code: (err as PgError).code, stack: err.stack }
  return { type: typeof err }
}
