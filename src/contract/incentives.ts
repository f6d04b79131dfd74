// 守信激励 (DESIGN §3 "Red list and incentives"): the catalog with the caller's eligibility, claims
// (信易游 vouchers, 信易租 grants), authorisations for partners, counter passes, and the staff and
// partner checks (/api/staff/*, /api/partner/*).
import { z } from 'zod'
import { AUTHORIZATION_MAX_DAYS } from '../domain/policy'
import { calendarDate, idParams, instant, text } from './common'
import { levelName } from './credit'

export const INCENTIVE_CATEGORIES = ['travel', 'rental', 'reading', 'medical'] as const
export const PASS_KINDS = ['reading-library', 'medical-first', 'green-channel'] as const

export const incentiveCategory = z.enum(INCENTIVE_CATEGORIES)
export type IncentiveCategory = z.infer<typeof incentiveCategory>
export const claimKind = z.enum(['voucher', 'grant', 'none'])
export type ClaimKind = z.infer<typeof claimKind>
/** 信易阅 / 信易医 (incentives used in person) and 绿色通道: a code for the counter */
export const passKind = z.enum(PASS_KINDS)
export type PassKind = z.infer<typeof passKind>

// --- requests ---------------------------------------------------------------------------------

const ymd = z.string({ error: '请选择游览日期' }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: '游览日期格式应为 YYYY-MM-DD' })
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), { error: '游览日期不存在' })

export const CatalogQuery = z.object({ category: z.enum(INCENTIVE_CATEGORIES, { error: '激励类别不正确' }).optional() })
export const IncentiveParams = idParams('激励项目', 64)
/** A 信易游 claim; a 信易租 claim has no body. */
export const VoucherClaimBody = z.object({ visitDate: ymd, benefit: text('优惠项目', 40) })
export type VoucherClaimRequest = z.input<typeof VoucherClaimBody>
export const PassParams = z.object({ kind: z.enum(PASS_KINDS, { error: '没有这种核验码' }) })
export const VouchersQuery = z.object({ status: z.enum(['available', 'history'], { error: '卡券状态不正确' }).optional() })
export const VoucherParams = idParams('卡券', 100)
export const AuthorizationBody = z.object({
  incentiveId: text('授权项目', 64),
  days: z.number({ error: '请选择授权期限' }).int({ error: '授权期限应为整数天' }).min(1, { error: '授权期限至少 1 天' }).max(AUTHORIZATION_MAX_DAYS, { error: `授权期限最长 ${AUTHORIZATION_MAX_DAYS} 天` }),
})
export type AuthorizationRequest = z.input<typeof AuthorizationBody>
export const AuthorizationParams = idParams('授权', 100)
export const VoucherCheckBody = z.object({ code: text('卡券码', 40) })
export const PassCheckBody = z.object({ code: text('核验码', 40) })
export const GrantCheckBody = z.object({ code: text('免押资格码', 40) })

// --- answers ----------------------------------------------------------------------------------

export const Benefit = z.strictObject({ code: z.string(), name: z.string(), detail: z.string() })
export type Benefit = z.infer<typeof Benefit>

export const Incentive = z.strictObject({
  id: z.string(),
  category: incentiveCategory,
  /** 信易游 / 信易租 / 信易阅 / 信易医 */
  categoryName: z.string(),
  name: z.string(),
  provider: z.string(),
  summary: z.string(),
  benefits: z.array(Benefit),
  /** the published rule in plain Chinese */
  rule: z.string(),
  eligible: z.boolean(),
  /** why the caller is or is not eligible, in plain Chinese */
  reasons: z.array(z.string()),
  /** who may claim it: 'person' (面向个人) or 'enterprise' (面向企业) */
  audience: z.enum(['person', 'enterprise']),
  audienceName: z.string(),
  claimKind,
  address: z.string().nullable(),
  openHours: z.string().nullable(),
  /** a scenic spot's gate, China time 'HH:MM': today is not offered from the last entry on */
  hours: z.strictObject({ opens: z.string().nullable(), closes: z.string().nullable(), lastEntry: z.string() }).nullable(),
  depositWaived: z.string().nullable(),
  limits: z.string().nullable(),
  howToUse: z.string().nullable(),
})
export type Incentive = z.infer<typeof Incentive>

const eligibility = { eligible: z.boolean(), reasons: z.array(z.string()) }

