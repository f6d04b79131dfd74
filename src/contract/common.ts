// The API contract's building blocks: zod schemas with the Chinese messages a caller sees. Each
// feature's request and response schemas live beside this file (src/contract/<feature>.ts); the
// server's routes parse with them and the app's API client takes its types from them with
// `import type` (so zod never enters the mini-program bundle).
import { z } from 'zod'

/** A required string with Chinese messages for missing / wrong type / too long. */
export function text(label: string, max = 200) {
  return z
    .string({ error: (iss) => (iss.input === undefined ? `请填写${label}` : `${label}格式不正确`) })
    .trim()
    .min(1, { error: `请填写${label}` })
    .max(max, { error: `${label}不能超过${max}个字` })
}

/** A list's cursor: opaque to the caller, bounded in size. */
export const cursorQuery = z.object({ cursor: z.string().max(300, { error: '分页参数不正确' }).optional() })

/** One page of a cursor-paged list. */
export interface Page<T> {
  items: T[]
  nextCursor: string | null
}

// --- shared pieces of requests ----------------------------------------------------------------

/** The path parameter `:id` of a thing the caller names, checked (never cast). */
export function idParams(label: string, max = 100) {
  return z.object({ id: text(label, max) })
}

/** `?limit=` of a cursor list: a whole number from 1 to `max`. */
export function limit(max: number) {
  const wrong = { error: '每页条数不正确' }
  return z.coerce.number(wrong).int(wrong).min(1, wrong).max(max, { error: `每页最多 ${max} 条` })
}

/** The `cursor` field alone, with the message the credit lists show. */
export const cursor = (max = 300) => z.string().max(max, { error: '分页参数无效，请刷新列表' })

// --- shared pieces of answers -------------------------------------------------------------------
// Answers are strict objects: a field the contract does not name fails the response check in the
// tests (server/contract), so nothing leaks out unannounced.

/** An ISO 8601 instant as the server writes it (Date#toISOString). */
export const instant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/)
/** A China calendar date, YYYY-MM-DD. */
export const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
export const subjectKind = z.enum(['person', 'enterprise'])
export type SubjectKind = z.infer<typeof subjectKind>

/** The schema of one cursor page of `item`. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.strictObject({ items: z.array(item), nextCursor: z.string().nullable() })
}

/** Every 4xx/5xx answer of the API. */
export const ApiErrorBody = z.strictObject({ error: z.strictObject({ code: z.string().regex(/^[A-Z][A-Z0-9_]*$/), message: z.string().regex(/[\u4e00-\u9fa5]/) }) })
export type ApiErrorBody = z.infer<typeof ApiErrorBody>
