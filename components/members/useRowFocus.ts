import { nextTick, onMounted, onUpdated, type Ref, ref, watch } from 'vue'
import type { Member } from '../../stores/api/index.ts'
import type { MemberListItem } from './layout.ts'

/**
 * The members grid's keyboard: one focused member row (`active`, an index into `items`), Up / Down /
 * Home / End between members (headings are passed over), Enter opens the member, and one Tab stop for the
 * grid: the focused row and its controls.
 */
export function useRowFocus(items: Ref<MemberListItem[]>, scroller: Ref<HTMLElement | null>, scrollTo: (index: number) => void, open: (member: Member) => void) {
  /** The focused member row, as an index into `items`. */
  const active = ref(0)
  watch(items, (list) => {
    if (list[active.value]?.kind !== 'member') active.value = Math.max(0, list.findIndex((item) => item.kind === 'member'))
  }, { immediate: true })

  /** The member row `step` lines away from `index`, passing over headings; `index` itself at the ends. */
  function memberAt(index: number, step: number): number {
    for (let next = index + step; next >= 0 && next < items.value.length; next += step) {
      if (items.value[next]?.kind === 'member') return next
    }
    return index
  }
  const moves: Record<string, (index: number) => number> = {
    ArrowDown: (index) => memberAt(index, 1), ArrowUp: (index) => memberAt(index, -1),
    Home: () => memberAt(-1, 1), End: () => memberAt(items.value.length, -1),
  }

  /** A key on a row (not on one of its controls). */
  async function onKeydown(event: KeyboardEvent, index: number) {
    if (event.target !== event.currentTarget) return
    const item = items.value[index]
    if (event.key === 'Enter' && item?.kind === 'member') return open(item.member)
    const move = moves[event.key]
    if (!move) return
    event.preventDefault()
    active.value = move(index)
    // NOTE: the target row may not be rendered yet; scroll it in first, then focus it.
    scrollTo(active.value)
    await nextTick()
    scroller.value?.querySelector<HTMLElement>(`[data-index="${active.value}"][tabindex]`)?.focus()
  }

  /**
   * Takes other rows' controls out of the Tab order. Set on the DOM, as some controls render their own
   * buttons (the member card's "Make Admin"); menu items keep their own roving tabindex.
   */
  function syncTabStops() {
    for (const row of scroller.value?.querySelectorAll<HTMLElement>('[data-index]') ?? []) {
      const own = Number(row.dataset.index) === active.value
      for (const control of row.querySelectorAll<HTMLElement>('button:not([role="menuitem"]), a[href], input, select')) {
        if (own) control.removeAttribute('tabindex')
        else control.tabIndex = -1
      }
    }
  }
  onMounted(syncTabStops)
  onUpdated(syncTabStops)
  watch(active, syncTabStops, { flush: 'post' })

  return { active, onKeydown, syncTabStops }
}
