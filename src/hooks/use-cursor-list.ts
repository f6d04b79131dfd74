// A cursor-paged list for a page (DESIGN §4 { items, nextCursor }): the first page, more pages as
// the user scrolls, refresh, and errors for each. Pages stay small (the server's 20), so every
// render sends only the new rows to the mini-program, never the whole list at once. A list about a
// topic starts over (keeping its rows on screen) when a mutation invalidates that topic.
import { useCallback, useEffect, useRef, useState } from 'react'
import { toApiError } from '../services/api-error'
import { onInvalidate, type Topic } from '../services/query/cache'
import type { Page } from '../services/types'

export interface CursorList<T> {
  status: 'idle' | 'loading' | 'ready' | 'error'
  items: T[]
  /** first-page error (the list is empty) or last refresh error (the list stays) */
  error: string | null
  /** HTTP status of that error (400: the request itself was refused), 0 for network errors */
  errorStatus: number
  hasMore: boolean
  loadingMore: boolean
  moreError: string | null
  loadMore(): Promise<void>
  refresh(): Promise<void>
}

interface State<T> {
  status: CursorList<T>['status']
  items: T[]
  cursor: string | null
  error: string | null
  errorStatus: number
  loadingMore: boolean
  moreError: string | null
}

const initial = <T,>(status: State<T>['status']): State<T> => ({ status, items: [], cursor: null, error: null, errorStatus: 0, loadingMore: false, moreError: null })

export interface CursorQueryOptions {
  /** what the list is about: `invalidate(topic)` loads it again from the first page */
  topics?: readonly Topic[]
}

/** `key` names the list (subject + filters): a new key starts over; null loads nothing. */
export function useCursorQuery<T>(key: string | null, fetchPage: (cursor: string | null) => Promise<Page<T>>, opts: CursorQueryOptions = {}): CursorList<T> {
  const [state, setState] = useState<State<T>>(() => initial(key ? 'loading' : 'idle'))
  const stateRef = useRef(state)
  stateRef.current = state
  const generation = useRef(0)
  const fetcher = useRef(fetchPage)
  fetcher.current = fetchPage

  const first = useCallback(async (keepItems: boolean) => {
    const mine = ++generation.current
    setState((s) => (keepItems && s.items.length ? { ...s, error: null, errorStatus: 0, moreError: null, loadingMore: false } : initial('loading')))
    try {
      const page = await fetcher.current(null)
      if (mine === generation.current) setState({ ...initial('ready'), items: page.items, cursor: page.nextCursor })
    } catch (e) {
      if (mine !== generation.current) return
      const { message: error, status: errorStatus } = toApiError(e)
      setState((s) => (keepItems && s.items.length ? { ...s, error, errorStatus } : { ...initial('error'), error, errorStatus }))
    }
  }, [])

  useEffect(() => {
    if (key === null) {
      generation.current++
      setState(initial('idle'))
      return
    }
    void first(false)
  }, [key, first])

  const topics = (opts.topics ?? []).join(',')
  useEffect(() => {
    if (key === null || !topics) return
    return onInvalidate(topics.split(',') as Topic[], () => void first(true))
  }, [key, topics, first])

  const loadMore = useCallback(async () => {
    const s = stateRef.current
    if (s.status !== 'ready' || !s.cursor || s.loadingMore) return
    const mine = generation.current
    stateRef.current = { ...s, loadingMore: true }
    setState((prev) => ({ ...prev, loadingMore: true, moreError: null }))
    try {
      const page = await fetcher.current(s.cursor)
      if (mine === generation.current) {
        setState((prev) => ({ ...prev, items: [...prev.items, ...page.items], cursor: page.nextCursor, loadingMore: false }))
      }
    } catch (e) {
      if (mine === generation.current) setState((prev) => ({ ...prev, loadingMore: false, moreError: toApiError(e).message }))
    }
  }, [])

  const refresh = useCallback(() => (key === null ? Promise.resolve() : first(true)), [key, first])

  return {
    status: state.status,
    items: state.items,
    error: state.error,
    errorStatus: state.errorStatus,
    hasMore: Boolean(state.cursor),
    loadingMore: state.loadingMore,
    moreError: state.moreError,
    loadMore,
    refresh,
  }
}

/** The same hook under the name the older pages use. */
export const useCursorList = useCursorQuery
