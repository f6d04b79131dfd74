// Page addresses and the few ways the app moves between them.
import Taro from '@tarojs/taro'

export const routes = {
  home: '/pages/index/index',
  incentives: '/pages/incentives/index',
  mine: '/pages/mine/index',
  login: '/packages/account/pages/login/index',
  realName: '/packages/account/pages/real-name/index',
  privacy: '/packages/account/pages/privacy/index',
} as const

const tabs: readonly string[] = [routes.home, routes.incentives, routes.mine]

export function openPage(url: string): void {
  if (tabs.includes(url)) void Taro.switchTab({ url })
  else void Taro.navigateTo({ url })
}

/** Replaces the current page (the login page once the user is in). */
export function replacePage(url: string): void {
  void Taro.redirectTo({ url })
}

/** Back to where the user came from, or to a tab when the page was opened directly (H5 link). */
export function goBack(fallbackTab: string = routes.home): void {
  const stack = (Taro.getCurrentPages?.() as unknown[] | undefined) ?? []
  if (stack.length > 1) void Taro.navigateBack()
  else void Taro.switchTab({ url: fallbackTab })
}
