// Full screen brightness while a QR code is shown, so the gate scanner reads it; the user's own
// brightness comes back when the page hides or closes. Only the mini-program can do this; on H5
// (and if WeChat refuses) nothing happens.
import Taro, { useDidHide, useDidShow, useUnload } from '@tarojs/taro'
import { useCallback, useEffect, useRef } from 'react'
import { isWeapp } from '../../../platform/env'

const canSet = () => isWeapp && typeof Taro.setScreenBrightness === 'function' && typeof Taro.getScreenBrightness === 'function'

export function useBrightScreen(active: boolean): void {
  const saved = useRef<number | null>(null)

  const raise = useCallback(async () => {
    if (!canSet() || saved.current !== null) return
    try {
      const { value } = await Taro.getScreenBrightness()
      saved.current = value
      await Taro.setScreenBrightness({ value: 1 })
      await Taro.setKeepScreenOn?.({ keepScreenOn: true })
    } catch {
      // brightness is a convenience: the QR code stays readable without it
    }
  }, [])

  const restore = useCallback(async () => {
    if (!canSet() || saved.current === null) return
    const value = saved.current
    saved.current = null
    try {
      await Taro.setScreenBrightness({ value })
      await Taro.setKeepScreenOn?.({ keepScreenOn: false })
    } catch {
      // nothing more to do
    }
  }, [])

  useEffect(() => {
    if (active) void raise()
    else void restore()
  }, [active, raise, restore])

  useDidShow(() => {
    if (active) void raise()
  })
  useDidHide(() => void restore())
  useUnload(() => void restore())
}
