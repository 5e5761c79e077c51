/**
 * The element that really has focus, looking through shadow roots: inside a custom element
 * `document.activeElement` is only the host element.
 */
export function deepActiveElement(root: Document | ShadowRoot = document): HTMLElement | null {
  const active = root.activeElement
  if (!(active instanceof HTMLElement)) return null
  return active.shadowRoot ? (deepActiveElement(active.shadowRoot) ?? active) : active
}
