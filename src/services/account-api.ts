// 我的 → 账号与数据: a copy of one's personal information (PIPL Art. 45) and account deletion (Art. 47).
import { apiGet, apiPost } from './http'

export interface DeletionResult {
  deletedAt: string
  removed: { vouchers: number; authorizations: number; grants: number; counterPasses: number; enterprises: number }
}

/** Everything the platform holds about the caller (identifiers masked), as the server sends it. */
export const fetchPersonalData = () => apiGet<Record<string, unknown>>('/me/export')

/** The server refuses without the typed confirmation 注销. */
export const deleteAccount = () => apiPost<DeletionResult>('/me/deletion', { confirm: '注销' })
