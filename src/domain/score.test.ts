import { computeScore, SERVICE_HOURS_FACTOR, type ScoredRecord } from './score'

const today = '2026-11-22'
const rec = (over: Partial<ScoredRecord>): ScoredRecord => ({
  id: 'r', kind: '行政处罚', polarity: 'negative', severity: '一般', status: '公示中', title: '行政处罚决定书',
  documentNo: '〔2026〕12号', publicityStart: '2026-06-01', publicityEnd: '2027-03-01', listKind: null, ...over,
})

describe('credit score', () => {
  it('a subject with no records has the base score and level 良好', () => {
    expect(computeScore([], today)).toMatchObject({ score: 600, level: '良好', factors: [] })
  })

  it('deducts by severity and explains each point with the record behind it', () => {
    const r = computeScore([rec({ id: 'a' })], today)
    expect(r.score).toBe(550)
    expect(r.level).toBe('一般')
    expect(r.factors).toEqual([{ recordId: 'a', points: -50, reason: '因“行政处罚决定书”（〔2026〕12号）减 50 分，公示期到 2027 年 3 月 1 日，期满后不再扣分' }])
  })

  it('verified self-registered information adds 5 points each, for at most 4 entries', () => {
    const six = Array.from({ length: 6 }, (_, i) => rec({ id: `v${i}`, polarity: 'positive', severity: null, kind: '自愿注册' }))
    const r = computeScore(six, today)
    expect(r.score).toBe(600 + 4 * 5)
    expect(r.excluded.map((e) => e.recordId)).toEqual(['v4', 'v5'])
    expect(r.excluded[0].reason).toBe('自愿注册信息最多计 4 条，本条不再加分')
  })

  it('hand-computed mix: red list + volunteer − 轻微 − 严重 on the black list', () => {
    const r = computeScore(
      [
        rec({ id: 'red', polarity: 'positive', severity: null, kind: '表彰奖励', listKind: 'red' }), // +60
        rec({ id: 'vol', polarity: 'positive', severity: null, kind: '志愿服务' }), // +20
        rec({ id: 'minor', severity: '轻微' }), // −20
        rec({ id: 'black', severity: '严重', kind: '失信被执行人', listKind: 'black' }), // −150 −100
      ],
      today,
    )
    expect(r.score).toBe(600 + 60 + 20 - 20 - 250)
    expect(r.level).toBe('待提升')
    expect(r.factors.map((f) => f.points)).toEqual([60, 20, -20, -250])
  })

  it('an entry under objection is suspended and does not count against the subject', () => {
    const r = computeScore([rec({ id: 'obj', status: '异议中' })], today)
    expect(r.score).toBe(600)
    expect(r.excluded).toEqual([{ recordId: 'obj', reason: '异议核查中，暂不计分' }])
  })

  it('counts an entry on the last day of publicity and not the day after', () => {
    const r = rec({ publicityEnd: today })
    expect(computeScore([r], today).score).toBe(550)
    expect(computeScore([r], '2026-11-23').score).toBe(600)
  })

  it('does not count repaired, revoked or expired entries, nor entries not yet public', () => {
    for (const status of ['已修复', '已撤销', '已更正', '已到期']) expect(computeScore([rec({ status })], today).score).toBe(600)
    expect(computeScore([rec({ publicityStart: '2026-12-01' })], today).score).toBe(600)
  })

  it('clamps to 0 and 1000', () => {
    const many = (n: number, over: Partial<ScoredRecord>) => Array.from({ length: n }, (_, i) => rec({ ...over, id: String(i) }))
    expect(computeScore(many(10, { severity: '严重', listKind: 'black' }), today).score).toBe(0)
    expect(computeScore(many(20, { polarity: 'positive', severity: null, listKind: 'red' }), today)).toMatchObject({ score: 1000, level: '极好' })
  })

  it('confirmed public-service hours add a factor with diminishing returns (20 h → 20, 30 h → 25), none for 0 h', () => {
    expect(computeScore([rec({ id: 'a' })], today, 0).factors.map((f) => f.recordId)).toEqual(['a'])
    const twenty = computeScore([rec({ id: 'a' })], today, 20)
    expect(twenty.score).toBe(570)
    expect(twenty.factors[1]).toMatchObject({ recordId: SERVICE_HOURS_FACTOR, points: 20 })
    expect(twenty.factors[1].reason).toMatch(/^公益服务 20 小时，加 20 分/)
    expect(computeScore([], today, 30).score).toBe(625)
    expect(computeScore([], today, 0.5).score).toBe(600)
  })
})
