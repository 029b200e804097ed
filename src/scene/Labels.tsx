import { useFrame, useThree } from '@react-three/fiber'
import { useEffect, useLayoutEffect, useMemo, type CSSProperties } from 'react'
import * as THREE from 'three'
import type { CampusLayout } from '../layout'
import {
  onViewObstacles,
  placeLabels,
  useCampus,
  useDeferredLayout,
  viewObstacles,
  type LabelRequest,
  type PixelBox,
  type PlacedLabel,
} from '../state'
import { labelsFor } from './annotations'

/**
 * Labels for the main assets (one per kind of asset, never per unit): DOM elements over the
 * canvas, placed each rendered frame inside a safe area — clear of the canvas's edges, of the
 * view's toolbars and selection card (state/viewObstacles.ts) and of each other, most
 * important first (state/labelPlacement.ts). A label pushed away from its anchor draws a thin
 * leader line to it; one with no room, or whose layer is hidden, is not shown.
 */

export { labelsFor }

/** Margin kept between labels and the canvas's edges, CSS pixels. */
export const LABEL_MARGIN_PX = 8

const LABEL_STYLE: CSSProperties = {
  position: 'absolute',
  left: 0,
  top: 0,
  padding: '3px 8px',
  borderRadius: 999,
  background: 'rgba(255, 255, 255, 0.9)',
  border: '1px solid rgba(29, 35, 48, 0.12)',
  boxShadow: '0 1px 3px rgba(29, 35, 48, 0.18)',
  color: '#1d2330',
  font: '600 11px/1.3 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  whiteSpace: 'nowrap',
  pointerEvents: 'none',
  userSelect: 'none',
  display: 'none',
  willChange: 'transform',
}

const LEADER_STYLE: CSSProperties = {
  position: 'absolute',
  inset: 0,
  width: '100%',
  height: '100%',
  overflow: 'visible',
  pointerEvents: 'none',
}

/** The label elements and their leader lines, by id, for the positioner inside the canvas. */
const elements = new Map<string, HTMLDivElement>()
const leaders = new Map<string, SVGLineElement>()
/** Each label's size, measured once when its text is set (CSS pixels). */
const sizes = new Map<string, { w: number; h: number }>()
/** Asks the canvas for a frame once new labels are measured (they may come after its last one). */
const measured = new Set<() => void>()

/** What the last placement did (read by the test hook): label boxes in canvas pixels. */
export const labelState: {
  placed: PlacedLabel[]
  safe: PixelBox
  obstacles: PixelBox[]
} = { placed: [], safe: { x0: 0, y0: 0, x1: 0, y1: 0 }, obstacles: [] }

/** The label elements (DOM, outside the canvas). */
export function LabelLayer() {
  const layout = useDeferredLayout()
  const labels = useMemo(() => (layout ? labelsFor(layout) : []), [layout])
  useLayoutEffect(() => {
    // Measured while shown (hidden elements have no size), then hidden until placed.
    for (const label of labels) {
      const el = elements.get(label.id)
      if (!el) continue
      const display = el.style.display
      el.style.display = 'block'
      sizes.set(label.id, { w: el.offsetWidth, h: el.offsetHeight })
      el.style.display = display
    }
    for (const listener of measured) listener()
  }, [labels])
  return (
    <div
      aria-hidden
      style={{ position: 'absolute', inset: 0, overflow: 'hidden', pointerEvents: 'none' }}
    >
      <svg style={LEADER_STYLE}>
        {labels.map((label) => (
          <line
            key={label.id}
            stroke="rgba(29, 35, 48, 0.7)"
            strokeWidth={1.25}
            display="none"
            ref={(el) => {
              if (el) leaders.set(label.id, el)
              else leaders.delete(label.id)
            }}
          />
        ))}
      </svg>
      {labels.map((label) => (
        <div
          key={label.id}
          className="campus-label"
          data-label={label.id}
          style={LABEL_STYLE}
          ref={(el) => {
            if (el) elements.set(label.id, el)
            else elements.delete(label.id)
          }}
        >
          {label.text}
        </div>
      ))}
    </div>
  )
}

const scratch = new THREE.Vector3()
const requests: { -readonly [K in keyof LabelRequest]: LabelRequest[K] }[] = []
const placed: PlacedLabel[] = []
const shown = new Set<string>()

/** Places the labels after the camera moved (runs only on rendered frames). */
export function LabelPositioner({ layout }: { layout: CampusLayout }) {
  const labels = useMemo(() => labelsFor(layout), [layout])
  const invalidate = useThree((s) => s.invalidate)
  const gl = useThree((s) => s.gl)
  // A toolbar that grows or moves takes the labels with it at once.
  useEffect(() => onViewObstacles(() => invalidate()), [invalidate])
  useEffect(() => {
    measured.add(invalidate)
    return () => {
      measured.delete(invalidate)
    }
  }, [invalidate])
  useFrame(({ camera, size }) => {
    const { layers } = useCampus.getState()
    const canvas = gl.domElement.getBoundingClientRect()
    const safe = labelState.safe
    safe.x0 = LABEL_MARGIN_PX
    safe.y0 = LABEL_MARGIN_PX
    safe.x1 = size.width - LABEL_MARGIN_PX
    safe.y1 = size.height - LABEL_MARGIN_PX
    const obstacles = labelState.obstacles
    let count = 0
    for (const obstacle of viewObstacles()) {
      const r = obstacle.rect()
      if (!r) continue
      const box = (obstacles[count++] ??= { x0: 0, y0: 0, x1: 0, y1: 0 })
      box.x0 = r.x0 - canvas.left
      box.y0 = r.y0 - canvas.top
      box.x1 = r.x1 - canvas.left
      box.y1 = r.y1 - canvas.top
    }
    obstacles.length = count
    let n = 0
    for (const label of labels) {
      const measured = sizes.get(label.id)
      if (!measured || !layers[label.layer] || !layers.site) continue
      scratch.set(label.at[0], label.at[1], label.at[2]).project(camera)
      if (scratch.z >= 1 || Math.abs(scratch.x) > 1 || Math.abs(scratch.y) > 1) continue
      const request = (requests[n++] ??= { id: '', anchorX: 0, anchorY: 0, width: 0, height: 0 })
      request.id = label.id
      request.anchorX = ((scratch.x + 1) / 2) * size.width
      request.anchorY = ((1 - scratch.y) / 2) * size.height
      request.width = measured.w
      request.height = measured.h
    }
    requests.length = n
    placeLabels(requests, safe, obstacles, { gap: 4 }, placed)
    labelState.placed = placed
    shown.clear()
    for (const p of placed) {
      const el = elements.get(p.id)
      if (!el) continue
      shown.add(p.id)
      el.style.display = 'block'
      el.style.transform = `translate(${Math.round(p.box.x0)}px, ${Math.round(p.box.y0)}px)`
      const leader = leaders.get(p.id)
      if (!leader) continue
      if (p.leader) {
        leader.setAttribute('x1', String(p.anchorX))
        leader.setAttribute('y1', String(p.anchorY))
        leader.setAttribute('x2', String(p.leaderX))
        leader.setAttribute('y2', String(p.leaderY))
        leader.setAttribute('display', 'inline')
      } else leader.setAttribute('display', 'none')
    }
    for (const [id, el] of elements) {
      if (shown.has(id)) continue
      el.style.display = 'none'
      leaders.get(id)?.setAttribute('display', 'none')
    }
  })
  return null
}
