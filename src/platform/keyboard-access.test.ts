import { enableKeyboardAccess } from './keyboard-access.h5'

const settle = () => new Promise((r) => setTimeout(r, 0))
const press = (el: Element, key: string) => {
  const e = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true })
  el.dispatchEvent(e)
  return e
}

beforeAll(() => enableKeyboardAccess())

describe('keyboard access on H5', () => {
  it('when a view with a role appears, then Tab reaches it and Enter and Space press it', async () => {
    const clicks: string[] = []
    const view = document.createElement('div')
    view.setAttribute('role', 'switch')
    view.addEventListener('click', () => clicks.push('switch'))
    document.body.appendChild(view)
    await settle()
    expect(view.getAttribute('tabindex')).toBe('0')
    expect(press(view, 'Enter').defaultPrevented).toBe(true)
    expect(press(view, ' ').defaultPrevented).toBe(true)
    press(view, 'a')
    expect(clicks).toEqual(['switch', 'switch'])
  })

  it('when a control is disabled, then it is skipped by Tab and not pressed', async () => {
    const clicks: string[] = []
    const view = document.createElement('div')
    view.setAttribute('role', 'button')
    view.setAttribute('aria-disabled', 'true')
    view.addEventListener('click', () => clicks.push('x'))
    document.body.appendChild(view)
    await settle()
    expect(view.getAttribute('tabindex')).toBe('-1')
    press(view, 'Enter')
    expect(clicks).toEqual([])
    view.setAttribute('aria-disabled', 'false')
    await settle()
    expect(view.getAttribute('tabindex')).toBe('0')
  })

  it('leaves native controls and text alone', async () => {
    const button = document.createElement('button')
    const text = document.createElement('span')
    document.body.append(button, text)
    await settle()
    expect(button.hasAttribute('tabindex')).toBe(false)
    expect(text.hasAttribute('tabindex')).toBe(false)
  })
})

describe('keyboard access on H5: Taro buttons', () => {
  it('when a Taro button appears, then it is a focusable button, and leaves Tab order while disabled', async () => {
    const button = document.createElement('taro-button-core')
    document.body.appendChild(button)
    await settle()
    expect(button.getAttribute('role')).toBe('button')
    expect(button.getAttribute('tabindex')).toBe('0')
    button.setAttribute('disabled', '')
    await settle()
    expect(button.getAttribute('tabindex')).toBe('-1')
  })
})
