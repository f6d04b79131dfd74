'use strict'
// A small fake WeChat mini-program environment for running the compiled dist/weapp output in Node:
// a global `wx`, the `App` / `Page` / `Component` / `getApp` / `getCurrentPages` / `requirePlugin`
// constructors, and a CommonJS loader that resolves files of the dist folder the way the
// mini-program runtime does (relative to the requiring file, `.js` optional, no Node built-ins,
// no file outside the package tree, no file of another subpackage).
//
// It runs the JavaScript side (Taro runtime, React, the page code), records every `setData` payload
// and every `wx.*` call, and reports anything that would break in WeChat. It does not render WXML
// itself: ./wechat.js renders a page's data through the templates as WeChat's wcc compiles them.

const fs = require('node:fs')
const path = require('node:path')
const vm = require('node:vm')

// Browser globals that do not exist in a mini-program: they are deleted from the global object, so
// any access other than `typeof` throws a ReferenceError. (In the weapp build, the bare identifiers
// `window`, `document`, `navigator`, `location`, `history`, `URL`, `URLSearchParams` are replaced by
// Taro's own objects at build time; what reaches these globals bypassed Taro — e.g. `localStorage`.)
const DOM_GLOBALS = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'location', 'history', 'self', 'XMLHttpRequest']

// Node globals that do not exist in a mini-program either. They cannot be deleted from this Node
// process, so each module of the dist folder sees them as `undefined` (WeChat's own module wrapper
// shadows browser globals the same way): `typeof process` is 'undefined', `process.env` throws.
const NODE_ONLY_GLOBALS = ['process', 'Buffer', 'setImmediate', 'clearImmediate', 'MessageChannel', 'URL', 'URLSearchParams', 'fetch', '__dirname', '__filename']

const SETDATA_LIMIT = 256 * 1024

// Properties looked up on `wx` that are not APIs: webpack's chunk list (read before it is created),
// promise/JSON probes, and wx.cloud which the Taro runtime probes for.
const NOT_APIS = new Set(['webpackJsonp', 'then', 'toJSON', 'cloud'])

function removeDomGlobals() {
  for (const name of DOM_GLOBALS) {
    try {
      delete globalThis[name]
    } catch {
      // non-configurable in this Node version: leave it, the check below reports it
    }
  }
  return DOM_GLOBALS.filter((name) => name in globalThis)
}

/** Reads app.json and works out which page belongs to which package. */
function readAppJson(distDir) {
  const appJson = JSON.parse(fs.readFileSync(path.join(distDir, 'app.json'), 'utf8'))
  const subPackages = (appJson.subPackages || appJson.subpackages || []).map((sp) => ({
    root: String(sp.root).replace(/^\/+/, '').replace(/\/?$/, '/'),
    name: sp.name,
    independent: Boolean(sp.independent),
    pages: (sp.pages || []).map((p) => path.posix.join(String(sp.root).replace(/^\/+/, ''), p)),
  }))
  const mainPages = (appJson.pages || []).slice()
  const tabPages = ((appJson.tabBar && appJson.tabBar.list) || []).map((item) => String(item.pagePath).replace(/^\/+/, '').replace(/\.html$/, ''))
  return { appJson, mainPages, subPackages, tabPages }
}

/** Which package a file (path relative to the dist root, posix) belongs to: a subpackage root or '' (main). */
function packageOf(relFile, subPackages) {
  for (const sp of subPackages) if (relFile.startsWith(sp.root)) return sp.root
  return ''
}

function byteLength(value) {
  return Buffer.byteLength(JSON.stringify(value === undefined ? null : value) || '', 'utf8')
}

/** Applies a setData payload ({ 'a.b[0].c': v }) to a data object, as the mini-program does. */
function applySetData(target, payload) {
  for (const key of Object.keys(payload)) {
    const parts = []
    key.replace(/([^.[\]]+)|\[(\d+)\]/g, (_m, name, index) => {
      parts.push(index !== undefined ? Number(index) : name)
      return ''
    })
    let node = target
    for (let i = 0; i < parts.length - 1; i++) {
      const part = parts[i]
      if (node[part] === null || typeof node[part] !== 'object') node[part] = typeof parts[i + 1] === 'number' ? [] : {}
      node = node[part]
    }
    node[parts[parts.length - 1]] = clone(payload[key])
  }
}

function clone(value) {
  if (value === undefined) return undefined
  return JSON.parse(JSON.stringify(value))
}

/**
 * Creates the environment. `respond(req)` answers wx.request calls (req = { url, method, data, header })
 * with { statusCode, data, header } or throws to fail the request; the default answers every /api
 * call except /api/health with 401, like the real server does for a user who is not logged in.
 */
