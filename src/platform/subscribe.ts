// Asks for WeChat subscribe-message permission before a case is submitted, so the citizen hears
// about its progress. WeChat only allows the request inside a tap: call this first thing in the
// tap handler, before any await, and do not wait for it — a refusal never blocks the submission.
import Taro from '@tarojs/taro'

export function requestCaseSubscription(templateIds: string[]): void {
  if (process.env.TARO_ENV !== 'weapp' || templateIds.length === 0) return
  try {
    const asked = Taro.requestSubscribeMessage({ tmplIds: templateIds, entityIds: [] } as Parameters<typeof Taro.requestSubscribeMessage>[0])
    void Promise.resolve(asked).catch(() => undefined)
  } catch {
    // an old client without the API: nothing to ask
  }
}
