import Taro from '@tarojs/taro'
import { systemTextEnlarged } from '../platform/system-font'
import { usePreferencesStore } from './preferences'

describe('display preferences', () => {
  it('when 长辈模式 is switched on, then it is written to device storage as the user’s choice', () => {
    usePreferencesStore.getState().setElderly(true)
    expect(JSON.parse(String(Taro.getStorageSync('creditpass-preferences'))).state).toEqual({ elderly: true, chosen: true })
  })

  it('when the app starts again, then 长辈模式 is read back from storage', async () => {
    expect(usePreferencesStore.getState().elderly).toBe(false)
    Taro.setStorageSync('creditpass-preferences', JSON.stringify({ state: { elderly: true }, version: 0 }))
    await usePreferencesStore.persist.rehydrate()
    expect(usePreferencesStore.getState().elderly).toBe(true)
  })

  it('by default, then the normal look is used', () => {
    expect(usePreferencesStore.getState().elderly).toBe(false)
  })
})

describe('长辈模式 follows the phone', () => {
  const taro = Taro as unknown as Record<string, jest.Mock>
  const env = process.env.TARO_ENV
  afterEach(() => {
    process.env.TARO_ENV = env
    jest.restoreAllMocks()
  })

  it('when the user never chose, then it starts in larger type when the phone’s text is enlarged, and normal when not', () => {
    usePreferencesStore.getState().followSystem(true)
    expect(usePreferencesStore.getState().elderly).toBe(true)
    usePreferencesStore.getState().followSystem(false)
    expect(usePreferencesStore.getState().elderly).toBe(false)
  })

  it('when the user chose either way, then the phone no longer decides', () => {
    usePreferencesStore.getState().setElderly(false)
    usePreferencesStore.getState().followSystem(true)
    expect(usePreferencesStore.getState().elderly).toBe(false)
    usePreferencesStore.getState().setElderly(true)
    usePreferencesStore.getState().followSystem(false)
    expect(usePreferencesStore.getState().elderly).toBe(true)
  })

  it.each([
    [{ fontSizeScaleFactor: 1.3, fontSizeSetting: 20 }, true],
    [{ fontSizeScaleFactor: 1, fontSizeSetting: 17 }, false],
    [{ fontSizeSetting: 22 }, true],
  ])('weapp: getAppBaseInfo %j → enlarged %s', (info, enlarged) => {
    process.env.TARO_ENV = 'weapp'
    taro.getAppBaseInfo.mockReturnValue(info)
    expect(systemTextEnlarged()).toBe(enlarged)
  })

  it.each([
    ['16px', false],
    ['20px', true],
  ])('H5: the browser’s default text size %s → enlarged %s', (size, enlarged) => {
    process.env.TARO_ENV = 'h5'
    jest.spyOn(window, 'getComputedStyle').mockImplementation(() => ({ fontSize: size }) as CSSStyleDeclaration)
    expect(systemTextEnlarged()).toBe(enlarged)
    expect(document.body.children).toHaveLength(0) // the probe is gone
  })
})
