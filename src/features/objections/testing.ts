// Objections as the API returns them, for component tests.
import type { Objection, OfficerObjection } from '../../services/objections-api'
import type { CreditRecordDetail } from '../../services/types'

export function objection(overrides: Partial<Objection> = {}): Objection {
  return {
    id: 'obj-1',
    status: '已提交',
    recordId: 'rec-zhao-rent-arrears',
    recordTitle: '拖欠公租房租金',
    recordDepartment: '杭州市住房保障和房产管理局',
    reason: 'wrong_info',
    reasonLabel: '信息错误',
    description: '该租金已按期缴清，有银行回单为证。',
    filedAt: '2026-11-30T02:00:00.000Z',
    dueDate: '2026-12-07',
    dueDateEstimated: false,
    dueDateNote: null,
    overdue: false,
    outcome: null,
    decisionReasons: null,
    correction: null,
    steps: [
      { status: '已提交', done: true, at: '2026-11-30T02:00:00.000Z', actor: '信用主体本人', dueDate: null, dueDateEstimated: false, overdue: false, note: null },
      { status: '核查中', done: false, at: null, actor: null, dueDate: '2026-12-07', dueDateEstimated: false, overdue: false, note: null },
      { status: '已办结', done: false, at: null, actor: null, dueDate: '2026-12-07', dueDateEstimated: false, overdue: false, note: null, outcome: null, outcomeLabel: null, reasons: null },
    ],
    attachments: [],
    ...overrides,
  }
}

/** What the server offers by state by default: the credit authority's intake, the department's decision once transferred. */
const ACTIONS_BY_STATUS: Record<OfficerObjection['status'], OfficerObjection['actions']> = {
  已提交: ['accept'], 核查中: ['transfer', 'decide'], 已转办: ['decide'], 已办结: [],
}

export function officerObjection(overrides: Partial<OfficerObjection> = {}, record: Partial<CreditRecordDetail> = {}): OfficerObjection {
  return {
    ...objection(),
    actions: ACTIONS_BY_STATUS[overrides.status ?? '已提交'],
    record: {
      id: 'rec-zhao-rent-arrears', kind: '合同履约', polarity: 'negative', severity: '一般', title: '拖欠公租房租金', content: '拖欠租金三个月',
      department: '杭州市住房保障和房产管理局', documentNo: '杭房〔2026〕1号', legalBasis: null, decisionDate: '2026-09-01', publicityStart: '2026-09-01',
      publicityEnd: '2027-09-01', status: '异议中', list: null, history: [], obligation: { duty: null, metOn: null, source: null }, ...record,
    },
    ...overrides,
  }
}
