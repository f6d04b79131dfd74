// A stand-in for @tarojs/taro under jest: real in-memory storage, lifecycle hooks that run on
// mount, and jest.fn() for every other API so tests can assert calls or script answers.
import { useEffect } from 'react'

const storage = new Map<string, unknown>()
let routerParams: Record<string, string> = {}
/** the latest page-event handlers a page registered (useReachBottom, usePullDownRefresh) */
const pageEvents = new Map<string, () => void>()

export function __reset() {
  storage.clear()
  routerParams = {}
  pageEvents.clear()
  for (const fn of Object.values(explicit)) if (typeof fn === 'function' && 'mockClear' in fn) (fn as jest.Mock).mockClear()
  explicit.request.mockReset()
  explicit.getEnv.mockReturnValue('WEB')
}

export function __setRouterParams(p: Record<string, string>) {
  routerParams = p
}

/** Fires a page event as the platform would: 'reachBottom', 'pullDownRefresh' or 'didShow' (shown again). */
export function __firePageEvent(name: 'reachBottom' | 'pullDownRefresh' | 'didShow') {
  const handler = pageEvents.get(name)
  if (!handler) throw new Error(`the page registered no ${name} handler`)
  handler()
}

/** Registers the handler of the current render, like Taro's page-event hooks. */
const pageEvent = (name: string) => (fn: () => void) => {
  pageEvents.set(name, fn)
}

const explicit = {
  ENV_TYPE: { WEAPP: 'WEAPP', WEB: 'WEB' },
  getEnv: jest.fn(() => 'WEB'),
  getStorageSync: jest.fn((key: string) => (storage.has(key) ? storage.get(key) : '')),
  setStorageSync: jest.fn((key: string, value: unknown) => void storage.set(key, value)),
  removeStorageSync: jest.fn((key: string) => void storage.delete(key)),
  getStorage: jest.fn(async ({ key }: { key: string }) => {
    if (!storage.has(key)) throw new Error('getStorage:fail data not found')
    return { data: storage.get(key) }
  }),
  setStorage: jest.fn(async ({ key, data }: { key: string; data: unknown }) => void storage.set(key, data)),
  removeStorage: jest.fn(async ({ key }: { key: string }) => void storage.delete(key)),
  request: jest.fn(),
  login: jest.fn(async () => ({ code: 'test-wx-code', errMsg: 'login:ok' })),
  showToast: jest.fn(async () => undefined),
  showModal: jest.fn(async () => ({ confirm: true, cancel: false })),
  showLoading: jest.fn(async () => undefined),
  hideLoading: jest.fn(async () => undefined),
  navigateTo: jest.fn(async () => undefined),
  redirectTo: jest.fn(async () => undefined),
  reLaunch: jest.fn(async () => undefined),
  switchTab: jest.fn(async () => undefined),
  navigateBack: jest.fn(async () => undefined),
  setNavigationBarTitle: jest.fn(async () => undefined),
  stopPullDownRefresh: jest.fn(),
  getCurrentInstance: jest.fn(() => ({ router: { params: routerParams } })),
  useRouter: () => ({ params: routerParams }),
  useLoad: (fn: (p: Record<string, string>) => void) => useEffect(() => fn(routerParams), []),
  useDidShow: (fn: () => void) => {
    pageEvent('didShow')(fn)
    useEffect(() => fn(), [])
  },
  useDidHide: () => undefined,
  useReady: (fn: () => void) => useEffect(() => fn(), []),
  usePullDownRefresh: pageEvent('pullDownRefresh'),
  useReachBottom: pageEvent('reachBottom'),
  usePageScroll: pageEvent('pageScroll') as (fn: (e: { scrollTop: number }) => void) => void,
  useUnload: () => undefined,
}

const Taro: Record<string, unknown> = new Proxy(explicit as Record<string, unknown>, {
  get(target, prop: string) {
    if (!(prop in target)) target[prop] = jest.fn()
    return target[prop]
  },
})

export default Taro
export const {
  ENV_TYPE, getEnv, useRouter, useLoad, useDidShow, useDidHide, useReady, usePullDownRefresh,
  useReachBottom, usePageScroll, useUnload, getCurrentInstance,
} = explicit