function createEnvironment(distDir, opts = {}) {
  distDir = path.resolve(distDir)
  const { appJson, mainPages, subPackages, tabPages } = readAppJson(distDir)
  const allPages = [...mainPages, ...subPackages.flatMap((sp) => sp.pages)]

  const calls = [] // every wx.* call: { api, args }
  const errors = [] // console.error calls, uncaught exceptions, unhandled rejections, harness violations
  const setDataLog = [] // { owner, bytes, keys, at (ms, Date.now()) }
  const unknownApis = new Set()
  const storage = new Map()
  const registrations = { app: [], pages: new Map(), components: new Map() }
  const pageStack = []
  let loadingFile = null

  const respond = opts.respond || defaultRespond

  // ----- wx -------------------------------------------------------------------------------------
  const windowInfo = {
    pixelRatio: 3,
    screenWidth: 390,
    screenHeight: 844,
    windowWidth: 390,
    windowHeight: 750,
    statusBarHeight: 47,
    safeArea: { left: 0, right: 390, top: 47, bottom: 810, width: 390, height: 763 },
    screenTop: 0,
  }
  const deviceInfo = { brand: 'devtools', model: 'iPhone 12/13 (Pro)', system: 'iOS 16.0.0', platform: 'devtools', benchmarkLevel: 1, abi: '', deviceAbi: '', cpuType: '', memorySize: 4096 }
  const appBaseInfo = { SDKVersion: '3.5.8', enableDebug: false, host: { env: 'WeChat' }, language: 'zh_CN', version: '8.0.5', theme: 'light', fontSizeSetting: 16 }
  const systemSetting = { bluetoothEnabled: false, locationEnabled: false, wifiEnabled: true, deviceOrientation: 'portrait' }
  const authorizeSetting = { albumAuthorized: 'not determined', cameraAuthorized: 'not determined', locationAuthorized: 'not determined', microphoneAuthorized: 'not determined', notificationAuthorized: 'not determined', phoneCalendarAuthorized: 'not determined' }
  const launchOptions = { path: mainPages[0], query: {}, scene: 1001, referrerInfo: {}, apiCategory: 'default' }

  function record(api, args) {
    calls.push({ api, args: Array.from(args) })
  }
  function later(fn) {
    setTimeout(fn, 0)
  }
  /** An asynchronous API: calls success/complete with `result` (or fail when result is an Error);
   *  returns a Promise when no callback is given, as the base library does. */
  function asyncApi(api, result) {
    return function (options = {}) {
      record(api, arguments)
      const settle = (resolve, reject) =>
        later(() => {
          let res
          try {
            res = typeof result === 'function' ? result(options) : result
          } catch (e) {
            res = e
          }
          if (res instanceof Error) {
            const err = { errMsg: `${api}:fail ${res.message}` }
            if (typeof options.fail === 'function') options.fail(err)
            if (typeof options.complete === 'function') options.complete(err)
            if (reject) reject(err)
            return
          }
          const ok = Object.assign({ errMsg: `${api}:ok` }, res)
          if (typeof options.success === 'function') options.success(ok)
          if (typeof options.complete === 'function') options.complete(ok)
          if (resolve) resolve(ok)
        })
      if (options.success || options.fail || options.complete) {
        settle()
        return undefined
      }
      return new Promise((resolve, reject) => settle(resolve, reject))
    }
  }
  function syncApi(api, fn) {
    return function () {
      record(api, arguments)
      return fn ? fn.apply(null, arguments) : undefined
    }
  }
  const cancelled = (what) => () => new Error(`${what} cancel`)

  function pageOfUrl(url) {
    const clean = String(url || '').replace(/^\/+/, '').split('?')[0]
    return clean
  }
  function navigation(api, check) {
    return asyncApi(api, (options) => {
      const target = pageOfUrl(options.url)
      const problem = check(target)
      if (problem) {
        errors.push(new Error(`wx.${api}(${JSON.stringify(options.url)}): ${problem}`))
        return new Error(problem)
      }
      return {}
    })
  }
  const isPage = (p) => allPages.includes(p)
  const isTab = (p) => tabPages.includes(p)

  const requestTask = () => ({ abort() {}, onHeadersReceived() {}, offHeadersReceived() {}, onChunkReceived() {}, offChunkReceived() {} })
  // Layout does not exist here: every rect is empty unless `opts.layout` gives one
  // ({ rect(selector) → { top, height, … } | null, scrollTop() → number }).
  const layout = opts.layout || {}
  const emptyRect = { left: 0, top: 0, right: 0, bottom: 0, width: 0, height: 0 }
  const selectorQuery = () => {
    const queue = []
    const nodesRef = (selector) => ({
      boundingClientRect(cb) { queue.push([() => Object.assign({}, emptyRect, layout.rect && layout.rect(selector)), cb]); return query },
      scrollOffset(cb) { queue.push([() => ({ scrollLeft: 0, scrollTop: layout.scrollTop ? layout.scrollTop() : 0, scrollWidth: 0, scrollHeight: 0 }), cb]); return query },
      fields(_f, cb) { queue.push([() => ({}), cb]); return query },
      node(cb) { queue.push([() => ({ node: null }), cb]); return query },
      context(cb) { queue.push([() => ({ context: null }), cb]); return query },
    })
    const query = {
      in() { return query },
      select(selector) { return nodesRef(selector) },
      selectAll(selector) { return nodesRef(selector) },
      selectViewport() { return nodesRef('viewport') },
      exec(cb) {
        later(() => {
          const results = queue.map(([make, each]) => { const res = make(); if (typeof each === 'function') each(res); return res })
          if (typeof cb === 'function') cb(results)
        })
        return query
      },
    }
    return query
  }
  const noop = () => {}
  const listener = (api) => syncApi(api)

  const wxApis = {
    // network
    request(options = {}) {
      record('request', arguments)
      const req = { url: options.url, method: (options.method || 'GET').toUpperCase(), data: options.data, header: options.header || {} }
      later(() => {
        let res
        try {
          res = respond(req)
        } catch (e) {
          const err = { errMsg: `request:fail ${e.message}`, errno: 600001 }
          if (options.fail) options.fail(err)
          if (options.complete) options.complete(err)
          return
        }
        const ok = Object.assign({ errMsg: 'request:ok', header: { 'Content-Type': 'application/json' }, cookies: [] }, res)
        if (options.success) options.success(ok)
        if (options.complete) options.complete(ok)
      })
      return requestTask()
    },
    // opts.upload(req) plays the server for wx.uploadFile: { statusCode, data } (data a string, as
    // WeChat gives it), or throws for a network failure; progress is reported at 50 and 100.
    uploadFile: syncApi('uploadFile', (options = {}) => {
      const progress = []
      later(() => {
        let res
        try {
          if (!opts.upload) throw new Error('no file in test environment')
          res = opts.upload({ url: options.url, filePath: options.filePath, name: options.name, header: options.header || {}, formData: options.formData })
        } catch (e) {
          const err = { errMsg: `uploadFile:fail ${e.message}` }
          if (options.fail) options.fail(err)
          if (options.complete) options.complete(err)
          return
        }
        for (const pct of [50, 100]) for (const fn of progress) fn({ progress: pct, totalBytesSent: pct, totalBytesExpectedToSend: 100 })
        const ok = Object.assign({ errMsg: 'uploadFile:ok' }, res)
        if (options.success) options.success(ok)
        if (options.complete) options.complete(ok)
      })
      return Object.assign(requestTask(), { onProgressUpdate(fn) { progress.push(fn) }, offProgressUpdate() {} })
    }),
    downloadFile: syncApi('downloadFile', (options = {}) => {
      later(() => {
        const err = { errMsg: 'downloadFile:fail no network in test environment' }
        if (options.fail) options.fail(err)
        if (options.complete) options.complete(err)
      })
      return Object.assign(requestTask(), { onProgressUpdate() {}, offProgressUpdate() {} })
    }),
    connectSocket: syncApi('connectSocket', () => ({ send() {}, close() {}, onOpen() {}, onClose() {}, onError() {}, onMessage() {} })),
    getNetworkType: asyncApi('getNetworkType', { networkType: 'wifi' }),
    onNetworkStatusChange: listener('onNetworkStatusChange'),
    offNetworkStatusChange: listener('offNetworkStatusChange'),

    // storage
    getStorageSync: syncApi('getStorageSync', (key) => (storage.has(key) ? clone(storage.get(key)) : '')),
    setStorageSync: syncApi('setStorageSync', (key, value) => {
      storage.set(key, clone(value))
    }),
    removeStorageSync: syncApi('removeStorageSync', (key) => {
      storage.delete(key)
    }),
    clearStorageSync: syncApi('clearStorageSync', () => storage.clear()),
    getStorageInfoSync: syncApi('getStorageInfoSync', () => ({ keys: [...storage.keys()], currentSize: 0, limitSize: 10240 })),
    getStorage: asyncApi('getStorage', ({ key }) => (storage.has(key) ? { data: clone(storage.get(key)) } : new Error('data not found'))),
    setStorage: asyncApi('setStorage', ({ key, data }) => {
      storage.set(key, clone(data))
      return {}
    }),
    removeStorage: asyncApi('removeStorage', ({ key }) => {
      storage.delete(key)
      return {}
    }),
    clearStorage: asyncApi('clearStorage', () => {
      storage.clear()
      return {}
    }),
    getStorageInfo: asyncApi('getStorageInfo', () => ({ keys: [...storage.keys()], currentSize: 0, limitSize: 10240 })),

    // system
    getSystemInfoSync: syncApi('getSystemInfoSync', () => Object.assign({}, windowInfo, deviceInfo, appBaseInfo, systemSetting)),
    getSystemInfo: asyncApi('getSystemInfo', () => Object.assign({}, windowInfo, deviceInfo, appBaseInfo, systemSetting)),
    getSystemInfoAsync: asyncApi('getSystemInfoAsync', () => Object.assign({}, windowInfo, deviceInfo, appBaseInfo, systemSetting)),
    getWindowInfo: syncApi('getWindowInfo', () => clone(windowInfo)),
    getDeviceInfo: syncApi('getDeviceInfo', () => clone(deviceInfo)),
    getAppBaseInfo: syncApi('getAppBaseInfo', () => clone(appBaseInfo)),
    getSystemSetting: syncApi('getSystemSetting', () => clone(systemSetting)),
    getAppAuthorizeSetting: syncApi('getAppAuthorizeSetting', () => clone(authorizeSetting)),
    getAccountInfoSync: syncApi('getAccountInfoSync', () => ({ miniProgram: { appId: 'touristappid', envVersion: 'develop', version: '' } })),
    getLaunchOptionsSync: syncApi('getLaunchOptionsSync', () => clone(launchOptions)),
    getEnterOptionsSync: syncApi('getEnterOptionsSync', () => clone(launchOptions)),
    getMenuButtonBoundingClientRect: syncApi('getMenuButtonBoundingClientRect', () => ({ width: 87, height: 32, top: 51, right: 380, bottom: 83, left: 293 })),
    canIUse: syncApi('canIUse', () => true),
    nextTick: syncApi('nextTick', (fn) => later(fn)),
    getUpdateManager: syncApi('getUpdateManager', () => ({ onCheckForUpdate: noop, onUpdateReady: noop, onUpdateFailed: noop, applyUpdate: noop })),
    getRealtimeLogManager: syncApi('getRealtimeLogManager', () => ({ info: noop, warn: noop, error: noop, setFilterMsg: noop, addFilterMsg: noop, in: noop })),
    getLogManager: syncApi('getLogManager', () => ({ log: noop, info: noop, warn: noop, debug: noop })),
    getPerformance: syncApi('getPerformance', () => ({ now: () => Date.now(), createObserver: () => ({ observe: noop, disconnect: noop }), getEntries: () => [], getEntriesByName: () => [], getEntriesByType: () => [], setBufferSize: noop })),
    reportEvent: syncApi('reportEvent'),
    reportAnalytics: syncApi('reportAnalytics'),
    reportMonitor: syncApi('reportMonitor'),
    onAppShow: listener('onAppShow'),
    offAppShow: listener('offAppShow'),
    onAppHide: listener('onAppHide'),
    offAppHide: listener('offAppHide'),
    onError: listener('onError'),
    offError: listener('offError'),
    onUnhandledRejection: listener('onUnhandledRejection'),
    offUnhandledRejection: listener('offUnhandledRejection'),
    onPageNotFound: listener('onPageNotFound'),
    offPageNotFound: listener('offPageNotFound'),
    onMemoryWarning: listener('onMemoryWarning'),
    offMemoryWarning: listener('offMemoryWarning'),
    onThemeChange: listener('onThemeChange'),
    offThemeChange: listener('offThemeChange'),
    onWindowResize: listener('onWindowResize'),
    offWindowResize: listener('offWindowResize'),
    onKeyboardHeightChange: listener('onKeyboardHeightChange'),
    offKeyboardHeightChange: listener('offKeyboardHeightChange'),
    onAppRoute: listener('onAppRoute'),
    offAppRoute: listener('offAppRoute'),

    // privacy and login
    onNeedPrivacyAuthorization: listener('onNeedPrivacyAuthorization'),
    getPrivacySetting: asyncApi('getPrivacySetting', { needAuthorization: false, privacyContractName: '《信用通小程序隐私保护指引》' }),
    requirePrivacyAuthorize: asyncApi('requirePrivacyAuthorize', {}),
    openPrivacyContract: asyncApi('openPrivacyContract', {}),
    login: asyncApi('login', { code: 'test-login-code' }),
    checkSession: asyncApi('checkSession', {}),
    getSetting: asyncApi('getSetting', { authSetting: {}, subscriptionsSetting: { mainSwitch: true } }),
    openSetting: asyncApi('openSetting', { authSetting: {} }),
    authorize: asyncApi('authorize', cancelled('authorize:fail auth deny')),
    getUserProfile: asyncApi('getUserProfile', cancelled('getUserProfile:fail auth deny')),
    requestSubscribeMessage: asyncApi('requestSubscribeMessage', {}),
    requestPayment: asyncApi('requestPayment', cancelled('requestPayment:fail')),
    startFacialRecognitionVerify: asyncApi('startFacialRecognitionVerify', cancelled('startFacialRecognitionVerify:fail')),
    checkIsSupportFacialRecognition: asyncApi('checkIsSupportFacialRecognition', cancelled('checkIsSupportFacialRecognition:fail')),

    // interface
    showToast: asyncApi('showToast', {}),
    hideToast: asyncApi('hideToast', {}),
    showLoading: asyncApi('showLoading', {}),
    hideLoading: asyncApi('hideLoading', {}),
    showModal: asyncApi('showModal', { confirm: false, cancel: true }),
    showActionSheet: asyncApi('showActionSheet', cancelled('showActionSheet:fail')),
    setNavigationBarTitle: asyncApi('setNavigationBarTitle', {}),
    setNavigationBarColor: asyncApi('setNavigationBarColor', {}),
    showNavigationBarLoading: asyncApi('showNavigationBarLoading', {}),
    hideNavigationBarLoading: asyncApi('hideNavigationBarLoading', {}),
    hideHomeButton: asyncApi('hideHomeButton', {}),
    setBackgroundColor: asyncApi('setBackgroundColor', {}),
    setBackgroundTextStyle: asyncApi('setBackgroundTextStyle', {}),
    setTabBarBadge: asyncApi('setTabBarBadge', {}),
    removeTabBarBadge: asyncApi('removeTabBarBadge', {}),
    showTabBarRedDot: asyncApi('showTabBarRedDot', {}),
    hideTabBarRedDot: asyncApi('hideTabBarRedDot', {}),
    setTabBarItem: asyncApi('setTabBarItem', {}),
    setTabBarStyle: asyncApi('setTabBarStyle', {}),
    showTabBar: asyncApi('showTabBar', {}),
    hideTabBar: asyncApi('hideTabBar', {}),
    pageScrollTo: asyncApi('pageScrollTo', {}),
    startPullDownRefresh: asyncApi('startPullDownRefresh', {}),
    stopPullDownRefresh: asyncApi('stopPullDownRefresh', {}),
    loadFontFace: asyncApi('loadFontFace', {}),
    hideKeyboard: asyncApi('hideKeyboard', {}),
    createSelectorQuery: syncApi('createSelectorQuery', selectorQuery),
    createIntersectionObserver: syncApi('createIntersectionObserver', () => {
      const observer = { relativeTo: () => observer, relativeToViewport: () => observer, observe: noop, disconnect: noop }
      return observer
    }),
    createAnimation: syncApi('createAnimation', () => {
      const animation = new Proxy({}, { get: (_t, key) => (key === 'export' ? () => ({ actions: [] }) : () => animation) })
      return animation
    }),
    createCanvasContext: syncApi('createCanvasContext', () => new Proxy({}, { get: () => noop })),
    createOffscreenCanvas: syncApi('createOffscreenCanvas', () => ({ width: 0, height: 0, getContext: () => new Proxy({}, { get: () => noop }), createImage: () => ({}) })),
    canvasToTempFilePath: asyncApi('canvasToTempFilePath', { tempFilePath: 'wxfile://tmp/canvas.png' }),

    // navigation: the target must exist in app.json, tab pages only through switchTab
    navigateTo: navigation('navigateTo', (p) => (!isPage(p) ? `page "${p}" is not in app.json` : isTab(p) ? 'can not navigateTo a tabbar page' : null)),
    redirectTo: navigation('redirectTo', (p) => (!isPage(p) ? `page "${p}" is not in app.json` : isTab(p) ? 'can not redirectTo a tabbar page' : null)),
    switchTab: navigation('switchTab', (p) => (!isTab(p) ? `page "${p}" is not a tabBar page` : null)),
    reLaunch: navigation('reLaunch', (p) => (!isPage(p) ? `page "${p}" is not in app.json` : null)),
    navigateBack: asyncApi('navigateBack', {}),
    navigateToMiniProgram: asyncApi('navigateToMiniProgram', cancelled('navigateToMiniProgram:fail')),

    // device and media
    vibrateShort: asyncApi('vibrateShort', {}),
    vibrateLong: asyncApi('vibrateLong', {}),
    setClipboardData: asyncApi('setClipboardData', {}),
    getClipboardData: asyncApi('getClipboardData', { data: '' }),
    makePhoneCall: asyncApi('makePhoneCall', {}),
    scanCode: asyncApi('scanCode', cancelled('scanCode:fail')),
    chooseMedia: asyncApi('chooseMedia', cancelled('chooseMedia:fail')),
    chooseImage: asyncApi('chooseImage', cancelled('chooseImage:fail')),
    chooseMessageFile: asyncApi('chooseMessageFile', cancelled('chooseMessageFile:fail')),
    previewImage: asyncApi('previewImage', {}),
    compressImage: asyncApi('compressImage', cancelled('compressImage:fail')),
    getImageInfo: asyncApi('getImageInfo', cancelled('getImageInfo:fail')),
    saveImageToPhotosAlbum: asyncApi('saveImageToPhotosAlbum', cancelled('saveImageToPhotosAlbum:fail')),
    saveFile: asyncApi('saveFile', cancelled('saveFile:fail')),
    openDocument: asyncApi('openDocument', {}),
    getLocation: asyncApi('getLocation', cancelled('getLocation:fail auth deny')),
    openLocation: asyncApi('openLocation', {}),
    chooseLocation: asyncApi('chooseLocation', cancelled('chooseLocation:fail')),
    setKeepScreenOn: asyncApi('setKeepScreenOn', {}),
    setScreenBrightness: asyncApi('setScreenBrightness', {}),
    getScreenBrightness: asyncApi('getScreenBrightness', { value: 0.5 }),
    onUserCaptureScreen: listener('onUserCaptureScreen'),
    offUserCaptureScreen: listener('offUserCaptureScreen'),
    setVisualEffectOnCapture: asyncApi('setVisualEffectOnCapture', {}),
    getFileSystemManager: syncApi('getFileSystemManager', () =>
      new Proxy(
        {},
        {
          get: (_t, key) => (typeof key === 'string' && key.endsWith('Sync') ? () => { throw new Error(`${key}:fail no file system in test environment`) } : (o = {}) => later(() => { const e = { errMsg: `${String(key)}:fail no file system in test environment` }; if (o.fail) o.fail(e); if (o.complete) o.complete(e) })),
        },
      ),
    ),
    arrayBufferToBase64: syncApi('arrayBufferToBase64', (buf) => Buffer.from(buf).toString('base64')),
    base64ToArrayBuffer: syncApi('base64ToArrayBuffer', (b64) => {
      const b = Buffer.from(b64, 'base64')
      return b.buffer.slice(b.byteOffset, b.byteOffset + b.length)
    }),
    env: { USER_DATA_PATH: 'wxfile://usr' },
  }

  // A Proxy only to note which APIs the code looked for that are not faked here (for diagnostics).
  const wx = new Proxy(wxApis, {
    get(target, key, receiver) {
      if (typeof key === 'string' && !(key in target) && !NOT_APIS.has(key)) unknownApis.add(key)
      return Reflect.get(target, key, receiver)
    },
  })

  // ----- constructors ---------------------------------------------------------------------------
  let appInstance = null
  function App(options) {
    registrations.app.push({ file: loadingFile, options })
    // The options object itself becomes the app instance: Taro keeps helpers on its prototype.
    appInstance = options
  }
  function Page(options) {
    if (!loadingFile) throw new Error('Page() called outside of a page file')
    registrations.pages.set(loadingFile, { kind: 'Page', options })
  }
  function Component(options) {
    if (!loadingFile) throw new Error('Component() called outside of a component file')
    registrations.components.set(loadingFile, { kind: 'Component', options })
  }
  function Behavior(options) {
    return options
  }

  // ----- module loader --------------------------------------------------------------------------
  const moduleCache = new Map()
  const requireViolations = []

  function relOf(abs) {
    return path.relative(distDir, abs).split(path.sep).join('/')
  }

  function resolveFile(fromFile, request) {
    if (typeof request !== 'string' || request === '') throw new Error(`require(${JSON.stringify(request)}): invalid module name`)
    if (request.startsWith('plugin://') || request.startsWith('plugin-private://')) throw new Error(`require("${request}"): plugins are not available in the test environment`)
    const base = request.startsWith('/') ? path.join(distDir, request) : path.resolve(path.dirname(fromFile), request)
    const candidates = [base, `${base}.js`, path.join(base, 'index.js')]
    for (const file of candidates) {
      if (!file.startsWith(distDir + path.sep)) break
      if (fs.existsSync(file) && fs.statSync(file).isFile() && file.endsWith('.js')) return file
    }
    throw new Error(`require("${request}") from ${relOf(fromFile)}: module not found in the mini-program package`)
  }

  // Timers of the dist code are tracked, so that uninstall() can clear the ones still pending (an
  // interval or a retry left behind would otherwise keep the test process alive).
  const pendingTimers = new Set()
  const timers = {
    setTimeout(fn, ms, ...args) {
      const handle = setTimeout(() => {
        pendingTimers.delete(handle)
        if (typeof fn === 'function') fn(...args)
      }, ms)
      pendingTimers.add(handle)
      return handle
    },
    clearTimeout(handle) {
      pendingTimers.delete(handle)
      clearTimeout(handle)
    },
    setInterval(fn, ms, ...args) {
      const handle = setInterval(() => {
        if (typeof fn === 'function') fn(...args)
      }, ms)
      pendingTimers.add(handle)
      return handle
    },
    clearInterval(handle) {
      pendingTimers.delete(handle)
      clearInterval(handle)
    },
  }
  const TIMER_NAMES = Object.keys(timers)
  const shadowNames = [...NODE_ONLY_GLOBALS, ...TIMER_NAMES].join(', ')
  const shadowValues = [...NODE_ONLY_GLOBALS.map(() => undefined), ...TIMER_NAMES.map((name) => timers[name])]

  function load(file) {
    const cached = moduleCache.get(file)
    if (cached) return cached.exports
    const module = { exports: {}, id: relOf(file) }
    moduleCache.set(file, module)
    const source = fs.readFileSync(file, 'utf8')
    const wrapped = `(function (require, module, exports, ${shadowNames}) {${source}\n})`
    const fn = vm.runInThisContext(wrapped, { filename: file })
    const previous = loadingFile
    loadingFile = relOf(file)
    try {
      fn.call(module.exports, makeRequire(file), module, module.exports, ...shadowValues)
    } finally {
      loadingFile = previous
    }
    return module.exports
  }

  function makeRequire(fromFile) {
    const fromPkg = packageOf(relOf(fromFile), subPackages)
    return function require(request) {
      const file = resolveFile(fromFile, request)
      const toPkg = packageOf(relOf(file), subPackages)
      const fromSp = subPackages.find((sp) => sp.root === fromPkg)
      if (toPkg !== '' && toPkg !== fromPkg) {
        const v = `${relOf(fromFile)} requires ${relOf(file)} from another package (${toPkg}): the mini-program runtime forbids this`
        requireViolations.push(v)
        throw new Error(v)
      }
      if (toPkg === '' && fromSp && fromSp.independent) {
        const v = `${relOf(fromFile)} in independent subpackage ${fromPkg} requires ${relOf(file)} from the main package`
        requireViolations.push(v)
        throw new Error(v)
      }
      return load(file)
    }
  }

  /** Requires a file by its path relative to the dist root (with or without .js). */
  function requireRel(rel) {
    return load(resolveFile(path.join(distDir, 'app.js'), `/${rel.replace(/\.js$/, '')}`))
  }

  /** Loads the components a page or component declares in its .json (recursively), like the runtime. */
  function loadUsingComponents(rel, seen = new Set()) {
    const jsonFile = path.join(distDir, `${rel}.json`)
    if (!fs.existsSync(jsonFile)) return []
    const json = JSON.parse(fs.readFileSync(jsonFile, 'utf8'))
    const loaded = []
    const using = json.usingComponents || {}
    for (const name of Object.keys(using)) {
      const target = String(using[name])
      if (target.startsWith('plugin://') || target.startsWith('plugin-private://')) continue
      const abs = target.startsWith('/') ? path.join(distDir, target) : path.resolve(path.dirname(path.join(distDir, rel)), target)
      const compRel = relOf(abs)
      if (seen.has(compRel)) continue
      seen.add(compRel)
      if (!fs.existsSync(`${abs}.js`)) {
        // Native or npm components are looked up the same way; a missing file is a broken build.
        throw new Error(`${rel}.json uses component "${name}" → ${compRel}, which has no .js file`)
      }
      requireRel(compRel)
      if (!registrations.components.has(`${compRel}.js`)) throw new Error(`component ${compRel} did not call Component()`)
      loaded.push(compRel)
      loaded.push(...loadUsingComponents(compRel, seen))
    }
    return loaded
  }

  // ----- instances ------------------------------------------------------------------------------
  function makeSetData(owner, instance) {
    return function setData(payload, callback) {
      if (payload === null || typeof payload !== 'object') throw new TypeError(`${owner}: setData expects an object`)
      const bytes = byteLength(payload)
      setDataLog.push({ owner, bytes, keys: Object.keys(payload).length, at: Date.now() })
      if (bytes >= SETDATA_LIMIT) errors.push(new Error(`${owner}: a single setData of ${(bytes / 1024).toFixed(1)} KB (limit ${SETDATA_LIMIT / 1024} KB)`))
      applySetData(instance.data, payload)
      if (typeof callback === 'function') later(() => callback.call(instance))
    }
  }

  /** Creates a page instance from what the page file registered with Page() or Component(). */
  function createPage(route) {
    const reg = registrations.pages.get(`${route}.js`) || registrations.components.get(`${route}.js`)
    if (!reg) throw new Error(`${route}.js called neither Page() nor Component()`)
    const options = reg.options
    let instance
    if (reg.kind === 'Page') {
      instance = Object.create(options)
      for (const key of Object.keys(options)) if (typeof options[key] === 'function') instance[key] = options[key]
    } else {
      instance = Object.create(options.methods || {})
      for (const [key, fn] of Object.entries(options.methods || {})) instance[key] = fn
      const lifetimes = options.lifetimes || {}
      instance.__componentLifetimes = {
        created: lifetimes.created || options.created,
        attached: lifetimes.attached || options.attached,
        ready: lifetimes.ready || options.ready,
      }
    }
    Object.assign(instance, {
      data: clone(options.data) || {},
      route,
      __route__: route,
      __wxWebviewId__: pageStack.length + 1,
      __wxExparserNodeId__: `page-${route}`,
      options: {},
      is: route,
      selectComponent: () => null,
      selectAllComponents: () => [],
      createSelectorQuery: selectorQuery,
      createIntersectionObserver: wxApis.createIntersectionObserver,
      getOpenerEventChannel: () => ({ emit: noop, on: noop, once: noop, off: noop }),
      getPageId: () => `pageId:${route}`,
      triggerEvent: noop,
    })
    instance.setData = makeSetData(route, instance)
    return instance
  }

  /** Runs the page lifecycle the way the runtime does on first display. */
  function openPage(route, query = {}) {
    const instance = createPage(route)
    if (instance.__componentLifetimes) {
      const lt = instance.__componentLifetimes
      if (lt.created) lt.created.call(instance)
      if (lt.attached) lt.attached.call(instance)
    }
    instance.options = query
    for (const previous of pageStack.splice(0)) if (typeof previous.onHide === 'function') previous.onHide()
    pageStack.push(instance)
    if (typeof instance.onLoad === 'function') instance.onLoad(query)
    if (typeof instance.onShow === 'function') instance.onShow()
    if (typeof instance.onReady === 'function') instance.onReady()
    if (instance.__componentLifetimes && instance.__componentLifetimes.ready) instance.__componentLifetimes.ready.call(instance)
    return instance
  }

  // ----- install / uninstall --------------------------------------------------------------------
  const originalConsoleError = console.error
  const onUncaught = (err) => errors.push(err instanceof Error ? err : new Error(String(err)))
  const onRejection = (reason) => errors.push(reason instanceof Error ? reason : new Error(`unhandled rejection: ${JSON.stringify(reason)}`))
  const installedGlobals = { wx, App, Page, Component, Behavior, getApp: () => appInstance, getCurrentPages: () => pageStack.slice(), requirePlugin: (name) => { throw new Error(`requirePlugin("${name}"): plugins are not available in the test environment`) } }

  function install() {
    const leftover = removeDomGlobals()
    if (leftover.length) throw new Error(`could not remove DOM globals: ${leftover.join(', ')}`)
    Object.assign(globalThis, installedGlobals)
    console.error = function (...args) {
      errors.push(new Error(`console.error: ${args.map((a) => (a instanceof Error ? a.stack : typeof a === 'string' ? a : safeJson(a))).join(' ')}`))
    }
    process.on('uncaughtException', onUncaught)
    process.on('unhandledRejection', onRejection)
  }

  function uninstall() {
    for (const handle of pendingTimers) clearTimeout(handle)
    pendingTimers.clear()
    console.error = originalConsoleError
    process.off('uncaughtException', onUncaught)
    process.off('unhandledRejection', onRejection)
    for (const key of Object.keys(installedGlobals)) delete globalThis[key]
  }

  /** Lets timers and microtasks run: until nothing new happened for `quietMs`, at most `maxMs`.
   *  Quiet counts in polls as well as in time: on a starved CPU one poll can span the whole quiet
   *  time while the page's own timers have not run yet. */
  async function settle(quietMs = 50, maxMs = 2000) {
    const start = Date.now()
    const quietPolls = Math.max(3, Math.ceil(quietMs / 10))
    let lastActivity = -1
    let quietSince = Date.now()
    let polls = 0
    while (Date.now() - start < maxMs) {
      await new Promise((resolve) => setTimeout(resolve, 10))
      const activity = calls.length + setDataLog.length + errors.length
      if (activity !== lastActivity) {
        lastActivity = activity
        quietSince = Date.now()
        polls = 0
      } else if (++polls >= quietPolls && Date.now() - quietSince >= quietMs) {
        return
      }
    }
  }

  return {
    distDir,
    appJson,
    mainPages,
    subPackages,
    tabPages,
    allPages,
    calls,
    errors,
    setDataLog,
    unknownApis,
    storage,
    registrations,
    requireViolations,
    pageStack,
    get app() {
      return appInstance
    },
    launchOptions,
    install,
    uninstall,
    requireRel,
    loadUsingComponents,
    openPage,
    settle,
    packageOf: (rel) => packageOf(rel, subPackages),
    pendingTimerCount: () => pendingTimers.size,
  }
}

function safeJson(value) {
  try {
    return JSON.stringify(value)
  } catch {
    return String(value)
  }
}

function defaultRespond(req) {
  const pathname = String(req.url).replace(/^[a-z]+:\/\/[^/]+/i, '').split('?')[0]
  if (pathname.endsWith('/api/health')) return { statusCode: 200, data: { status: 'ok' } }
  return { statusCode: 401, data: { error: { code: 'UNAUTHORIZED', message: '请先登录' } } }
}

module.exports = { createEnvironment, readAppJson, applySetData, SETDATA_LIMIT, DOM_GLOBALS, NODE_ONLY_GLOBALS }
