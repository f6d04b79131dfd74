// Toasts and confirmations.
import Taro from '@tarojs/taro'

export function toast(title: string, icon: 'success' | 'none' = 'none'): void {
  void Taro.showToast({ title, icon, duration: 2000 })
}

export async function confirm(title: string, content: string, confirmText = '确定'): Promise<boolean> {
  const res = await Taro.showModal({ title, content, confirmText, cancelText: '取消' })
  return Boolean(res.confirm)
}

/** A choice from a short list (an action sheet); null when the user cancels. */
export async function choose(items: string[]): Promise<number | null> {
  try {
    const res = await Taro.showActionSheet({ itemList: items })
    return typeof res.tapIndex === 'number' ? res.tapIndex : null
  } catch {
    return null // cancelled
  }
}
