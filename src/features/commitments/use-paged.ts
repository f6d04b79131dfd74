// A cursor-paged list (DESIGN §4: {items, nextCursor}): first page, 加载更多, and answers that
// arrive after the list was asked for again are dropped.
import { useCallback, useRef, useState } from 'react'
import { toApiError } from '../../services/api-error'
import type { Paged } from '../../services/commitments-api'

export interface PagedList<T> {
  items: T[]
  /** the first page has been answered (with items or not) */
  loaded: boolean
  loading: boolean
  hasMore: boolean
  error: string | null
  /** (re)loads the first page with this fetcher */
  load(fetchPage: (cursor: string | null) => Promise<Paged<T>>): Promise<void>
  loadMore(): Promise<void>
  clear(): void
}

export function usePaged<T>(): PagedList<T> {
  const [items, setItems] = useState<T[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [loaded, setLoaded] = useState(false)
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const generation = useRef(0)
  const fetcher = useRef<((cursor: string | null) => Promise<Paged<T>>) | null>(null)

  const run = useCallback(async (from: string | null, append: boolean) => {
    const fetchPage = fetcher.current
    if (!fetchPage) return
    const mine = ++generation.current
    setLoading(true)
    setError(null)
    try {
      const page = await fetchPage(from)
      if (mine !== generation.current) return
      setItems((prev) => (append ? [...prev, ...page.items] : page.items))
      setCursor(page.nextCursor)
      setLoaded(true)
    } catch (e) {
      if (mine !== generation.current) return
      setError(toApiError(e).message)
      if (!append) {
        setItems([])
        setCursor(null)
        setLoaded(false)
      }
    } finally {
      if (mine === generation.current) setLoading(false)
    }
  }, [])

  const load = useCallback(
    (fetchPage: (cursor: string | null) => Promise<Paged<T>>) => {
      fetcher.current = fetchPage
      return run(null, false)
    },
    [run],
  )

  const loadMore = useCallback(async () => {
    if (!cursor || loading) return
    await run(cursor, true)
  }, [cursor, loading, run])

  const clear = useCallback(() => {
    generation.current++
    fetcher.current = null
    setItems([])
    setCursor(null)
    setLoaded(false)
    setLoading(false)
    setError(null)
  }, [])

  return { items, loaded, loading, hasMore: Boolean(cursor), error, load, loadMore, clear }
}
