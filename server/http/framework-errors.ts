// Errors Fastify and Node's HTTP server answer on their own, before any route or error handler
// runs (a bad %-escape, an overlong parameter, oversized headers, a request that never finishes,
// a malformed request line): all in the `{error:{code,message}}` shape with a Chinese message,
// never echoing the path or query.
import type { Socket } from 'node:net'
import type http from 'node:http'
import type { FastifyError, FastifyHttpOptions, FastifyReply, FastifyRequest } from 'fastify'

/**
 * Socket timeouts: a request's headers and body must arrive within REQUEST_TIMEOUT_MS (a body that
 * never comes is answered 408); a socket silent for CONNECTION_TIMEOUT_MS is closed; an idle
 * keep-alive socket stays open a little longer than common load balancers keep theirs (60 s).
 */
export const REQUEST_TIMEOUT_MS = 30_000
export const CONNECTION_TIMEOUT_MS = 120_000
export const KEEP_ALIVE_TIMEOUT_MS = 65_000
/** How often Node looks for requests past their timeout (its default, 30 s, would double the wait). */
export const TIMEOUT_CHECK_INTERVAL_MS = 5_000
/** Longest path parameter: ids and receipt numbers are far shorter. */
export const MAX_PARAM_LENGTH = 100

const ROUTER_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_BAD_URL: { status: 400, code: 'BAD_URL', message: '请求地址不正确' },
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, code: 'URI_TOO_LONG', message: '请求地址过长' },
}

function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  const known = ROUTER_ERRORS[error.code] ?? { status: 400, code: 'BAD_REQUEST', message: '请求格式不正确' }
  reply.code(known.status).header('cache-control', 'no-store').send({ error: { code: known.code, message: known.message } })
}

const CLIENT_ERRORS: Record<string, { status: number; reason: string; code: string; message: string }> = {
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, reason: 'Request Timeout', code: 'REQUEST_TIMEOUT', message: '请求超时，请检查网络后重试' },
  HPE_HEADER_OVERFLOW: { status: 431, reason: 'Request Header Fields Too Large', code: 'HEADERS_TOO_LARGE', message: '请求头或地址过长' },
  HPE_URI_TOO_LONG: { status: 414, reason: 'URI Too Long', code: 'URI_TOO_LONG', message: '请求地址过长' },
}
const MALFORMED = { status: 400, reason: 'Bad Request', code: 'BAD_REQUEST', message: '请求格式不正确' }

/** Node's 'clientError': the request could not be parsed or did not arrive in time. */
function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket) {
  if (err.code === 'ECONNRESET' || socket.destroyed) return
  const e = CLIENT_ERRORS[err.code ?? ''] ?? MALFORMED
  // A response already under way on this socket cannot be followed by another one.
  const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage
  if (socket.writable && !inFlight?.headersSent) {
    const body = JSON.stringify({ error: { code: e.code, message: e.message } })
    socket.write(
      `HTTP/1.1 ${e.status} ${e.reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Cache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
    )
  }
  socket.destroy()
}

export const frameworkErrorOptions: FastifyHttpOptions<http.Server> = {
  frameworkErrors,
  clientErrorHandler,
  requestTimeout: REQUEST_TIMEOUT_MS,
  connectionTimeout: CONNECTION_TIMEOUT_MS,
  keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
  routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
  // Node arms its request-timeout checks only from the options it is constructed with.
  http: { requestTimeout: REQUEST_TIMEOUT_MS, connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS },
}
