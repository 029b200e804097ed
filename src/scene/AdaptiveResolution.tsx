import { useStore } from '@react-three/fiber'
import { useEffect } from 'react'
import { useCampus } from '../state'

/**
 * The drawing resolution follows r3f's `performance.current` (renderQuality.ts): lowered by
 * `performance.regress()` — on every scenario or time-of-day change, when the scene takes a new
 * layout, and while the camera moves — and back to full once nothing has regressed for the debounce time.
 * The change is applied in the same task as the regress, so the first frame of a burst is
 * already cheap.
 */
export function AdaptiveResolution() {
  const store = useStore()
  useEffect(
    () =>
      // Reads the store afresh (a listener's arguments go stale when another listener sets the
      // store), and holds the ratio also against r3f re-applying the Canvas's `dpr` prop.
      store.subscribe(() => {
        const state = store.getState()
        const wanted = state.viewport.initialDpr * state.performance.current
        if (wanted <= 0 || state.viewport.dpr === wanted) return
        state.setDpr(wanted)
        state.invalidate()
      }),
    [store],
  )
  useEffect(
    () =>
      useCampus.subscribe((state, previous) => {
        // What a drag changes: the campus (a slider) or the sun (time of day).
        if (state.scenario !== previous.scenario || state.timeOfDayH !== previous.timeOfDayH)
          store.getState().performance.regress()
      }),
    [store],
  )
  return null
}
