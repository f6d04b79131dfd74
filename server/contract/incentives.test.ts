// 守信激励 routes (catalog, claims, vouchers, grants, authorisations, counter passes) and the staff
// and partner checks answer in the shapes of src/contract/incentives.ts; refusals in the error shape.
import { after, before, describe, it } from 'node:test'
import { chinaDate } from '../../src/domain/dates'
import { fromBase64Url, rotatingDigits, windowOf } from '../../src/domain/rotating-code'
import {
  Authorization, AuthorizationList, Catalog, ClaimResult, CounterPass, GrantCheck, GrantList, Incentive, PassCheck, PASS_KINDS, VerifiedVoucher, Voucher, VoucherList,
} from '../../src/contract/incentives'
import { bearer, loginAs, startTestApp, type TestApp } from '../testing/app'
import { answers, refuses } from './check'

let t: TestApp
const tokens: Record<string, string> = {}
const clock = new Date(`${chinaDate()}T10:00:00+08:00`)
before(async () => {
  t = await startTestApp()
  t.ctx.now = () => clock
  for (const p of ['citizen-red', 'citizen-new', 'citizen-blacklist', 'agent-yunqi', 'staff-verifier', 'staff-counter', 'staff-rental', 'staff-officer']) tokens[p] = (await loginAs(t.app, p)).accessToken
})
after(() => t.close())

const asYunqi = { 'x-subject': '91330106MA2H3K5Q7N' }
const get = (p: string, url: string, headers: Record<string, string> = {}) => t.app.inject({ url, headers: { ...bearer(tokens[p]), ...headers } })
const post = (p: string, url: string, payload: unknown = {}, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, payload: payload as object, headers: { ...bearer(tokens[p]), ...headers } })
const live = (code: string, secret: string) => `${code}-${rotatingDigits(fromBase64Url(secret), windowOf(clock))}`

describe('incentive answers follow the contract', () => {
  it('the catalog and each item, for persons (red, new, black-listed) and an enterprise', async () => {
    for (const [p, headers] of [['citizen-red', {}], ['citizen-new', {}], ['citizen-blacklist', {}], ['agent-yunqi', asYunqi]] as const) {
      const catalog = answers(Catalog, await get(p, '/api/incentives', headers))
      answers(Catalog, await get(p, '/api/incentives?category=travel', headers))
      for (const item of catalog.items) answers(Incentive, await get(p, `/api/incentives/${item.id}`, headers))
      for (const kind of PASS_KINDS) answers(CounterPass, await get(p, `/api/me/counter-passes/${kind}`, headers))
    }
  })

  it('claims, vouchers, grants, authorisations and the three staff checks', async () => {
    const voucher = answers(ClaimResult, await post('citizen-red', '/api/incentives/travel-lingyin/claims', { visitDate: chinaDate(clock), benefit: 'fast_lane' }), 201)
    const grant = answers(ClaimResult, await post('citizen-red', '/api/incentives/rental-bike/claims'), 201)
    answers(VoucherList, await get('citizen-red', '/api/vouchers'))
    const other = answers(ClaimResult, await post('citizen-red', '/api/incentives/travel-lingyin/claims', { visitDate: chinaDate(clock), benefit: 'ticket_discount' }), 201)
    if (other.kind === 'voucher') answers(Voucher, await post('citizen-red', `/api/vouchers/${other.voucher.id}/cancel`))
    answers(VoucherList, await get('citizen-red', '/api/vouchers?status=history'))
    answers(GrantList, await get('citizen-red', '/api/grants'))
    const auth = answers(Authorization, await post('citizen-red', '/api/me/authorizations', { incentiveId: 'rental-bike', days: 30 }), 201)
    answers(AuthorizationList, await get('citizen-red', '/api/me/authorizations'))

    if (voucher.kind === 'voucher') answers(VerifiedVoucher, await post('staff-verifier', '/api/staff/vouchers/verify', { code: live(voucher.voucher.code, voucher.voucher.pass!.secret) }))
    if (grant.kind === 'grant') answers(GrantCheck, await post('staff-rental', '/api/partner/grants/check', { code: grant.grant.code }))
    const pass = answers(CounterPass, await get('citizen-red', '/api/me/counter-passes/reading-library'))
    answers(PassCheck, await post('staff-counter', '/api/staff/counter-passes/check', { code: live(pass.code, pass.pass.secret) }))
    const green = answers(CounterPass, await get('citizen-red', '/api/me/counter-passes/green-channel'))
    answers(PassCheck, await post('staff-officer', '/api/staff/counter-passes/check', { code: live(green.code, green.pass.secret) }))
    answers(Authorization, await post('citizen-red', `/api/me/authorizations/${auth.id}/revoke`))
  })

  it('bad input is refused in the contract\'s error shape', async () => {
    refuses(await get('citizen-red', '/api/incentives?category=food'), 400, 'VALIDATION_ERROR')
    refuses(await get('citizen-red', '/api/incentives/nothing'), 404)
    refuses(await get('citizen-red', '/api/me/counter-passes/gym'), 400, 'VALIDATION_ERROR')
    refuses(await get('citizen-red', '/api/vouchers?status=all'), 400, 'VALIDATION_ERROR')
    refuses(await post('citizen-red', '/api/incentives/travel-lingyin/claims', { visitDate: '2026-02-30', benefit: 'fast_lane' }), 400, 'VALIDATION_ERROR')
    refuses(await post('citizen-new', '/api/incentives/travel-lingyin/claims', { visitDate: chinaDate(clock), benefit: 'fast_lane' }), 403, 'NOT_ELIGIBLE')
    refuses(await post('citizen-red', '/api/me/authorizations', { incentiveId: 'rental-bike', days: 0 }), 400, 'VALIDATION_ERROR')
    refuses(await post('staff-verifier', '/api/staff/vouchers/verify', {}), 400, 'VALIDATION_ERROR')
    refuses(await post('citizen-red', '/api/staff/vouchers/verify', { code: 'ABCD' }), 403)
  })
})
