// Which chunks of a long list to render: those within a screen above and two screens below the
// visible area. A chunk not measured yet always renders (it has just been added, or nothing was
// measured — jest, a platform without layout): its height is learnt once it is on screen, and from
// then on a placeholder of that height stands in for it while it is far away, so nothing moves.

/** Chunk i of `count` items, `size` per chunk. */
export function chunkRanges(count: number, size: number): [number, number][] {
  const ranges: [number, number][] = []
  for (let from = 0; from < count; from += size) ranges.push([from, Math.min(from + size, count)])
  return ranges
}

/**
 * @param heights measured height of each chunk in px (undefined: not measured yet)
 * @param listTop the list's top in page coordinates (px)
 * @param scrollTop the page's scroll offset (px)
 * @param viewport the window's height (px)
 * @returns for each chunk, whether it renders
 */
export function visibleChunks(heights: (number | undefined)[], listTop: number, scrollTop: number, viewport: number): boolean[] {
  const from = scrollTop - viewport
  const to = scrollTop + 2 * viewport
  let top = listTop
  return heights.map((h) => {
    if (h === undefined) return true
    const bottom = top + h
    const show = bottom > from && top < to
    top = bottom
    return show
  })
}

export const sameFlags = (a: boolean[], b: boolean[]) => a.length === b.length && a.every((v, i) => v === b[i])
