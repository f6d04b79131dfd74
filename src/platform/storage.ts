// zustand persistence over Taro storage (wx storage in the mini-program, localStorage on H5).
import Taro from '@tarojs/taro'
import type { StateStorage } from 'zustand/middleware'

export const taroStorage: StateStorage = {
  getItem: (name) => {
    const v = Taro.getStorageSync(name)
    // Taro answers '' for a missing key; zustand expects null.
    return v === '' || v === undefined ? null : (v as string)
  },
  setItem: (name, value) => Taro.setStorageSync(name, value),
  removeItem: (name) => Taro.removeStorageSync(name),
}
