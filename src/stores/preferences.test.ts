import Taro from '@tarojs/taro'
import { usePreferencesStore } from './preferences'

describe('display preferences', () => {
  it('when 长辈模式 is switched on, then it is written to device storage', () => {
    usePreferencesStore.getState().setElderly(true)
    expect(JSON.parse(String(Taro.getStorageSync('creditpass-preferences'))).state).toEqual({ elderly: true })
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