export const Standing = z.strictObject({
  score: z.number().int(),
  level: levelName,
  redList: z.array(z.string()),
  /** 严重失信 lists the subject is on */
  blackList: z.array(z.string()),
  /** the badge, from the same rules as the items: 可享 N 项激励 / 暂无可享激励 (with why) / 不能享受激励 */
  incentives: z.strictObject({ count: z.number().int(), total: z.number().int(), label: z.string(), reason: z.string().nullable() }),
})
export type Standing = z.infer<typeof Standing>

export const Catalog = z.strictObject({ standing: Standing, greenChannel: z.strictObject(eligibility), items: z.array(Incentive) })
export type Catalog = z.infer<typeof Catalog>

export const RotatingPass = z.strictObject({
  /** base64url */
  secret: z.string().regex(/^[A-Za-z0-9_-]+$/),
  /** seconds per code */
  period: z.number().int().positive(),
  serverTime: instant,
})
export type RotatingPass = z.infer<typeof RotatingPass>

export const voucherStatus = z.enum(['available', 'used', 'expired', 'revoked'])
export type VoucherStatus = z.infer<typeof voucherStatus>

const voucherFields = {
  id: z.string(),
  /** human-readable, e.g. K7QM-2XRD-9PTA; the QR code holds nothing else */
  code: z.string(),
  incentiveId: z.string(),
  spot: z.string(),
  benefit: Benefit,
  visitDate: calendarDate,
  status: voucherStatus,
  /** 可使用 / 已使用 / 已过期 / 已作废 */
  statusText: z.string(),
  usedAt: instant.nullable(),
  usedPlace: z.string().nullable(),
  createdAt: instant,
}

/** A voucher as its owner gets it: for a usable one, the secret the phone turns into the code of each 30-s window. */
export const Voucher = z.strictObject({ ...voucherFields, pass: RotatingPass.nullable() })
export type Voucher = z.infer<typeof Voucher>
export const VoucherList = z.strictObject({ items: z.array(Voucher), nextCursor: z.null() })
export type VoucherList = z.infer<typeof VoucherList>

/** A redeemed voucher as the verifier sees it: no pass secret; the holder masked, with the ID's last 4. */
export const VerifiedVoucher = z.strictObject({ ...voucherFields, holder: z.string(), holderIdLast4: z.string().nullable() })
export type VerifiedVoucher = z.infer<typeof VerifiedVoucher>

export const grantStatus = z.enum(['active', 'expired', 'revoked'])
const grantFields = {
  id: z.string(),
  code: z.string(),
  incentiveId: z.string(),
  name: z.string(),
  partner: z.string(),
  depositWaived: z.string().nullable(),
  limits: z.string().nullable(),
  validUntil: calendarDate,
  status: grantStatus,
  statusText: z.string(),
}
export const Grant = z.strictObject(grantFields)
export type Grant = z.infer<typeof Grant>
export const GrantList = z.strictObject({ items: z.array(Grant), nextCursor: z.null() })
export type GrantList = z.infer<typeof GrantList>

/** What the partner sees: the holder masked, deposit-free or not now — never the level or score. */
export const GrantCheck = z.strictObject({ ...grantFields, holder: z.string(), depositFree: z.boolean(), reasons: z.array(z.string()) })
export type GrantCheck = z.infer<typeof GrantCheck>

export const ClaimResult = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('voucher'), voucher: Voucher }),
  z.strictObject({ kind: z.literal('grant'), grant: Grant }),
])
export type ClaimResult = z.infer<typeof ClaimResult>

export const Authorization = z.strictObject({
  id: z.string(),
  incentiveId: z.string(),
  partner: z.string(),
  service: z.string(),
  scope: z.string(),
  createdAt: instant,
  expiresAt: instant,
  revokedAt: instant.nullable(),
  status: grantStatus,
  /** 授权中 / 已过期 / 已撤销 */
  statusText: z.string(),
})
export type Authorization = z.infer<typeof Authorization>
export const AuthorizationList = z.strictObject({ items: z.array(Authorization), nextCursor: z.null() })
export type AuthorizationList = z.infer<typeof AuthorizationList>

export const CounterPass = z.strictObject({ kind: passKind, title: z.string(), code: z.string(), ...eligibility, pass: RotatingPass })
export type CounterPass = z.infer<typeof CounterPass>

/** What the counter sees: the holder as 陈*远 with the ID's last 4, and whether they qualify now. */
export const PassCheck = z.strictObject({
  kind: passKind,
  title: z.string(),
  holder: z.string(),
  holderIdLast4: z.string().nullable(),
  ...eligibility,
  level: z.string(),
  checkedAt: instant,
})
export type PassCheck = z.infer<typeof PassCheck>
