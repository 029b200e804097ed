import { useFrame } from '@react-three/fiber'
import { useCampus } from '../state'

/**
 * The scene's one animation clock, in seconds. Anything that moves (rotors today) derives its
 * state from this time only, through `onAnimationTime`, never from the wall clock: on screen the
 * clock advances with rendered frames while Motion is on (`AnimationClock`); an export session
 * sets it for each frame it renders (a video's frame N at N / fps seconds), so any frame can be
 * rendered again identically.
 */
let timeS = 0
const listeners = new Set<(timeS: number) => void>()

export function animationTimeS(): number {
  return timeS
}

/** Sets the clock and brings everything animated to that time (synchronously). */
export function setAnimationTime(next: number): void {
  timeS = next
  for (const listener of listeners) listener(next)
}

/** Calls `listener` with the time now and whenever it changes; returns the unsubscribe. */
export function onAnimationTime(listener: (timeS: number) => void): () => void {
  listeners.add(listener)
  listener(timeS)
  return () => listeners.delete(listener)
}

let holds = 0

/**
 * Stops the moving parts from asking for frames (and the clock from advancing) until the
 * returned function is called. An image export holds them: between its steps it waits for the
 * browser to paint and to encode, and fans spinning in a dense view drew frames of hundreds of
 * milliseconds each on a software rasteriser meanwhile (a 4K Cooling yard export took 9.3 s).
 */
export function holdMotion(): () => void {
  holds++
  let released = false
  return () => {
    if (released) return
    released = true
    holds--
  }
}

/** Whether an export holds the moving parts still (they ask for no frames). */
export function motionHeld(): boolean {
  return holds > 0
}

/** Whether Motion is on and not held by an export. */
function motionRunning(): boolean {
  return holds === 0 && useCampus.getState().motion
}

/** Longest step one frame advances the clock, seconds (a tab in the background does not jump). */
const MAX_STEP_S = 0.2

/** Advances the clock with the frames the view renders while Motion is on. */
export function AnimationClock() {
  useFrame((_, delta) => {
    if (motionRunning()) setAnimationTime(timeS + Math.min(delta, MAX_STEP_S))
  })
  return null
}
