import { chunkRanges, visibleChunks } from './window'

describe('windowed list', () => {
  it('splits 25 items into chunks of 10', () => {
    expect(chunkRanges(25, 10)).toEqual([[0, 10], [10, 20], [20, 25]])
    expect(chunkRanges(0, 10)).toEqual([])
  })

  it('renders chunks not measured yet', () => {
    expect(visibleChunks([undefined, undefined], 0, 5000, 800)).toEqual([true, true])
  })

  it('renders what lies within a screen above and two below, placeholders elsewhere', () => {
    const heights = Array.from({ length: 20 }, () => 1000) // chunk i spans [200 + 1000 i, 200 + 1000 (i + 1)]
    const at = (scrollTop: number) => visibleChunks(heights, 200, scrollTop, 800).flatMap((v, i) => (v ? [i] : []))
    expect(at(0)).toEqual([0, 1])
    expect(at(10_000)).toEqual([9, 10, 11])
    expect(at(19_500)).toEqual([18, 19])
  })

  it('a chunk still unmeasured after measured ones renders', () => {
    expect(visibleChunks([1000, 1000, undefined], 0, 0, 300)).toEqual([true, false, true])
  })
})
