import { render, screen } from '@testing-library/react'
import { catalog, lingyin, notFor } from '../../testing/fixtures'
import StandingCard from '.'

// The 待提升 persona (450, no list) as the server answers for them: every item 暂不符合.
const waiting = catalog({
  standing: {
    score: 450, level: '待提升', redList: [], blackList: [],
    incentives: { count: 0, total: 9, label: '暂无可享激励', reason: '当前信用等级“待提升”，各项激励最低需达到“良好”，或列入守信红名单' },
  },
  greenChannel: { eligible: false, reasons: ['近 3 年有 1 条失信记录，且未列入守信红名单'] },
  items: [notFor(lingyin, ['需信用等级达到“优秀”，当前“待提升”，或需列入守信红名单'])],
})

describe('the standing card badge', () => {
  it('when the 待提升 persona may use nothing, then it says 暂无可享激励 and why — never 可享守信激励', () => {
    render(<StandingCard catalog={waiting} />)
    expect(screen.getByText('暂无可享激励').className).toContain('tag-muted')
    expect(screen.getByText('当前信用等级“待提升”，各项激励最低需达到“良好”，或列入守信红名单')).toBeTruthy()
    expect(screen.queryByText('可享守信激励')).toBeNull()
    expect(screen.queryByText(/^可享 \d+ 项激励$/)).toBeNull()
  })

  it('when some items are open, then it says how many, in green, with no reason line', () => {
    render(<StandingCard catalog={catalog()} />)
    expect(screen.getByText('可享 3 项激励').className).toContain('tag-ok')
    expect(screen.queryByText(/最低需达到/)).toBeNull()
  })
})
