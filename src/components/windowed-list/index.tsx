// A long list that keeps WeChat's page within its audit limits (< 1,000 nodes): items are grouped
// in chunks, and a chunk far from the visible area is replaced by one empty view of its measured
// height. The page keeps its own scrolling (pull-down refresh, reach-bottom paging keep working).
// Taro's VirtualList would need a fixed-height scroll-view and item heights known in advance.
import { View } from '@tarojs/components'
import Taro, { usePageScroll } from '@tarojs/taro'
import { Fragment, useEffect, useRef, useState, type ReactNode } from 'react'
import { chunkRanges, sameFlags, visibleChunks } from './window'
import './index.scss'

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
    scrollTop.current = top
    update()
  })

  // After the rendered chunks reach the screen, learn their heights (and where the list starts).
  const rendered = ranges.map((_, i) => shown[i] !== false).join()
  useEffect(() => {
    if (!ranges.length || typeof Taro.createSelectorQuery !== 'function') return
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

  // Runs of far-away chunks become one empty view each: the list's own children stay few however
  // long it grows (WeChat's audit: at most 60 children per node).
  const parts: ReactNode[] = []
  let gap = 0
  let gapFrom = 0
  const flushGap = () => {
    if (gap) parts.push(<View key={`${name}-gap-${gapFrom}`} className='windowed-list-gap' style={{ height: `${gap}px` }} />)
    gap = 0
  }
  ranges.forEach(([from, to], i) => {
    const height = heights.current[i]
    if (shown[i] === false && height) {
      if (!gap) gapFrom = i
      gap += height
      return
    }
    flushGap()
    parts.push(
      <View key={`${name}-${i}`} id={`${name}-${i}`} className='windowed-list-chunk'>
        {items.slice(from, to).map((item) => (
          <Fragment key={keyOf(item)}>{renderItem(item)}</Fragment>
        ))}
      </View>,
    )
  })
  flushGap()

  return (
    <View id={name} className='windowed-list'>
      {parts}
    </View>
  )
}
