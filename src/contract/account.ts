// 我的 → 账号与数据: a copy of one's personal information (PIPL Art. 45) and account deletion (Art. 47).
import { z } from 'zod'
import { instant } from './common'

export const DeletionBody = z.object({ confirm: z.literal('注销', { error: '请输入“注销”确认注销账号' }) })
export type DeletionRequest = z.input<typeof DeletionBody>

export const DeletionResult = z.strictObject({
  deletedAt: instant,
  removed: z.strictObject({
    vouchers: z.number().int(), authorizations: z.number().int(), grants: z.number().int(), counterPasses: z.number().int(), enterprises: z.number().int(),
    /** 公益任务 bookings not yet started, cancelled (their seats freed) */
    bookings: z.number().int(),
  }),
})
export type DeletionResult = z.infer<typeof DeletionResult>

/** Everything the platform holds about the caller (identifiers masked): an open JSON document. */
export const PersonalData = z.record(z.string(), z.unknown())
export type PersonalData = z.infer<typeof PersonalData>
