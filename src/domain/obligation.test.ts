import { fulfilmentLabel, obligationMet, proofFor } from './obligation'

describe('the obligation of a record', () => {
  it.each([
    [{ duty: null, metOn: null, source: null }, true, '无需履行'],
    [{ duty: '缴纳罚款 5,000 元', metOn: null, source: null }, false, '尚未查到履行记录'],
    [{ duty: '缴纳罚款 5,000 元', metOn: '2026-07-08', source: '部门推送' as const }, true, '已履行（2026-07-08，来源：部门推送）'],
    [{ duty: '停业整顿 15 日', metOn: '2026-11-30', source: '修复审核确认' as const }, true, '已履行（2026-11-30，来源：修复审核确认）'],
  ])('%j: met %s, shown as %s', (o, met, label) => {
    expect(obligationMet(o)).toBe(met)
    expect(fulfilmentLabel(o)).toBe(label)
  })

  it.each([
    ['缴纳罚款 5,000 元', '缴款凭证'],
    ['支付拖欠的农民工工资 1,230,000 元', '缴款凭证'],
    ['停业整顿 15 日', '整改完成证明'],
    [null, '缴款凭证、整改完成证明'],
  ])('the proof for %s is a %s', (duty, proof) => {
    expect(proofFor(duty)).toBe(proof)
  })
})
