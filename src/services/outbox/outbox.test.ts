import Taro from '@tarojs/taro'
import { ApiError } from '../api-error'
import { useAuthStore } from '../../stores/auth'
import { loginResponse, profile } from '../../../test/jest/fixtures'
import { backoffDelay, outboxRetry } from './backoff'
import { PersonalDataRefused } from './guard'
import { discard, enqueue, fileRef, resetOutboxRunner, retryNow, setOutboxTransport, submit } from './runner'
import { OUTBOX_STORAGE_KEY, useOutboxStore } from './store'
import { fakeTransport, httpError, type FakeTransport } from './testing'
import type { OutboxInput } from './types'

let transport: FakeTransport
const advance = (ms: number) => jest.advanceTimersByTimeAsync(ms)
const items = () => useOutboxStore.getState().items
const only = () => {
  expect(items()).toHaveLength(1)
  return items()[0]
}
const claim = (n = 1, extra: Partial<OutboxInput> = {}): OutboxInput => ({
  kind: 'voucher-claim',
  title: `领取卡券 ${n}`,
  ownerId: 'user-citizen-red',
  subject: null,
  url: `/incentives/spot-${n}/claims`,
  body: { visitDate: '2026-12-01', benefit: 'ticket_discount' },
  ...extra,
})
const sentUrls = () => transport.send.mock.calls.map(([r]) => r.url)
const sentKeys = () => transport.send.mock.calls.map(([r]) => r.idempotencyKey)

beforeEach(() => {
  jest.useFakeTimers()
  resetOutboxRunner()
  useOutboxStore.setState({ items: [], drafts: {} })
  transport = fakeTransport()
  setOutboxTransport(transport)
  useAuthStore.getState().setSession(loginResponse())
  jest.spyOn(Math, 'random').mockReturnValue(0.5)
})
afterEach(() => {
  jest.restoreAllMocks()
  jest.useRealTimers()
})

