import { addMonths, publicityEnd } from './publicity'

describe('publicity period', () => {
  it('adds calendar months and clamps to the month end', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28')
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28')
    expect(addMonths('2026-11-22', 3)).toBe('2027-02-22')
  })
  it('uses the maximum period of the severity class for negative records', () => {
    expect(publicityEnd('negative', '轻微', '2026-01-10')).toBe('2026-04-10')
    expect(publicityEnd('negative', '一般', '2026-01-10')).toBe('2027-01-10')
    expect(publicityEnd('negative', '严重', '2026-01-10')).toBe('2029-01-10')
  })
  it('keeps positive records public for 36 months', () => {
    expect(publicityEnd('positive', null, '2026-01-10')).toBe('2029-01-10')
  })
})
