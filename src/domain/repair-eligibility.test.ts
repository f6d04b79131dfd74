import { proofRequired, repairableFrom, repairEligibility, type RepairCase } from './repair-eligibility'
import type { Severity } from './policy'
import type { ScoredRecord } from './score'

function negative(severity: Severity, decisionDate: string, extra: Partial<ScoredRecord> = {}): ScoredRecord & { decisionDate: string } {
  return {
    id: 'r1', kind: '行政处罚', polarity: 'negative', severity, status: '公示中', title: '行政处罚决定书', documentNo: '杭上消行罚决字〔2026〕0128号',
    publicityStart: decisionDate, publicityEnd: '2099-12-31', listKind: null, decisionDate, ...extra,
  }
}

function repairCase(record: RepairCase['record'], extra: Partial<RepairCase> = {}): RepairCase {
  return { record, repairable: true, obligationMet: true, hoursRequired: 0, hoursConfirmed: 0, openObjection: false, openApplication: false, lastRejection: null, ...extra }
}

const check = (c: RepairCase, today: string) => repairEligibility(c, [c.record], today)

describe('when a record can be repaired, by class and date', () => {
  it.each([
    // class, decision date, the first day, the day before
    ['一般', '2026-05-31', '2026-08-31', '2026-08-30'],
    ['一般', '2026-08-31', '2026-11-30', '2026-11-29'], // month end: 31 August → 30 November
    ['一般', '2025-11-30', '2026-02-28', '2026-02-27'],
    ['一般', '2023-11-29', '2024-02-29', '2024-02-28'], // into a leap February
    ['严重', '2024-02-29', '2025-02-28', '2025-02-27'], // 29 February → 28 February
    ['严重', '2025-03-15', '2026-03-15', '2026-03-14'],
    ['一般', '2026-01-31', '2026-04-30', '2026-04-29'], // month end into a 30-day month
    ['严重', '2023-02-28', '2024-02-28', '2024-02-27'], // a year into a leap year: not moved to the 29th
  ] as const)('%s decided on %s: repairable from %s, not on %s', (severity, decided, first, dayBefore) => {
    expect(repairableFrom(severity, decided)).toBe(first)
    const c = repairCase(negative(severity, decided))
    expect(check(c, dayBefore)).toMatchObject({ state: 'later', eligibleFrom: first })
    expect(check(c, dayBefore).missing[0]).toContain(`${first} 起可申请`)
    expect(check(c, first)).toMatchObject({ state: 'eligible', eligibleFrom: first, missing: [] })
  })

  it('轻微: repairable on the day of the decision once the obligation is met', () => {
    const r = negative('轻微', '2026-11-02')
    expect(check(repairCase(r), '2026-11-02')).toMatchObject({ state: 'eligible', eligibleFrom: '2026-11-02', missing: [], obligationMet: true })
  })
})

describe('the obligation: fulfilment not on record', () => {
  const minor = negative('轻微', '2026-11-02')
  const unpaid = (extra: Partial<RepairCase> = {}) => repairCase(minor, { obligationMet: false, obligation: '缴纳罚款 5,000 元', ...extra })

  it('is the only thing missing: the application may be filed with the proof (the national procedure)', () => {
    expect(check(unpaid(), '2026-11-02')).toMatchObject({
      state: 'eligible', obligationMet: false,
      missing: ['尚未查到履行记录：请先履行“缴纳罚款 5,000 元”，申请时上传缴款凭证等履行证明'],
    })
  })

  it.each([
    ['停业整顿 15 日', '尚未查到履行记录：请先履行“停业整顿 15 日”，申请时上传整改完成证明等履行证明'],
    [null, '尚未查到履行记录：请先履行法定义务（如缴清罚款、完成整改），申请时上传缴款凭证、整改完成证明等履行证明'],
  ])('names the duty (%s) and the proof that fits it', (duty, text) => {
    expect(check(unpaid({ obligation: duty }), '2026-11-02').missing).toEqual([text])
  })

  it.each([
    ['the waiting time', repairCase(negative('一般', '2026-10-01'), { obligationMet: false }), '2026-12-31', /2027-01-01 起可申请/],
    ['hours short by one', unpaid({ hoursRequired: 10, hoursConfirmed: 9 }), '2026-11-02', /还需参加公益服务 1 小时/],
    ['an open objection', unpaid({ openObjection: true }), '2026-11-02', /有正在办理的异议/],
    ['an open application', unpaid({ openApplication: true }), '2026-11-02', /已有一份修复申请正在办理/],
    ['an unfixed rejection', unpaid({ lastRejection: { reasons: '缴款凭证不清晰', fixed: false } }), '2026-11-02', /上次申请未通过/],
  ] as const)('with anything else missing (%s) it blocks: later, both items listed', (_what, c, today, other) => {
    const e = check(c, today)
    expect(e.state).toBe('later')
    expect(e.missing).toHaveLength(2)
    expect(e.missing.some((m) => other.test(m))).toBe(true)
    expect(e.missing.some((m) => m.startsWith('尚未查到履行记录'))).toBe(true)
  })

  it('fulfilment on record (or nothing owed): nothing about the obligation is missing', () => {
    expect(check(unpaid({ obligationMet: true }), '2026-11-02')).toMatchObject({ state: 'eligible', missing: [], obligationMet: true })
    expect(check(repairCase(minor, { obligation: null }), '2026-11-02').missing).toEqual([])
  })

  it('the application carries proof only while fulfilment is not on record (met by 部门推送, or nothing owed: none needed)', () => {
    expect(proofRequired(check(unpaid(), '2026-11-02'))).toBe(true)
    expect(proofRequired(check(unpaid({ obligationMet: true }), '2026-11-02'))).toBe(false)
    expect(proofRequired(check(repairCase(minor, { obligation: null }), '2026-11-02'))).toBe(false)
  })
})

