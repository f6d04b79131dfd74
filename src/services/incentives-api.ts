// 守信激励 calls (DESIGN §3 "Red list and incentives"): the catalog with the caller's eligibility,
// claims (信易游 vouchers, 信易租 grants), authorisations for partners, and the staff checks.
import type { LevelName } from '../domain/policy'
import { apiGet, apiPost } from './http'

export type IncentiveCategory = 'travel' | 'rental' | 'reading' | 'medical'
export type ClaimKind = 'voucher' | 'grant' | 'none'

export interface Benefit {
  code: string
  name: string
  detail: string
}

export interface Incentive {
  id: string
  category: IncentiveCategory
  /** 信易游 / 信易租 / 信易阅 / 信易医 */
  categoryName: string
  name: string
  provider: string
  summary: string
  benefits: Benefit[]
  /** the published rule in plain Chinese */
  rule: string
  eligible: boolean
  /** why the caller is or is not eligible, in plain Chinese */
  reasons: string[]
  /** who may claim it: 'person' (面向个人) or 'enterprise' (面向企业) */
  audience: 'person' | 'enterprise'
  audienceName: string
  claimKind: ClaimKind
  address: string | null
  openHours: string | null
  /** a scenic spot's gate, China time 'HH:MM': today is not offered from the last entry on */
  hours: { opens: string | null; closes: string | null; lastEntry: string } | null
  depositWaived: string | null
  limits: string | null
  howToUse: string | null
}

export interface Standing {
  score: number
  level: LevelName
  redList: string[]
  /** 严重失信 lists the subject is on */
  blackList: string[]
  /** the badge, from the same rules as the items: 可享 N 项激励 / 暂无可享激励 (with why) / 不能享受激励 */
  incentives: { count: number; total: number; label: string; reason: string | null }
}

export interface Catalog {
  standing: Standing
  greenChannel: { eligible: boolean; reasons: string[] }
  items: Incentive[]
}

export type VoucherStatus = 'available' | 'used' | 'expired' | 'revoked'

export interface Voucher {
  id: string
  /** human-readable, e.g. K7QM-2XRD-9PTA; the QR code holds nothing else */
  code: string
  incentiveId: string
  spot: string
  benefit: Benefit
  visitDate: string
  status: VoucherStatus
  /** 可使用 / 已使用 / 已过期 / 已作废 */
  statusText: string
  usedAt: string | null
  usedPlace: string | null
  createdAt: string
  /** for a usable voucher, to its owner only: the secret the phone turns into the code of each 30-s
   *  window (RotatingPass), and the server's time then, so a phone with a wrong clock still agrees */
  pass?: RotatingPass | null
}

export interface RotatingPass {
  /** base64url */
  secret: string
  /** seconds per code */
  period: number
  serverTime: string
}

export interface Grant {
  id: string
  code: string
  incentiveId: string
  name: string
  partner: string
  depositWaived: string | null
  limits: string | null
  validUntil: string
  status: 'active' | 'expired' | 'revoked'
  statusText: string
}

export interface Authorization {
  id: string
  incentiveId: string
  partner: string
  service: string
  scope: string
  createdAt: string
  expiresAt: string
  revokedAt: string | null
  status: 'active' | 'expired' | 'revoked'
  /** 授权中 / 已过期 / 已撤销 */
  statusText: string
}

export type ClaimResult = { kind: 'voucher'; voucher: Voucher } | { kind: 'grant'; grant: Grant }

/** A redeemed voucher as the verifier sees it; the holder's name is masked by the server. */
export type VerifiedVoucher = Voucher & {
  /** 陈*远: what staff compare with the visitor's ID card, with the ID's last 4 */
  holder: string
  holderIdLast4: string | null
}

/** 信易阅 / 信易医 (incentives used in person) and 绿色通道: a code for the counter */
export type PassKind = 'reading-library' | 'medical-first' | 'green-channel'

export interface CounterPass {
  kind: PassKind
  title: string
  code: string
  eligible: boolean
  reasons: string[]
  pass: RotatingPass
}

/** What the counter sees: the holder as 陈*远 with the ID's last 4, and whether they qualify now. */
export interface PassCheck {
  kind: PassKind
  title: string
  holder: string
  holderIdLast4: string | null
  eligible: boolean
  reasons: string[]
  level: string
  checkedAt: string
}

export type GrantCheck = Grant & { holder: string; depositFree: boolean; reasons: string[] }

const path = (id: string) => encodeURIComponent(id)

export const fetchCatalog = (category?: IncentiveCategory) => apiGet<Catalog>('/incentives', category ? { category } : undefined)

export const fetchIncentive = (id: string) => apiGet<Incentive>(`/incentives/${path(id)}`)

/** One key per user attempt, the same key for every retry of it (DESIGN §4). */
// Claims (POST /incentives/:id/claims → ClaimResult) are sent through the outbox: features/incentives/claim-form.ts

export const fetchVouchers = (status: 'available' | 'history') => apiGet<{ items: Voucher[]; nextCursor: null }>('/vouchers', { status })

export const cancelVoucher = (id: string) => apiPost<Voucher>(`/vouchers/${path(id)}/cancel`)

export const fetchGrants = () => apiGet<{ items: Grant[] }>('/grants')

export const fetchAuthorizations = () => apiGet<{ items: Authorization[] }>('/me/authorizations')

export const createAuthorization = (incentiveId: string, days: number, idempotencyKey: string) =>
  apiPost<Authorization>('/me/authorizations', { incentiveId, days }, { idempotencyKey })

export const revokeAuthorization = (id: string) => apiPost<Authorization>(`/me/authorizations/${path(id)}/revoke`)

/** Redeems the voucher once; a key per scan lets a network retry get the first answer back. */
export const verifyVoucher = (code: string, idempotencyKey: string) =>
  apiPost<VerifiedVoucher>('/staff/vouchers/verify', { code }, { idempotencyKey })

export const fetchCounterPass = (kind: PassKind) => apiGet<CounterPass>(`/me/counter-passes/${path(kind)}`)

export const checkCounterPass = (code: string) => apiPost<PassCheck>('/staff/counter-passes/check', { code })

export const checkGrant = (code: string) => apiPost<GrantCheck>('/partner/grants/check', { code })
