// 信用修复 calls (/api/repairs, /api/officer/repairs). Types come from the contract (type-only, so
// zod stays out of the bundle); submitting an application goes through the outbox.
import type {
  OfficerRepairCase, RepairApplication, RepairDecisionBody, RepairEligibilityResponse, RepairPage, RepairPlanResponse, RepairStatus,
} from '../contract/repairs'
import { apiGet, apiPost, newIdempotencyKey } from './http'

export type { OfficerRepairCase, RepairApplication, RepairBody, RepairDecisionBody, RepairEligibilityItem, RepairPlanResponse, RepairStatus, RepairStep } from '../contract/repairs'

export const fetchEligibility = () => apiGet<RepairEligibilityResponse>('/repairs/eligibility')
export const fetchPlan = () => apiGet<RepairPlanResponse>('/repairs/plan')
// Applying (POST /repairs with a RepairBody → RepairApplication) is sent through the outbox.
export const fetchMyRepairs = (cursor?: string | null) => apiGet<RepairPage>('/repairs', cursor ? { cursor } : undefined)
export const fetchRepair = (id: string) => apiGet<RepairApplication>(`/repairs/${encodeURIComponent(id)}`)

export const fetchRepairQueue = (status?: RepairStatus) => apiGet<RepairPage>('/officer/repairs', status ? { status } : undefined)
export const fetchRepairCase = (id: string) => apiGet<OfficerRepairCase>(`/officer/repairs/${encodeURIComponent(id)}`)
/** One decision per tap: the key is made once by the caller and reused for its retries. */
export const decideRepair = (id: string, body: RepairDecisionBody, idempotencyKey = newIdempotencyKey()) =>
  apiPost<RepairApplication>(`/officer/repairs/${encodeURIComponent(id)}/decision`, body, { idempotencyKey })
