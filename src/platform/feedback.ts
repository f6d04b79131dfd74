// Toasts and confirmations.
import Taro from '@tarojs/taro'

// $color-danger in styles/variables.scss (a modal takes a colour value, not a class).
const DANGER_COLOR = '#b8262c'

export function toast(title: string, icon: 'success' | 'none' = 'none'): void {
  void Taro.showToast({ title, icon, duration: 2000 })
}

/** `destructive`: the confirm button is red, for what cannot be undone (撤销, 作废). */
export async function confirm(title: string, content: string, confirmText = '确定', opts: { destructive?: boolean } = {}): Promise<boolean> {
  const res = await Taro.showModal({ title, content, confirmText, cancelText: '取消', ...(opts.destructive ? { confirmColor: DANGER_COLOR } : {}) })
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
