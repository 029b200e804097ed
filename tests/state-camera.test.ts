/** The camera in links and exported images: named views and custom poses, degenerate ones refused. */
import { describe, expect, it } from 'vitest'
import { CAMERA_VIEWS, CAMERA_VIEW_LABELS, cameraFromParam, readQuery } from '../src/state'

describe('cam=', () => {
  it('reads every named view and a custom pose', () => {
    for (const view of CAMERA_VIEWS) {
      expect(cameraFromParam(view)).toEqual({ view })
      expect(CAMERA_VIEW_LABELS[view]).not.toBe('')
    }
    expect(cameraFromParam('120.5,80,-30,0,0,0')).toEqual({
      view: 'custom',
      position: [120.5, 80, -30],
      target: [0, 0, 0],
    })
  })

  it('refuses a camera that stands on its target, with the usual notice', () => {
    expect(cameraFromParam('10,20,30,10,20,30')).toBeNull()
    expect(cameraFromParam('10,20,30,10.04,20,30')).toBeNull()
    expect(cameraFromParam('10,20,30,10.2,20,30')).not.toBeNull()
    const r = readQuery('?racksPerHall=200&cam=5,5,5,5,5,5')
    expect(r.camera).toEqual({ view: 'overview' })
    expect(r.scenario.racksPerHall).toBe(200)
    expect(r.problems.map((p) => p.path)).toEqual(['cam'])
  })
})
