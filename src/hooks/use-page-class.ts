// The class of a page's root view: `page`, the page's own class, and `elderly` in 长辈模式.
import { usePreferencesStore } from '../stores/preferences'

export function usePageClass(own = ''): string {
  const elderly = usePreferencesStore((s) => s.elderly)
  return ['page', own, elderly ? 'elderly' : ''].filter(Boolean).join(' ')
}
