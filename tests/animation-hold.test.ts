import { describe, expect, it } from 'vitest'
import { holdMotion, motionHeld } from '../src/scene/animationClock'

/** An export holds the moving parts still (src/scene/animationClock.ts, `holdMotion`). */
describe('holding motion during an export', () => {
  it('holds until every hold is released, and a release counts once', () => {
    expect(motionHeld()).toBe(false)
    const first = holdMotion()
    const second = holdMotion()
    expect(motionHeld()).toBe(true)
    first()
    first()
    expect(motionHeld()).toBe(true)
    second()
    expect(motionHeld()).toBe(false)
  })
})
