// /api/uploads: one evidence file (multipart, field `file`) → its record; GET /api/uploads/:id → the bytes.
import { z } from 'zod'
import { UPLOAD_TYPES } from '../domain/policy'

const wrongId = { error: '文件编号不正确' }
export const UploadParams = z.object({ id: z.string(wrongId).min(1, wrongId).max(100, wrongId) })

export const UploadResult = z.strictObject({
  id: z.uuid(),
  /** decided by the content, never by a name */
  type: z.enum(UPLOAD_TYPES),
  size: z.number().int().positive(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
})
export type UploadResult = z.infer<typeof UploadResult>
