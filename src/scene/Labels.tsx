import { useFrame } from '@react-three/fiber'
import { useMemo, type CSSProperties } from 'react'
import * as THREE from 'three'
import type { CampusLayout } from '../layout'
import { useCampus, useDeferredLayout, type LayerId } from '../state'
import { groundY } from './sceneData'

/**
 * Labels for the main assets (one per kind of asset, never per unit). They are DOM elements
 * over the canvas, placed each rendered frame; a label that would overlap a more important
 * one, or whose layer is hidden, is not shown — so they stay readable and never clutter.
 */
interface LabelSpec {
  readonly id: string
  readonly text: string
  readonly layer: LayerId
  readonly at: readonly [number, number, number]
  /** Lower is more important (placed first). */
  readonly priority: number
}

export function labelsFor(layout: CampusLayout): LabelSpec[] {
  const labels: LabelSpec[] = []
  const first = layout.buildings[0]
  if (first) {
    const n = layout.buildings.length
    labels.push({
      id: 'buildings',
      text: n > 1 ? `GPU buildings (${n})` : 'GPU building',
      layer: 'compute',
      at: [first.rect.x, first.heightM + 14, first.rect.z],
      priority: 0,
    })
  }
  // The last building's yard, so the label stands apart from the buildings' label.
  const cooling = layout.yards.filter((y) => y.kind === 'cooling').pop()
  if (cooling)
    labels.push({
      id: 'cooling',
      text: 'Cooling yard',
      layer: 'cooling',
      at: [cooling.rect.x + cooling.rect.w / 4, 10, cooling.rect.z],
      priority: 1,
    })
  const s = layout.substation.rect
  labels.push({
    id: 'substation',
    text: 'Substation',
    layer: 'power',
    at: [s.x, 26, s.z],
    priority: 2,
  })
  const hydro = layout.hydro
  if (hydro) {
    const p = hydro.powerhouse
    labels.push({
      id: 'powerhouse',
      text: 'Hydro powerhouse',
      layer: 'power',
      at: [p.x, 30, p.z],
      priority: 1,
    })
    labels.push({
      id: 'dam',
      text: 'Dam and reservoir',
      layer: 'power',
      at: [hydro.dam.x, hydro.damCrestYM + 25, hydro.dam.z],
      priority: 3,
    })
  }
  const wind = layout.wind
  const turbine = wind?.turbines[0]
  if (wind && turbine)
    labels.push({
      id: 'wind',
      text: `Wind farm (${wind.turbines.length} turbines)`,
      layer: 'power',
      at: [
        turbine.x,
        groundY(layout, turbine.x, turbine.z) + wind.hubHeightM + wind.rotorDiameterM / 2 + 10,
        turbine.z,
      ],
      priority: 1,
    })
  for (const yard of layout.yards) {
    const text =
      yard.kind === 'solar'
        ? 'Solar field'
        : yard.kind === 'gas'
          ? 'Gas turbines'
          : yard.kind === 'battery'
            ? 'Battery storage'
            : null
    if (text)
      labels.push({
        id: yard.kind,
        text,
        layer: 'power',
        at: [yard.rect.x, 24, yard.rect.z],
        priority: 2,
      })
  }
  if (layout.intake) {
    const p = layout.intake.pumphouse
    labels.push({
      id: 'intake',
      text: 'Seawater intake',
      layer: 'cooling',
      at: [p.x, 16, p.z],
      priority: 3,
    })
  }
  return labels.sort((a, b) => a.priority - b.priority)
}

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

/** The label elements, by id, for the positioner inside the canvas. */
const elements = new Map<string, HTMLDivElement>()

/** The label elements (DOM, outside the canvas). */
export function LabelLayer() {
  const layout = useDeferredLayout()
  const labels = useMemo(() => (layout ? labelsFor(layout) : []), [layout])
  return (
    <div
      aria-hidden
      style={{ position: 'absolute', inset: 0, overflow: 'hidden', pointerEvents: 'none' }}
    >
      {labels.map((label) => (
        <div
          key={label.id}
          className="campus-label"
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
const placed: { x0: number; y0: number; x1: number; y1: number }[] = []

/** Places the labels after the camera moved (runs only on rendered frames). */
export function LabelPositioner({ layout }: { layout: CampusLayout }) {
  const labels = useMemo(() => labelsFor(layout), [layout])
  useFrame(({ camera, size }) => {
    const { layers } = useCampus.getState()
    placed.length = 0
    for (const label of labels) {
      const el = elements.get(label.id)
      if (!el) continue
      scratch.set(label.at[0], label.at[1], label.at[2]).project(camera)
      const visible =
        layers[label.layer] &&
        layers.site &&
        scratch.z < 1 &&
        Math.abs(scratch.x) < 1 &&
        Math.abs(scratch.y) < 1
      if (!visible) {
        el.style.display = 'none'
        continue
      }
      const x = ((scratch.x + 1) / 2) * size.width
      const y = ((1 - scratch.y) / 2) * size.height
      const w = label.text.length * 6.6 + 18
      const box = { x0: x - w / 2, y0: y - 11, x1: x + w / 2, y1: y + 11 }
      const overlaps = placed.some(
        (p) => box.x0 < p.x1 && box.x1 > p.x0 && box.y0 < p.y1 && box.y1 > p.y0,
      )
      if (overlaps) {
        el.style.display = 'none'
        continue
      }
      placed.push(box)
      el.style.display = 'block'
      el.style.transform = `translate(${Math.round(box.x0)}px, ${Math.round(box.y0)}px)`
    }
  })
  return null
}
