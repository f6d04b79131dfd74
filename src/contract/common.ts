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
