// 守信激励 answers as the server sends them (names already masked), for the component tests.
import type { Authorization, Catalog, Grant, Incentive, VerifiedVoucher, Voucher } from '../../../services/incentives-api'

export const lingyin: Incentive = {
  id: 'travel-lingyin',
  category: 'travel',
  categoryName: '信易游',
  name: '灵隐景区',
  provider: '西湖风景名胜区灵隐景区',
  summary: '守信游客门票五折，旺季走快捷通道',
  benefits: [
    { code: 'ticket_discount', name: '门票优惠', detail: '飞来峰景区门票 5 折（原价 45 元）' },
    { code: 'fast_lane', name: '快捷通道入园', detail: '旺季经“信用快捷通道”入园，无需排队' },
  ],
  rule: '信用等级达到“优秀”及以上，或列入守信红名单',
  eligible: true,
  reasons: ['已列入守信红名单'],
  audience: 'person',
  audienceName: '面向个人',
  claimKind: 'voucher',
  address: '杭州市西湖区灵隐路法云弄 1 号',
  openHours: '07:00–18:15（17:30 停止入园）',
  hours: { opens: '07:00', closes: '18:15', lastEntry: '17:30' },
  depositWaived: null,
  limits: null,
  howToUse: null,
}

export const bike: Incentive = {
  ...lingyin,
  id: 'rental-bike',
  category: 'rental',
  categoryName: '信易租',
  name: '公共自行车免押金',
  provider: '杭州城市公共自行车服务有限公司',
  summary: '免交 200 元押金办理公共自行车租车卡',
  benefits: [],
  rule: '信用等级达到“良好”及以上，或列入守信红名单',
  claimKind: 'grant',
  address: '全市 4000 余个租车点',
  openHours: null,
  hours: null,
  depositWaived: '200 元',
  limits: '每人限 1 张租车卡；单次骑行 1 小时内免费',
}

export const library: Incentive = {
  ...lingyin,
  id: 'reading-library',
  category: 'reading',
  categoryName: '信易阅',
  name: '信易阅·图书馆免押借阅',
  provider: '杭州图书馆',
  summary: '免押金办理读者证，可借图书增至 20 册',
  benefits: [],
  claimKind: 'none',
  hours: null,
  howToUse: '到馆出示“信用通”首页信用等级，现场办理免押读者证',
}

export const notFor = (item: Incentive, reasons: string[]): Incentive => ({ ...item, eligible: false, reasons })

export function catalog(overrides: Partial<Catalog> = {}): Catalog {
  return {
    standing: {
      score: 740, level: '优秀', redList: ['优秀志愿者', '见义勇为'], blackList: [],
      incentives: { count: 3, total: 3, label: '可享 3 项激励', reason: null },
    },
    greenChannel: { eligible: true, reasons: ['已列入守信红名单'] },
    items: [lingyin, bike, library],
    ...overrides,
  }
}

export function voucher(overrides: Partial<Voucher> = {}): Voucher {
  return {
    id: 'v-1',
    code: 'K7QM-2XRD-9PTA',
    incentiveId: 'travel-lingyin',
    spot: '灵隐景区',
    benefit: lingyin.benefits[0],
    visitDate: '2026-11-23',
    status: 'available',
    statusText: '可使用',
    usedAt: null,
    usedPlace: null,
    createdAt: '2026-11-22T17:20:45.921Z',
    pass: null,
    ...overrides,
  }
}

/** The verifier's answer carries no pass secret. */
export function verified(overrides: Partial<VerifiedVoucher> = {}): VerifiedVoucher {
  const { pass: _pass, ...used } = voucher({ status: 'used', statusText: '已使用', usedAt: '2026-11-23T01:20:49.193Z', usedPlace: '西湖风景名胜区灵隐景区' })
  return { ...used, holder: '陈*远', holderIdLast4: '001X', ...overrides }
}

export function grant(overrides: Partial<Grant> = {}): Grant {
  return {
    id: 'g-1',
    code: 'DFZD-CCS4-YK9K',
    incentiveId: 'rental-bike',
    name: '公共自行车免押金',
    partner: '杭州城市公共自行车服务有限公司',
    depositWaived: '200 元',
    limits: '每人限 1 张租车卡；单次骑行 1 小时内免费',
    validUntil: '2027-11-23',
    status: 'active',
    statusText: '有效',
    ...overrides,
  }
}

export function authorization(overrides: Partial<Authorization> = {}): Authorization {
  return {
    id: 'a-1',
    incentiveId: 'rental-bike',
    partner: '杭州城市公共自行车服务有限公司',
    service: '公共自行车免押金',
    scope: '查验信易租免押资格（等级是否达标、免押额度、有效期）',
    createdAt: '2026-11-22T17:20:46.043Z',
    expiresAt: '2026-12-22T17:20:46.043Z',
    revokedAt: null,
    status: 'active',
    statusText: '授权中',
    ...overrides,
  }
}