describe('the outbox', () => {
  it('when three submissions are made, then they are stored first, sent one at a time in order, each under its own key', async () => {
    let release!: () => void
    transport.send.mockImplementationOnce(() => new Promise((r) => (release = () => r({ id: 'v-1' }))))
    enqueue(claim(1))
    enqueue(claim(2))
    enqueue(claim(3))
    // stored before any answer, and the first is on its way
    const stored = JSON.parse(String(Taro.getStorageSync(OUTBOX_STORAGE_KEY)))
    expect(stored.state.items.map((i: { title: string }) => i.title)).toEqual(['领取卡券 1', '领取卡券 2', '领取卡券 3'])
    await advance(0)
    expect(items().map((i) => i.status)).toEqual(['sending', 'pending', 'pending'])
    expect(transport.send).toHaveBeenCalledTimes(1)

    release()
    await advance(0)
    expect(sentUrls()).toEqual(['/incentives/spot-1/claims', '/incentives/spot-2/claims', '/incentives/spot-3/claims'])
    expect(new Set(sentKeys()).size).toBe(3)
    expect(items().map((i) => i.status)).toEqual(['done', 'done', 'done'])
  })

  it('when the network fails, then it waits a full-jitter exponential backoff and resends under the same key', async () => {
    transport.send
      .mockRejectedValueOnce(new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试'))
      .mockRejectedValueOnce(new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试'))
    enqueue(claim())
    await advance(0)
    expect(only()).toMatchObject({ status: 'pending', attempts: 1, lastError: '网络连接失败，请检查网络后重试' })

    // random 0.5 → half the bound: 1 s after the first failure, 2 s after the second
    await advance(outboxRetry.baseDelayMs / 2 - 1)
    expect(transport.send).toHaveBeenCalledTimes(1)
    await advance(1)
    expect(transport.send).toHaveBeenCalledTimes(2)
    await advance(outboxRetry.baseDelayMs - 1)
    expect(transport.send).toHaveBeenCalledTimes(2)
    await advance(1)
    expect(transport.send).toHaveBeenCalledTimes(3)
    expect(new Set(sentKeys()).size).toBe(1)
    expect(only()).toMatchObject({ status: 'done', lastError: null })
  })

  it('backoff bounds grow exponentially up to the cap, and the wait is anywhere from 0 to the bound', () => {
    expect(backoffDelay(1, () => 0)).toBe(0)
    expect(backoffDelay(1, () => 0.999999)).toBe(outboxRetry.baseDelayMs - 1)
    expect(backoffDelay(4, () => 0.999999)).toBe(outboxRetry.baseDelayMs * 8 - 1)
    expect(backoffDelay(40, () => 0.999999)).toBe(outboxRetry.maxDelayMs - 1)
  })

  it.each([
    ['a 5xx', httpError(503, 'SERVER_ERROR', '服务暂时不可用，请稍后重试')],
    ['a 429', httpError(429, 'RATE_LIMITED', '操作过于频繁，请稍后再试')],
    ['a 409 still in flight', httpError(409, 'IDEMPOTENCY_IN_FLIGHT', '相同的请求正在处理中，请稍后再试')],
    ['a timeout', new ApiError('TIMEOUT', '请求超时，请稍后重试')],
  ])('when the answer is %s, then the item waits as 待发送 and is sent again with the same key', async (_name, failure) => {
    transport.send.mockRejectedValueOnce(failure)
    enqueue(claim())
    await advance(0)
    expect(only().status).toBe('pending')
    await advance(outboxRetry.baseDelayMs)
    expect(transport.send).toHaveBeenCalledTimes(2)
    expect(sentKeys()[1]).toBe(sentKeys()[0])
    expect(only().status).toBe('done')
  })

  it.each([
    [400, 'INVALID_BODY', '游览日期格式不正确'],
    [404, 'NOT_FOUND', '该激励不存在'],
    [422, 'IDEMPOTENCY_KEY_REUSED', '该 Idempotency-Key 已用于另一项内容不同的请求'],
    [409, 'DAILY_LIMIT', '同一景区每人每天最多领取 2 张卡券'],
  ])('when the server answers %s for good, then it is 失败 with its message and never sent again by itself', async (status, code, message) => {
    transport.send.mockRejectedValueOnce(httpError(status, code, message))
    const outcome = submit(claim())
    await advance(0)
    await expect(outcome).resolves.toMatchObject({ status: 'failed', error: { message } })
    expect(only()).toMatchObject({ status: 'failed', lastError: message })
    await advance(outboxRetry.maxDelayMs * 10)
    expect(transport.send).toHaveBeenCalledTimes(1)
  })

  it('when a failed item is retried, then it goes under a new key (the old key holds the final answer)', async () => {
    transport.send.mockRejectedValueOnce(httpError(400, 'INVALID_BODY', '游览日期格式不正确'))
    const item = enqueue(claim())
    await advance(0)
    const outcome = retryNow(item.id)
    await advance(0)
    await expect(outcome).resolves.toMatchObject({ status: 'done' })
    expect(sentKeys()[1]).not.toBe(sentKeys()[0])
  })

  it('when a waiting item is retried by hand, then it is sent at once with its key', async () => {
    transport.send.mockRejectedValueOnce(new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试'))
    const item = enqueue(claim())
    await advance(0)
    retryNow(item.id)
    await advance(0)
    expect(sentKeys()).toEqual([sentKeys()[0], sentKeys()[0]])
  })

  it('when the app is closed mid-send, then after the restart the stored item is resumed and sent with the same key', async () => {
    transport.send.mockImplementationOnce(() => new Promise(() => undefined)) // never answered: the app dies
    enqueue(claim())
    await advance(0)
    expect(only().status).toBe('sending')
    const stored = String(Taro.getStorageSync(OUTBOX_STORAGE_KEY))
    const firstKey = sentKeys()[0]

    // A new launch: nothing in memory, the device's storage is what is left.
    resetOutboxRunner()
    transport = fakeTransport()
    setOutboxTransport(transport)
    useOutboxStore.setState({ items: [], drafts: {} })
    Taro.setStorageSync(OUTBOX_STORAGE_KEY, stored)
    await useOutboxStore.persist.rehydrate()
    expect(only().status).toBe('pending')
    const { kick } = jest.requireActual('./runner') as typeof import('./runner')
    kick()
    await advance(0)
    expect(sentKeys()).toEqual([firstKey])
    expect(only().status).toBe('done')
  })

  it('when an item is discarded while waiting, then it is never sent; one being sent cannot be discarded', async () => {
    transport.send.mockRejectedValueOnce(new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试'))
    const a = enqueue(claim(1))
    await advance(0)
    expect(discard(a.id)).toBe(true)
    await advance(outboxRetry.maxDelayMs)
    expect(transport.send).toHaveBeenCalledTimes(1)
    expect(items()).toEqual([])

    transport.send.mockImplementationOnce(() => new Promise(() => undefined))
    const b = enqueue(claim(2))
    await advance(0)
    expect(discard(b.id)).toBe(false)
    expect(only().id).toBe(b.id)
  })

  it('uploads the files first and sends the body with their upload ids; an upload already made is not repeated', async () => {
    transport.upload.mockResolvedValueOnce({ id: 'up-a' }).mockRejectedValueOnce(new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试'))
    enqueue(
      claim(1, {
        body: { reason: '记录有误', evidence: [fileRef('a'), fileRef('b')] },
        files: [
          { ref: 'a', localPath: 'wxfile://tmp/a.jpg', name: 'a.jpg' },
          { ref: 'b', localPath: 'wxfile://tmp/b.pdf', name: 'b.pdf' },
        ],
      }),
    )
    await advance(0)
    expect(transport.send).not.toHaveBeenCalled()
    expect(only()).toMatchObject({ status: 'pending', files: [{ uploadId: 'up-a' }, { uploadId: null }] })

    transport.upload.mockResolvedValueOnce({ id: 'up-b' })
    await advance(outboxRetry.baseDelayMs)
    expect(transport.upload.mock.calls.map(([f]) => f.localPath)).toEqual(['wxfile://tmp/a.jpg', 'wxfile://tmp/b.pdf', 'wxfile://tmp/b.pdf'])
    expect(transport.send.mock.calls[0][0].body).toEqual({ reason: '记录有误', evidence: ['up-a', 'up-b'] })
    expect(only().status).toBe('done')
  })

  it('when a file is refused for good (type or size), then the item is 失败 with the reason', async () => {
    transport.upload.mockRejectedValueOnce(httpError(415, 'UNSUPPORTED_FILE_TYPE', '仅支持 JPEG、PNG 或 PDF 文件'))
    enqueue(claim(1, { body: { evidence: [fileRef('a')] }, files: [{ ref: 'a', localPath: 'blob:x', name: 'a.gif' }] }))
    await advance(0)
    expect(only()).toMatchObject({ status: 'failed', lastError: '仅支持 JPEG、PNG 或 PDF 文件' })
    expect(transport.send).not.toHaveBeenCalled()
  })

  it('refuses a full ID number or phone number before storing anything; masked ones and signature images pass', () => {
    expect(() => enqueue(claim(1, { body: { idNumber: '11010519491231002X' } }))).toThrow(PersonalDataRefused)
    expect(() => enqueue(claim(1, { body: { note: '请联系 13812345678' } }))).toThrow('手机号码不能保存在本机')
    expect(items()).toEqual([])
    expect(String(Taro.getStorageSync(OUTBOX_STORAGE_KEY))).not.toContain('13812345678')
    enqueue(claim(1, { body: { idNumber: '110105********002X', phone: '138****1234', png: 'data:image/png;base64,AB13812345678CD110105194912310020' } }))
    expect(items()).toHaveLength(1)
  })

  it('sends only the items of the account signed in; another account’s wait until it signs in again', async () => {
    enqueue(claim(1))
    await advance(0)
    useAuthStore.getState().setSession(loginResponse(profile({ id: 'user-other' })))
    enqueue(claim(2))
    enqueue(claim(3, { ownerId: 'user-other' }))
    await advance(0)
    expect(sentUrls()).toEqual(['/incentives/spot-1/claims', '/incentives/spot-3/claims'])
    expect(items().find((i) => i.title === '领取卡券 2')?.status).toBe('pending')
  })
})
