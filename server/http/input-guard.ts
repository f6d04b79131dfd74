// One guard for every route: text PostgreSQL cannot store (U+0000) is refused at the edge with a
// Chinese 400, in the body, the query string and the path parameters alike — before any route or
// use case sees it, so no route can forget it.
import type { FastifyInstance } from 'fastify'
import { badRequest } from './errors'

const MAX_DEPTH = 64

/** True when a string (or an object key) anywhere in `value` holds a NUL character. */
export function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000')
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return false
  if (Buffer.isBuffer(value)) return false
  if (Array.isArray(value)) return value.some((v) => containsNul(v, depth + 1))
  for (const [k, v] of Object.entries(value)) if (k.includes('\u0000') || containsNul(v, depth + 1)) return true
  return false
}

export function registerInputGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    if (containsNul(request.params) || containsNul(request.query) || containsNul(request.body)) {
      throw badRequest('请求内容含有不允许的控制字符（U+0000），请删除后重试', 'INVALID_CHARACTER')
    }
  })
}
