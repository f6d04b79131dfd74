// Whether the phone shows text larger than normal: WeChat's font setting or 关怀模式 (both raise
// getAppBaseInfo().fontSizeScaleFactor), or on H5 the browser's default text size.
import Taro from '@tarojs/taro'

const BROWSER_DEFAULT_PX = 16
/** iOS Dynamic Type's body size at the standard setting */
const IOS_BODY_DEFAULT_PX = 17

export function systemTextEnlarged(): boolean {
  if (process.env.TARO_ENV === 'weapp') {
    try {
      const info = Taro.getAppBaseInfo() as { fontSizeScaleFactor?: number; fontSizeSetting?: number }
      return (info.fontSizeScaleFactor ?? 1) > 1 || (info.fontSizeSetting ?? 0) > IOS_BODY_DEFAULT_PX
    } catch {
      return false
    }
  }
  return browserTextEnlarged()
}

/**
 * The root element's size is set by the app (rem layout), so it cannot tell: a probe at `medium`
 * (the user's default size) and at iOS's body text style (Dynamic Type) can.
 */
function browserTextEnlarged(): boolean {
  if (typeof document === 'undefined' || !document.body) return false
  const probe = document.createElement('span')
  probe.setAttribute('aria-hidden', 'true')
  probe.style.cssText = 'position:absolute;visibility:hidden;font-size:medium'
  document.body.appendChild(probe)
  try {
    const medium = parseFloat(getComputedStyle(probe).fontSize)
    probe.style.font = '-apple-system-body'
    const iosBody = probe.style.font ? parseFloat(getComputedStyle(probe).fontSize) : NaN
    return medium > BROWSER_DEFAULT_PX || iosBody > IOS_BODY_DEFAULT_PX
  } finally {
    probe.remove()
  }
}
