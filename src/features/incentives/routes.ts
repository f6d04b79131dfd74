// Page addresses of the 守信激励 subpackages (packages/incentives, packages/staff).
import { withQuery } from '../../platform/navigation'

export const incentiveRoutes = {
  detail: '/packages/incentives/pages/detail/index',
  vouchers: '/packages/incentives/pages/vouchers/index',
  voucher: '/packages/incentives/pages/voucher/index',
  grants: '/packages/incentives/pages/grants/index',
  authorizations: '/packages/incentives/pages/authorizations/index',
  certificate: '/packages/incentives/pages/certificate/index',
  pass: '/packages/incentives/pages/pass/index',
  verify: '/packages/staff/pages/verify/index',
  passCheck: '/packages/staff/pages/pass-check/index',
  grantCheck: '/packages/staff/pages/grant-check/index',
} as const

export const detailUrl = (id: string) => withQuery(incentiveRoutes.detail, { id })
export const passUrl = (kind: 'reading-library' | 'medical-first' | 'green-channel') => withQuery(incentiveRoutes.pass, { kind })
export const voucherUrl = (id: string) => withQuery(incentiveRoutes.voucher, { id })
export const authorizationsUrl = (incentiveId?: string) => withQuery(incentiveRoutes.authorizations, { incentiveId })
