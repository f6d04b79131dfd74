import { checkEligibility, describeRule, greenChannel } from './eligibility'

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
