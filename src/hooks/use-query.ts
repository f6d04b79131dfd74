// One piece of server data for a page, through the query cache: shown at once when the cache has
// it (and fetched again behind it), fetched again when a mutation invalidates one of its topics —
// now if the page is mounted, when it is next shown otherwise — and no stale answer ever
// overwrites a newer one (the user switched subject meanwhile).
import { useDidShow } from '@tarojs/taro'
import { useCallback, useLayoutEffect, useRef, useSyncExternalStore } from 'react'
import { fetchQuery, readQuery, setQueryFetcher, watchQuery, type Topic } from '../services/query/cache'

export interface Query<T> {
  status: 'idle' | 'loading' | 'ready' | 'error'
  data: T | null
  /** first-load error, or the last refresh error (the data stays) */
  error: string | null
  /** HTTP status of the last error (404: gone or not the user's), 0 for network errors */
  errorStatus: number
  /** loads again; keeps the data on screen while it does unless `reset` */
  reload(opts?: { reset?: boolean }): Promise<void>
}

export interface QueryOptions {
  /** what the data is about: `invalidate(topic)` refetches it */
  topics?: readonly Topic[]
  /** fetch again every time the page is shown again (data that changes elsewhere, e.g. at a gate) */
  refetchOnShow?: boolean
}

const noop = () => () => undefined
const NO_TOPICS: readonly Topic[] = []

/** `key` names what to load (include the acting subject): a new key shows that key's data; null loads nothing. */
export function useQuery<T>(key: string | null, fetcher: () => Promise<T>, opts: QueryOptions = {}): Query<T> {
  const topics = opts.topics ?? NO_TOPICS
  const latest = useRef(fetcher)
  latest.current = fetcher
  // the cache calls the fetcher of the latest render
  const stable = useCallback(() => latest.current(), [])

  const subscribe = useCallback((fn: () => void) => (key === null ? noop() : watchQuery(key, fn)), [key])
  const entry = useSyncExternalStore(subscribe, () => (key === null ? undefined : readQuery<T>(key)))

  // A layout effect: the request leaves while React commits the page, not after the first paint.
  useLayoutEffect(() => {
    if (key === null) return
    setQueryFetcher(key, stable, topics)
    // Cached data shows at once and is fetched again behind it (a fetch under way is reused).
    void fetchQuery(key, stable, { topics })
  }, [key, stable, topics.join(',')]) // eslint-disable-line react-hooks/exhaustive-deps

  // Invalidated while hidden, or forgotten (log out): fetch when it is on screen again.
  const stale = Boolean(entry?.stale && !entry.fetching)
  useLayoutEffect(() => {
    if (key !== null && stale) void fetchQuery(key, stable, { topics })
  }, [key, stale]) // eslint-disable-line react-hooks/exhaustive-deps

  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current && key !== null) {
      const e = readQuery(key)
      if (opts.refetchOnShow || !e || e.stale) void fetchQuery(key, stable, { topics, force: true })
    }
    shown.current = true
  })

  const reload = useCallback(
    (o?: { reset?: boolean }) => (key === null ? Promise.resolve() : fetchQuery(key, stable, { topics, reset: Boolean(o?.reset), force: true })),
    [key, stable, topics.join(',')], // eslint-disable-line react-hooks/exhaustive-deps
  )

  if (key === null) return { status: 'idle', data: null, error: null, errorStatus: 0, reload }
  if (!entry) return { status: 'loading', data: null, error: null, errorStatus: 0, reload }
  return { status: entry.status, data: entry.data ?? null, error: entry.error, errorStatus: entry.errorStatus, reload }
}
