// Toasts and confirmations.
import Taro from '@tarojs/taro'

export function toast(title: string, icon: 'success' | 'none' = 'none'): void {
  void Taro.showToast({ title, icon, duration: 2000 })
}

export async function confirm(title: string, content: string, confirmText = '确定'): Promise<boolean> {
  const res = await Taro.showModal({ title, content, confirmText, cancelText: '取消' })
  return Boolean(res.confirm)
}
