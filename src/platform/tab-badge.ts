// The unread badge on the 我的 tab (the tab bar exists in both targets). Setting it from a page
// that is not a tab page fails on weapp: harmless, the next tab page shown sets it again.
import Taro from '@tarojs/taro'

const MINE_TAB = 2

export function showUnreadBadge(count: number): void {
  const done = count > 0 ? Taro.setTabBarBadge?.({ index: MINE_TAB, text: count > 99 ? '99+' : String(count) }) : Taro.removeTabBarBadge?.({ index: MINE_TAB })
  void Promise.resolve(done).catch(() => undefined)
}
