import { ApiError } from '../api-error'
import { clearQueries, fetchQuery, invalidate, onInvalidate, readQuery, setQueryFetcher, watchQuery } from './cache'

/** A fetcher whose answers the test hands out one by one, in any order. */
function controlled<T>() {
  const calls: { resolve(v: T): void; reject(e: unknown): void }[] = []
  const fetcher = jest.fn(() => new Promise<T>((resolve, reject) => calls.push({ resolve, reject })))
  return { fetcher, calls }
}
const flush = () => new Promise((r) => setTimeout(r, 0))

beforeEach(() => clearQueries())

describe('query cache', () => {
  it('when a key is fetched, then its data is kept for the next reader', async () => {
    await fetchQuery('vouchers|u1', async () => ['v1'])
    expect(readQuery('vouchers|u1')).toMatchObject({ status: 'ready', data: ['v1'], error: null, stale: false })
    expect(readQuery('vouchers|u2')).toBeUndefined()
  })

  it('when two readers ask for a key at once, then the server is asked once', async () => {
    const { fetcher, calls } = controlled<number>()
    const a = fetchQuery('k', fetcher)
    const b = fetchQuery('k', fetcher)
    calls[0].resolve(1)
    await Promise.all([a, b])
    expect(fetcher).toHaveBeenCalledTimes(1)
    expect(readQuery('k')?.data).toBe(1)
  })

  it('when an older answer arrives after a newer one, then the newer one stays', async () => {
    const { fetcher, calls } = controlled<string>()
    const first = fetchQuery('k', fetcher)
    const second = fetchQuery('k', fetcher, { force: true })
    calls[1].resolve('new')
    await second
    calls[0].resolve('old')
    await first
    expect(readQuery('k')?.data).toBe('new')
  })

  it('when an older request fails after a newer one succeeded, then no error shows', async () => {
    const { fetcher, calls } = controlled<string>()
    const first = fetchQuery('k', fetcher)
    const second = fetchQuery('k', fetcher, { force: true })
    calls[1].resolve('new')
    calls[0].reject(new ApiError('NETWORK_ERROR', '网络连接失败'))
    await Promise.all([first, second])
    expect(readQuery('k')).toMatchObject({ status: 'ready', data: 'new', error: null })
  })

  it('when a refresh fails, then the data stays with the error beside it; a first load that fails shows the error', async () => {
    await fetchQuery('k', async () => 'shown')
    await fetchQuery('k', () => Promise.reject(new ApiError('HTTP_503', '服务繁忙', 503)), { force: true })
    expect(readQuery('k')).toMatchObject({ status: 'ready', data: 'shown', error: '服务繁忙', errorStatus: 503 })

    await fetchQuery('other', () => Promise.reject(new ApiError('NOT_FOUND', '不存在', 404)))
    expect(readQuery('other')).toMatchObject({ status: 'error', data: undefined, error: '不存在', errorStatus: 404 })
  })

  it('when reset, then the data is dropped while it loads (a retry starts from the skeleton)', async () => {
    await fetchQuery('k', async () => 'a')
    const { fetcher, calls } = controlled<string>()
    const p = fetchQuery('k', fetcher, { reset: true })
    expect(readQuery('k')).toMatchObject({ status: 'loading', data: undefined })
    calls[0].resolve('b')
    await p
    expect(readQuery('k')?.data).toBe('b')
  })
})

describe('invalidate', () => {
  it('when a topic is invalidated and its key is on screen, then it is fetched again at once and the data stays meanwhile', async () => {
    let n = 0
    const fetcher = jest.fn(async () => ++n)
    await fetchQuery('vouchers|u1', fetcher, { topics: ['vouchers'] })
    const seen: unknown[] = []
    const stop = watchQuery('vouchers|u1', () => seen.push(readQuery('vouchers|u1')?.data))
    setQueryFetcher('vouchers|u1', fetcher, ['vouchers'])

    invalidate('vouchers')
    expect(readQuery('vouchers|u1')).toMatchObject({ status: 'ready', data: 1 })
    await flush()
    expect(fetcher).toHaveBeenCalledTimes(2)
    expect(readQuery('vouchers|u1')).toMatchObject({ data: 2, stale: false })
    stop()
  })

  it('when the key is not on screen, then it is only marked stale (fetched when next shown)', async () => {
    const fetcher = jest.fn(async () => 'x')
    await fetchQuery('credit|u1', fetcher, { topics: ['credit'] })
    invalidate('credit')
    await flush()
    expect(fetcher).toHaveBeenCalledTimes(1)
    expect(readQuery('credit|u1')).toMatchObject({ data: 'x', stale: true })
  })

  it('when another topic is invalidated, then the key is left alone', async () => {
    await fetchQuery('credit|u1', async () => 'x', { topics: ['credit'] })
    invalidate('vouchers', 'messages')
    expect(readQuery('credit|u1')?.stale).toBe(false)
  })

  it('when invalidated while a fetch is under way, then that answer (maybe from before the change) is not kept as fresh', async () => {
    const { fetcher, calls } = controlled<string>()
    const p = fetchQuery('k', fetcher, { topics: ['objections'] })
    invalidate('objections')
    calls[0].resolve('before the objection')
    await p
    expect(readQuery('k')?.data).toBeUndefined()
    expect(readQuery('k')?.stale).toBe(true)
  })

  it('when invalidated on screen while an older fetch is under way, then the older answer cannot overwrite the new one', async () => {
    const { fetcher, calls } = controlled<string>()
    const first = fetchQuery('k', fetcher, { topics: ['objections'] })
    const stop = watchQuery('k', () => undefined)
    setQueryFetcher('k', fetcher, ['objections'])
    invalidate('objections')
    expect(fetcher).toHaveBeenCalledTimes(2)
    calls[1].resolve('after')
    await flush()
    calls[0].resolve('before')
    await first
    expect(readQuery('k')?.data).toBe('after')
    stop()
  })

  it('topic listeners (cursor lists) are told once per invalidation, and no more after they stop', () => {
    const fn = jest.fn()
    const stop = onInvalidate(['credit', 'objections'], fn)
    invalidate('credit', 'objections')
    expect(fn).toHaveBeenCalledTimes(1)
    stop()
    invalidate('credit')
    expect(fn).toHaveBeenCalledTimes(1)
  })
})