describe('what else is missing', () => {
  const r = negative('一般', '2026-01-10')
  const today = '2026-11-30'

  it('public-service hours short by one', () => {
    const e = check(repairCase(r, { hoursRequired: 10, hoursConfirmed: 9 }), today)
    expect(e).toMatchObject({ state: 'later', hoursRequired: 10, hoursConfirmed: 9 })
    expect(e.missing).toEqual(['还需参加公益服务 1 小时（已确认 9 / 需 10 小时）'])
    expect(check(repairCase(r, { hoursRequired: 10, hoursConfirmed: 10 }), today).state).toBe('eligible')
    expect(check(repairCase(r, { hoursRequired: 10, hoursConfirmed: 12.5 }), today).state).toBe('eligible')
  })

  it('严重: 20 hours, short by one until the last hour is confirmed', () => {
    const serious = negative('严重', '2025-01-10')
    expect(check(repairCase(serious, { hoursRequired: 20, hoursConfirmed: 19 }), today).missing).toEqual(['还需参加公益服务 1 小时（已确认 19 / 需 20 小时）'])
    expect(check(repairCase(serious, { hoursRequired: 20, hoursConfirmed: 20 }), today).state).toBe('eligible')
  })

  it('an open objection comes first', () => {
    const e = check(repairCase(r, { openObjection: true }), today)
    expect(e.state).toBe('later')
    expect(e.missing).toEqual(['该记录有正在办理的异议，办结后才能申请修复'])
  })

  it('an application already under way', () => {
    expect(check(repairCase(r, { openApplication: true }), today).missing).toEqual(['已有一份修复申请正在办理，请等待结果'])
  })

  it('a rejected application may be made again once its reason is fixed', () => {
    const rejected = { reasons: '履行证明不清晰', fixed: false }
    expect(check(repairCase(r, { lastRejection: rejected }), today)).toMatchObject({ state: 'later', missing: ['上次申请未通过：履行证明不清晰。补正后可再次申请'] })
    expect(check(repairCase(r, { lastRejection: { ...rejected, fixed: true } }), today).state).toBe('eligible')
  })

  it('lists everything at once, in the order a person would deal with it', () => {
    const e = check(repairCase(negative('一般', '2026-10-01'), { obligationMet: false, hoursRequired: 10, hoursConfirmed: 0 }), today)
    expect(e.missing).toEqual([
      '一般失信信息需公示满 3 个月，2027-01-01 起可申请',
      '尚未查到履行记录：请先履行法定义务（如缴清罚款、完成整改），申请时上传缴款凭证、整改完成证明等履行证明',
      '还需参加公益服务 10 小时（已确认 0 / 需 10 小时）',
    ])
  })
})

describe('never', () => {
  const today = '2026-11-30'
  it.each([
    ['a kind the law makes unrepairable', repairCase(negative('严重', '2024-01-01'), { repairable: false }), '依照法律、法规规定，该类失信信息不予修复'],
    ['a record already repaired', repairCase(negative('一般', '2026-01-01', { status: '已修复' })), '该记录已修复，无需再次申请'],
    ['a revoked record', repairCase(negative('一般', '2026-01-01', { status: '已撤销' })), '该记录已撤销，不再公示'],
    ['a record out of publicity', repairCase(negative('一般', '2025-01-01', { publicityEnd: '2026-01-01' })), '该记录公示期已满，已停止公示，无需修复'],
    ['a positive record', repairCase({ ...negative('一般', '2026-01-01'), polarity: 'positive', severity: null }), '守信记录无需修复'],
  ])('%s', (_what, c, reason) => {
    expect(check(c, today)).toMatchObject({ state: 'never', eligibleFrom: null, missing: [reason] })
  })
})

describe('the score after repair', () => {
  it('is the score without this record, computed by the same function as the real outcome', () => {
    const fine = negative('一般', '2026-01-10')
    const other = { ...negative('轻微', '2026-11-01'), id: 'r2' }
    const e = repairEligibility(repairCase(fine), [fine, other], '2026-11-30')
    expect(e.scoreNow).toBe(600 - 50 - 20)
    expect(e.scoreAfter).toBe(600 - 20)
  })

  it('a record under objection does not count now, and repair changes nothing until it is decided', () => {
    const fine = negative('一般', '2026-01-10', { status: '异议中' })
    const e = repairEligibility(repairCase(fine, { openObjection: true }), [fine], '2026-11-30')
    expect(e.scoreNow).toBe(600)
    expect(e.scoreAfter).toBe(600)
  })
})
