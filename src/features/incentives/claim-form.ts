// The 信易游 claim form as the outbox keeps it (chosen benefit and visit date, one per account and
// incentive), and the outbox submissions of both claims. Nothing personal: ids, codes, dates.
import { incentiveRoutes } from './routes'
import type { OutboxInput } from '../../services/outbox/types'

export interface ClaimDraft {
  benefit: string | null
  visitDate: string | null
}

export const EMPTY_CLAIM: ClaimDraft = { benefit: null, visitDate: null }

export const claimFormKey = (ownerId: string, incentiveId: string) => `incentive-claim|${ownerId}|${incentiveId}`

const claimsUrl = (incentiveId: string) => `/incentives/${encodeURIComponent(incentiveId)}/claims`

export function voucherClaim(
  ownerId: string,
  subject: string | null,
  incentive: { id: string; name: string },
  choice: { benefit: string; visitDate: string },
): OutboxInput {
  return {
    kind: 'voucher-claim',
    title: `领取卡券：${incentive.name}`,
    formKey: claimFormKey(ownerId, incentive.id),
    ownerId,
    subject,
    url: claimsUrl(incentive.id),
    body: { visitDate: choice.visitDate, benefit: choice.benefit },
    resultPath: 'voucher.id',
    topics: ['vouchers', 'credit'],
    link: `${incentiveRoutes.voucher}?id=`,
  }
}

export function grantClaim(ownerId: string, subject: string | null, incentive: { id: string; name: string }): OutboxInput {
  return {
    kind: 'grant-claim',
    title: `申请免押：${incentive.name}`,
    formKey: claimFormKey(ownerId, incentive.id),
    ownerId,
    subject,
    url: claimsUrl(incentive.id),
    body: {},
    resultPath: 'grant.id',
    topics: ['grants'],
    link: `${incentiveRoutes.grants}?id=`,
  }
}
