// H5: every control the app draws as a view with a role (Taro's <View> has no keyboard behaviour
// of its own) becomes reachable by Tab and operable by Enter and Space, as a native button is —
// for keyboard users and for switch access, which drives the same focus. One place, so every
// control gets it, including ones added later; components only need the right role.
const INTERACTIVE_ROLES = ['button', 'link', 'switch', 'radio', 'tab', 'checkbox', 'menuitem', 'option']
// Taro's H5 <Button> is a custom element with no focus or role of its own.
const SELECTOR = INTERACTIVE_ROLES.map((r) => `[role="${r}"]`).concat('taro-button-core').join(',')

function isDisabled(el: Element): boolean {
  return el.getAttribute('aria-disabled') === 'true' || el.hasAttribute('disabled')
}

/** Makes `el` and the controls inside it focusable (once; a later tabindex from a component wins). */
function makeFocusable(root: Element): void {
  // A page scrolls as a whole: keyboard users scroll it once it has focus (also when it holds no control).
  for (const page of root.matches('.taro_page') ? [root] : root.querySelectorAll('.taro_page')) {
    if (!page.hasAttribute('tabindex')) page.setAttribute('tabindex', '0')
  }
  const controls = root.matches(SELECTOR) ? [root, ...root.querySelectorAll(SELECTOR)] : [...root.querySelectorAll(SELECTOR)]
  for (const el of controls) {
    if (el.hasAttribute('tabindex') || isNative(el)) continue
    if (!el.hasAttribute('role')) el.setAttribute('role', 'button')
    el.setAttribute('tabindex', isDisabled(el) ? '-1' : '0')
  }
}

function isNative(el: Element): boolean {
  return ['BUTTON', 'A', 'INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName)
}

function onKeyDown(e: KeyboardEvent): void {
  if (e.key !== 'Enter' && e.key !== ' ') return
  const target = e.target as Element | null
  if (!target || isNative(target) || !target.matches(SELECTOR) || isDisabled(target)) return
  // Space would scroll the page; Enter on a link and Space on a button are both a press here.
  e.preventDefault()
  ;(target as HTMLElement).click()
}

export function enableKeyboardAccess(): void {
  document.addEventListener('keydown', onKeyDown)
  makeFocusable(document.body)
  new MutationObserver((changes) => {
    for (const change of changes) {
      if (change.type === 'attributes') {
        const el = change.target as Element
        if (el.matches(SELECTOR) && !isNative(el) && ['aria-disabled', 'disabled'].includes(change.attributeName ?? '')) el.setAttribute('tabindex', isDisabled(el) ? '-1' : '0')
        else if (change.attributeName === 'role') makeFocusable(el)
        continue
      }
      for (const node of change.addedNodes) if (node.nodeType === Node.ELEMENT_NODE) makeFocusable(node as Element)
    }
  }).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['role', 'aria-disabled', 'disabled'] })
}
