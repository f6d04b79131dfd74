// H5 title bar: Taro's router draws one above the pages (title, and back when the page has one
// below it in the stack, home otherwise — a deep link opened in a new tab or from the home
// screen). It is plain <div>s: this makes its two controls buttons a keyboard or switch user can
// reach and press, with names a screen reader reads, and keeps it in step with 长辈模式.

const CONTROLS: Array<[selector: string, label: string]> = [
  ['.taro-navigation-bar-back', '返回'],
  ['.taro-navigation-bar-home', '回到首页'],
]

function decorate(bar: HTMLElement): void {
  bar.setAttribute('role', 'banner')
  for (const [selector, label] of CONTROLS) {
    const control = bar.querySelector<HTMLElement>(selector)
    if (!control || control.hasAttribute('role')) continue
    control.setAttribute('role', 'button')
    control.setAttribute('tabindex', '0')
    control.setAttribute('aria-label', label)
    control.querySelector('svg')?.setAttribute('aria-hidden', 'true')
    control.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter' && e.key !== ' ') return
      e.preventDefault()
      control.click()
    })
  }
  const title = bar.querySelector<HTMLElement>('.taro-navigation-bar-title')
  title?.setAttribute('role', 'heading')
  title?.setAttribute('aria-level', '1')
}

/** `followElderly` calls its argument now and on every change of 长辈模式 (the app owns that setting). */
export function setUpTitleBar(followElderly: (apply: (on: boolean) => void) => void): void {
  followElderly((on) => document.documentElement.classList.toggle('elderly-mode', on))
  const bar = document.getElementById('taro-navigation-bar')
  if (bar) return decorate(bar)
  // The router may add it after the app launches.
  const observer = new MutationObserver(() => {
    const added = document.getElementById('taro-navigation-bar')
    if (!added) return
    observer.disconnect()
    decorate(added)
  })
  observer.observe(document.body, { childList: true, subtree: true })
}
