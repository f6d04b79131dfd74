import { checkEligibility, describeRule, greenChannel, summarizeEligibility } from './eligibility'

const good = { level: '良好' as const, onRedList: false, onBlackList: false }

describe('incentive eligibility', () => {
  it('a minimum level: met, and not met with the reason in plain Chinese', () => {
    const rule = { minLevel: '优秀' as const, redList: 'none' as const }
    expect(checkEligibility(rule, { ...good, level: '极好' })).toEqual({ eligible: true, reasons: ['信用等级“极好”符合要求'] })
    expect(checkEligibility(rule, good)).toEqual({ eligible: false, reasons: ['需信用等级达到“优秀”，当前“良好”'] })
  })

  it('the red list as an alternative to the level', () => {
    const rule = { minLevel: '优秀' as const, redList: 'alternative' as const }
    expect(checkEligibility(rule, { ...good, onRedList: true }).eligible).toBe(true)
    expect(checkEligibility(rule, good).reasons).toEqual(['需信用等级达到“优秀”，当前“良好”，或需列入守信红名单'])
  })

  it('the red list as a requirement', () => {
    const rule = { minLevel: null, redList: 'required' as const }
    expect(checkEligibility(rule, { ...good, level: '极好' })).toEqual({ eligible: false, reasons: ['需列入守信红名单'] })
    expect(checkEligibility(rule, { ...good, onRedList: true }).eligible).toBe(true)
  })

  it('a subject on a 严重失信 list is excluded whatever else holds', () => {
    const rule = { minLevel: null, redList: 'none' as const }
    expect(checkEligibility(rule, { level: '极好', onRedList: true, onBlackList: true })).toEqual({
      eligible: false, reasons: ['已被列入严重失信主体名单，依规不能享受守信激励'],
    })
  })

  it('describes each rule for the catalog', () => {
    expect(describeRule({ minLevel: '优秀', redList: 'alternative' })).toBe('信用等级达到“优秀”及以上，或列入守信红名单')
    expect(describeRule({ minLevel: null, redList: 'none' })).toBe('无严重失信记录的用户均可享受')
  })
})

describe('绿色通道 / 容缺受理', () => {
  const today = '2026-11-22'
  it('the red list qualifies', () => {
    expect(greenChannel({ ...good, onRedList: true }, [{ decisionDate: '2026-01-01', status: '公示中' }], today).eligible).toBe(true)
  })
  it('three years without a negative record qualifies; one inside the window does not', () => {
    expect(greenChannel(good, [{ decisionDate: '2023-11-22', status: '已到期' }], today).eligible).toBe(true)
    expect(greenChannel(good, [{ decisionDate: '2023-11-23', status: '已到期' }], today)).toEqual({
      eligible: false, reasons: ['近 3 年有 1 条失信记录，且未列入守信红名单'],
    })
  })
  it('revoked, corrected and contested entries do not count', () => {
    for (const status of ['已撤销', '已更正', '异议中']) expect(greenChannel(good, [{ decisionDate: '2026-10-01', status }], today).eligible).toBe(true)
  })
})

describe('the standing badge (summarizeEligibility)', () => {
  const rules = [
    { minLevel: '优秀' as const, redList: 'alternative' as const },
    { minLevel: '良好' as const, redList: 'alternative' as const },
    { minLevel: null, redList: 'required' as const },
  ]

  it('counts the items the subject may use, by the same rule as each item', () => {
    expect(summarizeEligibility(rules, good)).toEqual({ count: 1, total: 3, label: '可享 1 项激励', reason: null })
    expect(summarizeEligibility(rules, { ...good, onRedList: true }).label).toBe('可享 3 项激励')
  })

  it('when a 待提升 subject gets nothing: 暂无可享激励 with the easiest level asked for', () => {
    expect(summarizeEligibility(rules, { ...good, level: '待提升' })).toEqual({
      count: 0, total: 3, label: '暂无可享激励', reason: '当前信用等级“待提升”，各项激励最低需达到“良好”，或列入守信红名单',
    })
  })

  it('a 严重失信 subject: 不能享受激励 with the reason', () => {
    const s = summarizeEligibility(rules, { level: '极好', onRedList: true, onBlackList: true })
    expect([s.count, s.label, s.reason]).toEqual([0, '不能享受激励', '已被列入严重失信主体名单，依规不能享受守信激励'])
  })

  it('an enterprise sees that personal items need the personal identity', () => {
    const ent = { level: '极好' as const, onRedList: true, onBlackList: false, subjectKind: 'enterprise' as const }
    expect(checkEligibility(rules[1], ent)).toEqual({ eligible: false, reasons: ['该激励面向个人，企业身份不能领取，请切换为本人身份'] })
    expect(summarizeEligibility(rules, ent)).toEqual({ count: 0, total: 3, label: '暂无可享激励', reason: '现有激励均面向个人，请切换为本人身份查看和领取' })
    expect(checkEligibility({ ...rules[1], audience: 'enterprise' }, ent).eligible).toBe(true)
  })
})
