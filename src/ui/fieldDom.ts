import { setDragging } from '../state'

/** DOM id of a field's main control, so warnings can take the user to it. */
export function fieldDomId(path: string): string {
  return `field-${path.replace(/[^a-zA-Z0-9]+/g, '-')}`
}

/** Scrolls to a field's control, focuses it and marks it briefly. */
export function focusField(path: string): void {
  const element = document.getElementById(fieldDomId(path))
  if (!element) return
  element.scrollIntoView({ block: 'center', behavior: 'smooth' })
  element.focus({ preventScroll: true })
  const row = element.closest('.field')
  if (row) {
    row.classList.remove('field-attention')
    // Restart the highlight animation.
    void (row as HTMLElement).offsetWidth
    row.classList.add('field-attention')
  }
}

/**
 * Marks a slider as held from pointer down until the pointer is released anywhere (or the
 * gesture is cancelled), so the 3D view keeps drawing cheaply for the whole drag.
 */
export function holdWhileDragging(): void {
  setDragging(true)
  const release = (): void => {
    setDragging(false)
    window.removeEventListener('pointerup', release, true)
    window.removeEventListener('pointercancel', release, true)
  }
  window.addEventListener('pointerup', release, true)
  window.addEventListener('pointercancel', release, true)
}
