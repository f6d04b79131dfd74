// When a waiting submission should be tried at once: the network came back, or the app came to
// the front. Both exist in the mini-program and on H5.
import Taro from '@tarojs/taro'

export function onNetworkBack(fn: () => void): void {
  Taro.onNetworkStatusChange?.((res) => {
    if (res.isConnected) fn()
  })
}

export function onAppShow(fn: () => void): void {
  Taro.onAppShow?.(() => fn())
}
