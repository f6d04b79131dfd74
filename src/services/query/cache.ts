// The app's memory of server answers, by key, and which topics each answer is about. A mutation
// calls `invalidate(topic)`: answers on screen are fetched again at once, the others when they are
// next shown. A late answer never overwrites a newer one (every fetch of a key is numbered).
// Memory only: nothing here is ever written to storage.
import { toApiError } from '../api-error'

/** What an answer is about; a mutation names the topics it changes. */
export type Topic = 'credit' | 'objections' | 'vouchers' | 'grants' | 'commitments' | 'messages' | 'account' | 'cases' | 'reports' | 'service'

export interface Entry<T = unknown> {
  /** loading: no data yet (or a reset); ready: data shown (maybe refreshing); error: no data, an error */
  status: 'loading' | 'ready' | 'error'
  data: T | undefined
  /** the last error; with status 'ready' a failed refresh (the data stays) */
  error: string | null
  /** HTTP status of the last error (404: gone or not the user's), 0 for network errors */
  errorStatus: number
  /** invalidated since its data arrived: fetch again when next shown */
  stale: boolean
  /** a fetch is under way */
  fetching: boolean
}

export type Fetcher<T> = () => Promise<T>

interface Slot {
  entry: Entry
  /** number of the latest fetch started; an answer from an older one is dropped */
  generation: number
  topics: readonly Topic[]
  /** the fetcher of the component showing it (to refetch on invalidation) */
  fetcher: Fetcher<unknown> | null
  listeners: Set<() => void>
}

const slots = new Map<string, Slot>()
const topicListeners = new Map<Topic, Set<() => void>>()

const empty: Entry = { status: 'loading', data: undefined, error: null, errorStatus: 0, stale: true, fetching: false }

function slot(key: string): Slot {
  let s = slots.get(key)
  if (!s) {
    s = { entry: empty, generation: 0, topics: [], fetcher: null, listeners: new Set() }
    slots.set(key, s)
  }
  return s
}

function update(s: Slot, patch: Partial<Entry>) {
  s.entry = { ...s.entry, ...patch }
  for (const fn of [...s.listeners]) fn()
}

/** The entry of a key, or undefined when nothing was ever asked for it. */
export const readQuery = <T,>(key: string): Entry<T> | undefined => slots.get(key)?.entry as Entry<T> | undefined

/**
 * Fetches a key. `reset` drops the data first (a retry after an error shows the skeleton); else
 * the data stays on screen while it loads. A fetch already under way for a fresh entry is reused.
 */
export async function fetchQuery<T>(key: string, fetcher: Fetcher<T>, opts: { topics?: readonly Topic[]; reset?: boolean; force?: boolean } = {}): Promise<void> {
  const s = slot(key)
  if (opts.topics) s.topics = opts.topics
  if (s.entry.fetching && !s.entry.stale && !opts.force && !opts.reset) return
  const mine = ++s.generation
  const keep = s.entry.data !== undefined && !opts.reset
  update(s, keep ? { fetching: true, stale: false } : { status: 'loading', data: undefined, error: null, errorStatus: 0, fetching: true, stale: false })
  try {
    const data = await fetcher()
    if (mine === s.generation) update(s, { status: 'ready', data, error: null, errorStatus: 0, fetching: false })
  } catch (e) {
    if (mine !== s.generation) return
    const { message, status } = toApiError(e)
    // A failed refresh keeps what is on screen; a failed first load shows the error.
    update(s, s.entry.data !== undefined ? { error: message, errorStatus: status, fetching: false } : { status: 'error', error: message, errorStatus: status, fetching: false })
  }
}

/** Follows a key while a component shows it; `fetcher` is what invalidation calls. */
export function watchQuery(key: string, listener: () => void): () => void {
  const s = slot(key)
  s.listeners.add(listener)
  return () => {
    s.listeners.delete(listener)
    if (s.listeners.size === 0) s.fetcher = null
  }
}

export function setQueryFetcher(key: string, fetcher: Fetcher<unknown>, topics: readonly Topic[]) {
  const s = slot(key)
  s.fetcher = fetcher
  s.topics = topics
}

/** Runs `fn` whenever one of the topics is invalidated (cursor lists keep their own pages). */
export function onInvalidate(topics: readonly Topic[], fn: () => void): () => void {
  for (const t of topics) {
    if (!topicListeners.has(t)) topicListeners.set(t, new Set())
    topicListeners.get(t)!.add(fn)
  }
  return () => {
    for (const t of topics) topicListeners.get(t)?.delete(fn)
  }
}

/**
 * After a mutation: every answer about one of these topics is out of date. One on screen is fetched
 * again now (its data stays meanwhile); the others are fetched when next shown. A fetch already
 * under way may have read the old state, so its answer is dropped.
 */
export function invalidate(...topics: Topic[]): void {
  for (const [key, s] of slots) {
    if (!s.topics.some((t) => topics.includes(t))) continue
    if (s.fetcher && s.listeners.size > 0) {
      void fetchQuery(key, s.fetcher, { force: true })
    } else {
      s.generation++
      update(s, { stale: true, fetching: false })
    }
  }
  const fns = new Set<() => void>()
  for (const t of topics) for (const fn of topicListeners.get(t) ?? []) fns.add(fn)
  for (const fn of fns) fn()
}

/** Forgets every answer (log out, tests). Components on screen keep their subscriptions. */
export function clearQueries(): void {
  for (const [key, s] of slots) {
    if (s.listeners.size === 0) {
      slots.delete(key)
      continue
    }
    s.generation++
    update(s, { ...empty })
  }
}
