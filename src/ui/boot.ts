import {
  browserStorage,
  followOtherTabs,
  loadLibrary,
  loadProgrammeLibrary,
  openFromLocation,
  startUrlSync,
  undo,
  redo,
} from '../state'

let booted = false

/**
 * Starts the planner once: opens the link's scenario and view, reads saved scenarios, keeps
 * the address bar in step and wires the undo shortcuts. Runs before the first render so the
 * first frame already shows the linked scenario.
 */
export function bootPlanner(): void {
  if (booted || typeof window === 'undefined') return
  booted = true
  openFromLocation()
  loadLibrary()
  loadProgrammeLibrary(browserStorage())
  startUrlSync()
  followOtherTabs()
  window.addEventListener('keydown', onShortcut)
}

/** Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z or Ctrl+Y redoes; text boxes keep their own undo. */
function onShortcut(event: KeyboardEvent): void {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return
  const target = event.target
  if (
    target instanceof HTMLElement &&
    (target.isContentEditable ||
      target instanceof HTMLTextAreaElement ||
      (target instanceof HTMLInputElement && target.type !== 'range'))
  ) {
    return
  }
  const key = event.key.toLowerCase()
  if (key === 'z' && !event.shiftKey) {
    event.preventDefault()
    undo()
  } else if ((key === 'z' && event.shiftKey) || key === 'y') {
    event.preventDefault()
    redo()
  }
}
