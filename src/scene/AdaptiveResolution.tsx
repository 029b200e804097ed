import { useStore } from '@react-three/fiber'
import { useEffect } from 'react'
import { useCampus } from '../state'

/**
 * The drawing resolution follows r3f's `performance.current` (renderQuality.ts): lowered by
 * `performance.regress()` — on every scenario or time-of-day change, when the scene takes a new
 * layout, and while the camera moves — and back to full once nothing has regressed for the
 * debounce time. While a slider is held (the store's `dragging`) it stays low, so a pause mid-drag does not
 * bring the full-resolution frame. The change is applied in the same task as the regress, so
 * the first frame of a burst is already cheap.
 */
export function AdaptiveResolution() {
  const store = useStore()
  useEffect(() => {
    // Reads both stores afresh (a listener's arguments go stale when another listener sets the
    // store), and holds the ratio also against r3f re-applying the Canvas's `dpr` prop.
    const apply = (): void => {
      const state = store.getState()
      const { performance } = state
      const scale = useCampus.getState().dragging ? performance.min : performance.current
      const wanted = state.viewport.initialDpr * scale
      if (wanted <= 0 || state.viewport.dpr === wanted) return
      state.setDpr(wanted)
      state.invalidate()
    }
    const unsubscribeR3f = store.subscribe(apply)
    const unsubscribeCampus = useCampus.subscribe((state, previous) => {
      // What a drag changes: the campus (a slider) or the sun (time of day); letting go of a
      // slider starts the quiet time before the full-resolution frame.
      if (
        state.scenario !== previous.scenario ||
        state.timeOfDayH !== previous.timeOfDayH ||
        state.dayOfYear !== previous.dayOfYear ||
        state.dragging !== previous.dragging
      )
        store.getState().performance.regress()
      apply()
    })
    return () => {
      unsubscribeR3f()
      unsubscribeCampus()
    }
  }, [store])
  return null
}
