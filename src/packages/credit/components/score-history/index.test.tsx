import { render } from '@testing-library/react'
import ScoreHistory, { labelledBars } from '.'
import type { ScoreMonth } from '../../../../services/types'

const months = (scores: number[]): ScoreMonth[] =>
  scores.map((score, n) => ({ month: `2026-${String(n + 1).padStart(2, '0')}`, score, level: score >= 700 ? '优秀' : '良好' }) as ScoreMonth)

describe('score history labels', () => {
  it('when the score changes next to the last month, then only one of the two neighbours is labelled', () => {
    const scores = [680, 680, 680, 680, 680, 680, 680, 680, 680, 680, 700, 740]
    const { container } = render(<ScoreHistory items={months(scores)} />)
    const cols = Array.from(container.querySelectorAll('.history-col'))
    const labelledCols = cols.map((c, n) => (c.querySelector('.history-value') ? n : -1)).filter((n) => n >= 0)
    expect(labelledCols).toContain(11)
    expect(cols[11].querySelector('.history-value')!.textContent).toBe('740')
    for (let i = 1; i < labelledCols.length; i++) expect(labelledCols[i] - labelledCols[i - 1]).toBeGreaterThanOrEqual(2)
  })

  it('labels the first month, the last and each change that has room', () => {
    expect([...labelledBars([600, 600, 620, 620, 620, 650])].sort((a, b) => a - b)).toEqual([0, 2, 5])
    expect([...labelledBars([600, 610, 620])].sort((a, b) => a - b)).toEqual([0, 2])
    expect([...labelledBars([740])]).toEqual([0])
  })
})
