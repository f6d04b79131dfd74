import { levelAtLeast, levelOf } from './level'

describe('credit level thresholds', () => {
  it.each([
    [1000, '极好'], [750, '极好'], [749, '优秀'], [700, '优秀'], [699, '良好'],
    [600, '良好'], [599, '一般'], [550, '一般'], [549, '待提升'], [0, '待提升'],
  ])('%p → %s', (score, level) => {
    expect(levelOf(score as number)).toBe(level)
  })

  it('clamps scores outside 0–1000', () => {
    expect(levelOf(5000)).toBe('极好')
    expect(levelOf(-20)).toBe('待提升')
  })

  it('compares levels', () => {
    expect(levelAtLeast('极好', '优秀')).toBe(true)
    expect(levelAtLeast('良好', '优秀')).toBe(false)
    expect(levelAtLeast('优秀', '优秀')).toBe(true)
  })
})
