// 失信举报 and 信用信息自愿注册 as words: categories with their Chinese labels, states, steps and
// the length bounds of what a citizen writes. Shared by the API contract, the server and the app.

/** What a report of dishonesty is about (000 §17: 企业严重失信行为). */
export const DISHONESTY_CATEGORIES = {
  false_advertising: '虚假宣传、价格欺诈',
  counterfeit: '假冒伪劣、产品质量',
  food_drug_safety: '食品药品安全',
  wage_arrears: '拖欠工资',
  tax: '偷逃税款、骗取补贴',
  contract_fraud: '合同欺诈、恶意违约',
  environment: '污染环境',
  other: '其他失信行为',
} as const
export type DishonestyCategory = keyof typeof DISHONESTY_CATEGORIES
export const DISHONESTY_CATEGORY_KEYS = Object.keys(DISHONESTY_CATEGORIES) as [DishonestyCategory, ...DishonestyCategory[]]

export const DISHONESTY_DESCRIPTION_MIN = 20
export const DISHONESTY_DESCRIPTION_MAX = 2000

export type DishonestyStatus = '已提交' | '已受理' | '核查中' | '已办结'
export type DishonestyAction = 'accept' | 'verify' | 'conclude'
/** Which state each officer action moves a report from, and to. */
export const DISHONESTY_TRANSITIONS: Readonly<Record<DishonestyAction, { from: DishonestyStatus; to: DishonestyStatus }>> = {
  accept: { from: '已提交', to: '已受理' },
  verify: { from: '已受理', to: '核查中' },
  conclude: { from: '核查中', to: '已办结' },
}

export const DISHONESTY_OUTCOMES = { substantiated: '举报属实', partly: '部分属实', unsubstantiated: '举报不属实' } as const
export type DishonestyOutcome = keyof typeof DISHONESTY_OUTCOMES

/** Why an action cannot be taken in a state, in words an officer understands. */
export function refuseDishonestyAction(status: DishonestyStatus, action: DishonestyAction): string {
  if (status === '已办结') return '该举报已办结，不能再次处理'
  const want = DISHONESTY_TRANSITIONS[action].from
  const order: DishonestyStatus[] = ['已提交', '已受理', '核查中', '已办结']
  if (order.indexOf(status) > order.indexOf(want)) return `该举报当前为“${status}”，不能重复${{ accept: '受理', verify: '开始核查', conclude: '办结' }[action]}`
  return { accept: '该举报已受理', verify: '请先受理该举报，再开始核查', conclude: '请先开始核查，再办结该举报' }[action]
}

/** What a subject may register voluntarily (002 §7, 003 §8). */
export const VOLUNTARY_CATEGORIES = {
  qualification: '资质资格',
  business: '市场经营',
  contract: '合同履约',
  welfare: '公益慈善',
} as const
export type VoluntaryCategory = keyof typeof VOLUNTARY_CATEGORIES
export const VOLUNTARY_CATEGORY_KEYS = Object.keys(VOLUNTARY_CATEGORIES) as [VoluntaryCategory, ...VoluntaryCategory[]]

export const VOLUNTARY_TITLE_MAX = 60
export const VOLUNTARY_DESCRIPTION_MIN = 10
export const VOLUNTARY_DESCRIPTION_MAX = 1000
/** Evidence is what an officer verifies: at least one file. */
export const VOLUNTARY_MIN_FILES = 1

export type VoluntaryStatus = '已提交' | '已核验' | '未通过'

/** The commitment to the truth every registration is signed under (its text is in migration 018). */
export const VOLUNTARY_COMMITMENT_TEMPLATE = 'tpl-voluntary-registration'
