// Shapes the API answers with, as the server would send them (personal data already masked).
import type { AccessLogEntry, CreditOverview, CreditRecord, CreditRecordDetail, ScoreMonth } from '../../src/contract/credit'
import type { LoginResponse, Persona, Profile } from '../../src/contract/auth'

export function profile(overrides: Partial<Profile> = {}): Profile {
  return {
    id: 'user-citizen-red',
    name: '陈**',
    phone: '138****0001',
    idNumber: '330106********0012',
    realNameVerified: true,
    wechatBound: false,
    roles: ['citizen'],
    orgName: null,
    subjects: [{ id: 'person-chen', kind: 'person', name: '陈**', identifier: '330106********0012', relation: '本人' }],
    ...overrides,
  }
}

export function loginResponse(user: Profile = profile()): LoginResponse {
  return { accessToken: 'access-1', refreshToken: 'refresh-1', expiresIn: 900, user }
}

export const personas: Persona[] = [
  { id: 'agent-yunqi', name: '吴*', roles: ['citizen', 'agent'], summary: '企业法定代表人：杭州云栖数字科技有限公司（纳税信用 A 级）' },
  { id: 'citizen-red', name: '陈**', roles: ['citizen'], summary: '红名单市民：优秀志愿者，信用极好，可享信易游、信易租' },
  { id: 'staff-officer', name: '马*', roles: ['citizen', 'officer'], summary: '信用办工作人员：办理异议和信用修复申请' },
]

/** Lets pending promises and the effects they trigger run. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

/** Forgets the calls and scripted answers of every function of an automocked module. */
export function resetModuleMocks(mod: object) {
  for (const fn of Object.values(mod)) if (jest.isMockFunction(fn)) fn.mockReset()
}

// --- credit -----------------------------------------------------------------------------------

export function overview(overrides: Partial<CreditOverview> = {}): CreditOverview {
  return {
    subject: { kind: 'person', name: null, relation: '本人' },
    asOf: '2026-11-23',
    score: 740,
    level: '优秀',
    base: 600,
    factors: [
      {
        recordId: 'rec-chen-volunteer-honour',
        points: 60,
        reason: '因“杭州市优秀志愿者”（杭志指〔2026〕3号）加 60 分，公示期到 2029 年 5 月 7 日，期满后不再加分',
        record: { id: 'rec-chen-volunteer-honour', title: '杭州市优秀志愿者', documentNo: '杭志指〔2026〕3号', department: '杭州市志愿服务工作指导中心', publicityEnd: '2029-05-07' },
      },
      {
        recordId: 'rec-chen-bravery',
        points: 60,
        reason: '因“见义勇为先进个人”（杭见基〔2025〕18号）加 60 分，公示期到 2028 年 9 月 29 日，期满后不再加分',
        record: { id: 'rec-chen-bravery', title: '见义勇为先进个人', documentNo: '杭见基〔2025〕18号', department: '杭州市见义勇为基金会', publicityEnd: '2028-09-29' },
      },
      {
        recordId: 'rec-chen-volunteer-hours',
        points: 20,
        reason: '因“志愿服务时长累计 320 小时”加 20 分，公示期到 2029 年 9 月 24 日，期满后不再加分',
        record: { id: 'rec-chen-volunteer-hours', title: '志愿服务时长累计 320 小时', documentNo: null, department: '杭州市志愿者协会', publicityEnd: '2029-09-24' },
      },
    ],
    suspended: [],
    redList: ['优秀志愿者', '见义勇为'],
    blackList: [],
    counts: { positive: 3, negative: 0, inPublicity: 3 },
    ...overrides,
  }
}

/** A subject with no records at all: the base score. */
export const emptyOverview = (): CreditOverview =>
  overview({ score: 600, level: '良好', factors: [], redList: [], counts: { positive: 0, negative: 0, inPublicity: 0 } })

export function creditRecord(overrides: Partial<CreditRecord> = {}): CreditRecord {
  return {
    id: 'rec-li-fire-penalty',
    kind: '行政处罚',
    polarity: 'negative',
    severity: '一般',
    title: '经营场所未保持疏散通道畅通',
    content: '当事人经营的建国五金店占用、堵塞疏散通道，处罚款人民币伍仟元整。',
    department: '杭州市上城区消防救援大队',
    documentNo: '杭上消行罚决字〔2026〕0128号',
    legalBasis: '《中华人民共和国消防法》第二十八条',
    decisionDate: '2026-06-26',
    publicityStart: '2026-06-26',
    publicityEnd: '2027-06-26',
    status: '公示中',
    list: null,
    ...overrides,
  }
}

export function recordDetail(overrides: Partial<CreditRecordDetail> = {}): CreditRecordDetail {
  return {
    ...creditRecord(),
    history: [
      { at: '2026-06-26T01:00:00.000Z', actor: '杭州市上城区消防救援大队', status: '公示中', reason: '依法作出决定并向社会公示' },
    ],
    objection: null,
    obligation: { duty: '缴纳罚款 5,000 元', metOn: '2026-07-08', source: '部门推送' },
    ...overrides,
  }
}

/** n records with distinct ids, newest first */
export const manyRecords = (n: number, from = 0): CreditRecord[] =>
  Array.from({ length: n }, (_, i) => creditRecord({ id: `rec-${from + i}`, title: `记录 ${from + i}` }))

export const scoreMonths = (scores: number[]): ScoreMonth[] =>
  scores.map((score, i) => ({ month: `2026-${String(i + 1).padStart(2, '0')}`, score, level: score >= 700 ? '优秀' : score >= 600 ? '良好' : '一般' }))

export function accessEntry(overrides: Partial<AccessLogEntry> = {}): AccessLogEntry {
  return { id: 'access-1', at: '2026-10-23T02:30:00.000Z', reader: '杭州市文明办', readerKind: '政府部门', purpose: '“最美杭州人”评选信用审查', ...overrides }
}

/** A promise that never settles: the page stays in its loading state. */
export const pending = <T,>() => new Promise<T>(() => undefined)

export const YUNQI_USCC = '91330106MA2H3K5Q7N'

/** An agent of 杭州云栖数字科技有限公司, besides being a citizen. */
export const agentProfile = (): Profile =>
  profile({
    id: 'user-agent-yunqi',
    name: '吴*',
    roles: ['citizen', 'agent'],
    subjects: [
      { id: 'person-wu', kind: 'person', name: '吴*', identifier: '330106********008X', relation: '本人' },
      { id: 'ent-yunqi', kind: 'enterprise', name: '杭州云栖数字科技有限公司', identifier: YUNQI_USCC, relation: '法定代表人' },
    ],
  })
