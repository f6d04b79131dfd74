// Request validation with zod: the first problem becomes a 400 with its Chinese message.
import { z } from 'zod'
import { AppError } from './errors'

export function parse<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const r = schema.safeParse(input ?? {})
  if (r.success) return r.data
  const issue = r.error.issues[0]
  const message = issue.message && /[\u4e00-\u9fa5]/.test(issue.message) ? issue.message : '请求参数不正确'
  throw new AppError(400, 'VALIDATION_ERROR', message)
}

/** A required string with Chinese messages for missing / wrong type / too long. */
export function text(label: string, max = 200) {
  return z
    .string({ error: (iss) => (iss.input === undefined ? `请填写${label}` : `${label}格式不正确`) })
    .trim()
    .min(1, { error: `请填写${label}` })
    .max(max, { error: `${label}不能超过${max}个字` })
}
