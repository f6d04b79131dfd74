// Deprecated: use useQuery (src/hooks/use-query.ts), which caches by key and refetches on
// invalidation. Kept only so pages written before it still build; no page of this branch uses it.
// One piece of server data for a page: loading / ready / error, a reload for 重试 and pull to
// refresh, and no stale answer ever overwrites a newer one (the user switched subject meanwhile).
import { useCallback, useLayoutEffect, useRef, useState } from 'react'
import { toApiError } from '../services/api-error'

export interface Remote<T> {
  status: 'idle' | 'loading' | 'ready' | 'error'
  data: T | null
  error: string | null
  /** HTTP status of the last error (404: gone or not the user's), 0 for network errors */
  errorStatus: number
  /** loads again; keeps the data on screen while it does unless `reset` */
  reload(opts?: { reset?: boolean }): Promise<void>
}

/** `key` names what to load: a new key drops the old data and loads; null loads nothing. */
export function useRemote<T>(key: string | null, load: () => Promise<T>): Remote<T> {
  const [state, setState] = useState<Omit<Remote<T>, 'reload'>>({ status: key ? 'loading' : 'idle', data: null, error: null, errorStatus: 0 })
  const generation = useRef(0)
  const loader = useRef(load)
  loader.current = load

  const run = useCallback(async (reset: boolean) => {
    const mine = ++generation.current
    setState((s) => {
      if (!reset && s.data) return s
      // Already the loading state (the first load): keep it, no render for nothing.
      if (s.status === 'loading' && s.data === null && s.error === null) return s
      return { status: 'loading', data: null, error: null, errorStatus: 0 }
    })
    try {
      const data = await loader.current()
      if (mine === generation.current) setState({ status: 'ready', data, error: null, errorStatus: 0 })
    } catch (e) {
      if (mine !== generation.current) return
      const { message: error, status: errorStatus } = toApiError(e)
      // A failed refresh keeps what is on screen; a failed first load shows the error.
      setState((s) => (s.data && !reset ? { ...s, error, errorStatus } : { status: 'error', data: null, error, errorStatus }))
    }
  }, [])

  // A layout effect: the request leaves while React commits the page, not after the browser's
  // first paint and the components' set-up, which on a slow phone hold a passive effect back by
  // a long task or two.
  useLayoutEffect(() => {
    if (key === null) {
      generation.current++
      setState((s) => (s.status === 'idle' && s.data === null && s.error === null ? s : { status: 'idle', data: null, error: null, errorStatus: 0 }))
      return
    }
    void run(true)
  }, [key, run])

  const reload = useCallback((opts?: { reset?: boolean }) => (key === null ? Promise.resolve() : run(Boolean(opts?.reset))), [key, run])
  return { ...state, reload }
}
