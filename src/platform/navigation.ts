// Page addresses and the few ways the app moves between them.
import Taro from '@tarojs/taro'

export const routes = {
  home: '/pages/index/index',
  incentives: '/pages/incentives/index',
  mine: '/pages/mine/index',
  notFound: '/packages/account/pages/not-found/index',
  login: '/packages/account/pages/login/index',
  realName: '/packages/account/pages/real-name/index',
  privacy: '/packages/account/pages/privacy/index',
  accessLog: '/packages/account/pages/access-log/index',
  outbox: '/packages/account/pages/outbox/index',
  messages: '/packages/messages/pages/index/index',
  help: '/packages/account/pages/help/index',
  about: '/packages/account/pages/about/index',
  deleteAccount: '/packages/account/pages/delete/index',
  vouchers: '/packages/incentives/pages/vouchers/index',
  myCommitments: '/packages/commitments/pages/mine/index',
  records: '/packages/credit/pages/records/index',
  recordDetail: '/packages/credit/pages/detail/index',
  score: '/packages/credit/pages/score/index',
  myObjections: '/packages/credit/pages/objections/index',
  officer: '/packages/officer/pages/index/index',
  authorizations: '/packages/incentives/pages/authorizations/index',
  commitments: '/packages/commitments/pages/index/index',
  publicCommitments: '/packages/commitments/pages/public/index',
  publicLists: '/packages/public/pages/lists/index',
  repairPlanner: '/packages/repair/pages/planner/index',
  publicService: '/packages/public-service/pages/tasks/index',
  serviceHours: '/packages/public-service/pages/hours/index',
  organizer: '/packages/organizer/pages/tasks/index',
  reportVerify: '/packages/public/pages/report-verify/index',
  reports: '/packages/reports/pages/index/index',
  reportGenerate: '/packages/reports/pages/generate/index',
  reportDetail: '/packages/reports/pages/detail/index',
} as const

/** A query parameter of the current page, decoded (the mini-program passes it as sent). */
export function readParam(params: Record<string, string | undefined>, name: string): string | undefined {
  const raw = params[name]
  if (!raw) return undefined
  try {
    return decodeURIComponent(raw)
  } catch {
    return undefined
  }
}

/** A page address with query parameters (values encoded; empty ones left out). */
export function withQuery(url: string, params: Record<string, string | undefined>): string {
  const query = Object.entries(params)
    .filter((e): e is [string, string] => Boolean(e[1]))
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&')
  return query ? `${url}?${query}` : url
}

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
