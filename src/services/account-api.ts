// 我的 → 账号与数据: a copy of one's personal information (PIPL Art. 45) and account deletion (Art. 47).
// Shapes: src/contract/account.ts (types only).
import type { DeletionRequest, DeletionResult, PersonalData } from '../contract/account'
import { apiGet, apiPost } from './http'

export type { DeletionResult }

/** Everything the platform holds about the caller (identifiers masked), as the server sends it. */
export const fetchPersonalData = () => apiGet<PersonalData>('/me/export')

/** The server refuses without the typed confirmation 注销. */
export const deleteAccount = () => apiPost<DeletionResult>('/me/deletion', { confirm: '注销' } satisfies DeletionRequest)
