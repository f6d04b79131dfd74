// Request validation with zod: the first problem becomes a 400 with its Chinese message.
import { z } from 'zod'
import { AppError } from './errors'

export function parse<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const r = schema.safeParse(input ?? {})
  if (r.success) return r.data
  throw validationError(r.error)
}

/** The 400 for a request zod refused: its first issue's message when that is Chinese, else a generic one. */
export function validationError(error: z.ZodError): AppError {
  const issue = error.issues[0]
  const message = issue?.message && /[\u4e00-\u9fa5]/.test(issue.message) ? issue.message : '请求参数不正确'
  return new AppError(400, 'VALIDATION_ERROR', message)
}

export { text } from '../../src/contract/common'
