// 守信激励 calls (DESIGN §3 "Red list and incentives"): the catalog with the caller's eligibility,
// claims (信易游 vouchers, 信易租 grants), authorisations for partners, and the staff checks.
// Shapes: src/contract/incentives.ts (types only).
import type {
  Authorization, AuthorizationList, AuthorizationRequest, Benefit, Catalog, ClaimKind, ClaimResult, CounterPass, Grant, GrantCheck, GrantList, Incentive, IncentiveCategory, PassCheck, PassKind, RotatingPass, Standing, VerifiedVoucher, Voucher, VoucherList, VoucherStatus,
} from '../contract/incentives'
import { apiGet, apiPost } from './http'

export type {
  Authorization, AuthorizationList, AuthorizationRequest, Benefit, Catalog, ClaimKind, ClaimResult, CounterPass, Grant, GrantCheck, GrantList, Incentive, IncentiveCategory, PassCheck, PassKind, RotatingPass, Standing, VerifiedVoucher, Voucher, VoucherList, VoucherStatus,
}

const path = (id: string) => encodeURIComponent(id)

export const fetchCatalog = (category?: IncentiveCategory) => apiGet<Catalog>('/incentives', category ? { category } : undefined)

export const fetchIncentive = (id: string) => apiGet<Incentive>(`/incentives/${path(id)}`)

/** One key per user attempt, the same key for every retry of it (DESIGN §4). */
// Claims (POST /incentives/:id/claims → ClaimResult) are sent through the outbox: features/incentives/claim-form.ts

export const fetchVouchers = (status: 'available' | 'history') => apiGet<VoucherList>('/vouchers', { status })

export const cancelVoucher = (id: string) => apiPost<Voucher>(`/vouchers/${path(id)}/cancel`)

export const fetchGrants = () => apiGet<GrantList>('/grants')

export const fetchAuthorizations = () => apiGet<AuthorizationList>('/me/authorizations')

export const createAuthorization = (incentiveId: string, days: number, idempotencyKey: string) =>
  apiPost<Authorization>('/me/authorizations', { incentiveId, days } satisfies AuthorizationRequest, { idempotencyKey })

export const revokeAuthorization = (id: string) => apiPost<Authorization>(`/me/authorizations/${path(id)}/revoke`)

/** Redeems the voucher once; a key per scan lets a network retry get the first answer back. */
export const verifyVoucher = (code: string, idempotencyKey: string) =>
  apiPost<VerifiedVoucher>('/staff/vouchers/verify', { code }, { idempotencyKey })

export const fetchCounterPass = (kind: PassKind) => apiGet<CounterPass>(`/me/counter-passes/${path(kind)}`)

export const checkCounterPass = (code: string) => apiPost<PassCheck>('/staff/counter-passes/check', { code })

export const checkGrant = (code: string) => apiPost<GrantCheck>('/partner/grants/check', { code })
