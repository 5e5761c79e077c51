import { type Ref, watch } from 'vue'

/**
 * The element that really has focus, looking through shadow roots: inside a custom element
 * `document.activeElement` is only the host element.
 */
export function deepActiveElement(root: Document | ShadowRoot = document): HTMLElement | null {
  const active = root.activeElement
  if (!(active instanceof HTMLElement)) return null
  return active.shadowRoot ? (deepActiveElement(active.shadowRoot) ?? active) : active
}

/**
 * For a dialog opened without a DialogTrigger: remembers the element focused when `open` turns true and
 * returns the handler for reka-ui's `close-auto-focus` that puts focus back there.
 * NOTE: remembered here rather than left to reka-ui: with no trigger, and inside a shadow root, it may not
 * know the element to return to.
 */
export function useReturnFocus(open: Ref<boolean>): (event: Event) => void {
  let returnFocusTo: HTMLElement | null = null
  watch(open, (isOpen) => {
    if (isOpen) returnFocusTo = deepActiveElement()
  }, { immediate: true })
  return (event) => {
    if (!returnFocusTo?.isConnected) return
    event.preventDefault()
    returnFocusTo.focus()
  }
}
