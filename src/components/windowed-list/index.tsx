// A long list that keeps WeChat's page within its audit limits (< 1,000 nodes): items are grouped
// in chunks, and a chunk far from the visible area is replaced by one empty view of its measured
// height. The page keeps its own scrolling (pull-down refresh, reach-bottom paging keep working).
// Taro's VirtualList would need a fixed-height scroll-view and item heights known in advance.
// Only the mini-program windows its lists: the node limit is WeChat's, and a browser keeps 200
// cards without trouble.
import { View } from '@tarojs/components'
import Taro, { usePageScroll } from '@tarojs/taro'
import { Fragment, useEffect, useRef, useState, type ReactNode } from 'react'
import { isWeapp } from '../../platform/env'
import { chunkRanges, sameFlags, visibleChunks } from './window'
import './index.scss'

/** chunks per group view */
const GROUP = 10

interface Props<T> {
  /** unique on the page: the chunks' ids start with it */
  name: string
  items: T[]
  keyOf(item: T): string
  renderItem(item: T): ReactNode
  chunkSize?: number
}

interface Rect {
  top: number
  height: number
}

function viewportHeight(): number {
  const info = typeof Taro.getWindowInfo === 'function' ? Taro.getWindowInfo() : undefined
  return info?.windowHeight || 800
}

export default function WindowedList<T>({ name, items, keyOf, renderItem, chunkSize = 10 }: Props<T>) {
  const ranges = chunkRanges(items.length, chunkSize)
  const heights = useRef<(number | undefined)[]>([])
  const listTop = useRef(0)
  const scrollTop = useRef(0)
  const [shown, setShown] = useState<boolean[]>([])

  const update = () => {
    const next = visibleChunks(ranges.map((_, i) => heights.current[i]), listTop.current, scrollTop.current, viewportHeight())
    setShown((prev) => (sameFlags(prev, next) ? prev : next))
  }

  usePageScroll(({ scrollTop: top }) => {
    if (!isWeapp) return
    scrollTop.current = top
    update()
  })

  // After the rendered chunks reach the screen, learn their heights (and where the list starts).
  const rendered = ranges.map((_, i) => shown[i] !== false).join()
  useEffect(() => {
    if (!isWeapp || !ranges.length || typeof Taro.createSelectorQuery !== 'function') return
    let live = true
    Taro.nextTick(() => {
      const query = Taro.createSelectorQuery()
      if (!live || !query) return
      const ids = ranges.map((_, i) => i).filter((i) => shown[i] !== false)
      query.select(`#${name}`).boundingClientRect()
      for (const i of ids) query.select(`#${name}-${i}`).boundingClientRect()
      query.selectViewport().scrollOffset()
      query.exec((res: (Rect & { scrollTop?: number })[] | null) => {
        if (!live || !res || res.length !== ids.length + 2) return
        const offset = res[res.length - 1]?.scrollTop ?? 0
        if (res[0]) listTop.current = res[0].top + offset
        ids.forEach((chunk, n) => {
          const h = res[n + 1]?.height
          if (h) heights.current[chunk] = h
        })
        update()
      })
    })
    return () => {
      live = false
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [items.length, rendered])

  // Every chunk keeps its place among its siblings (a far-away one just empties into a spacer):
  // Taro then sends only that chunk, where an inserted or removed sibling resends every sibling.
  // Chunks sit in groups of GROUP, so no view has more than GROUP children (WeChat's audit: ≤ 60)
  // until the list is GROUP × GROUP chunks long.
  const chunk = (i: number) => {
    const [from, to] = ranges[i]
    const height = heights.current[i]
    if (shown[i] === false && height) return <View key={`${name}-${i}`} className='windowed-list-gap' style={{ height: `${height}px` }} />
    return (
      <View key={`${name}-${i}`} id={`${name}-${i}`} className='windowed-list-chunk'>
        {items.slice(from, to).map((item) => (
          <Fragment key={keyOf(item)}>{renderItem(item)}</Fragment>
        ))}
      </View>
    )
  }
  const groups: ReactNode[] = []
  for (let g = 0; g * GROUP < ranges.length; g++) {
    const members = ranges.slice(g * GROUP, (g + 1) * GROUP).map((_, n) => chunk(g * GROUP + n))
    groups.push(
      <View key={`${name}-g${g}`} className='windowed-list-group'>
        {members}
      </View>,
    )
  }

  return (
    <View id={name} className='windowed-list'>
      {groups}
    </View>
  )
}
