import type { ReactNode } from 'react'
import {
  CAMERA_VIEWS,
  CAMERA_VIEW_LABELS,
  setCamera,
  setMotion,
  formatDayOfYear,
  setDayOfYear,
  setTimeOfDay,
  setXray,
  toggleLayer,
  useCampus,
  type LayerId,
} from '../state'
import { holdWhileDragging } from './fieldDom'
import { useViewObstacle } from './useViewObstacle'

const LAYERS: readonly { readonly id: LayerId; readonly label: string }[] = [
  { id: 'power', label: 'Power' },
  { id: 'cooling', label: 'Cooling' },
  { id: 'compute', label: 'Compute' },
  { id: 'site', label: 'Site' },
]

function Toggle({
  pressed,
  onClick,
  children,
}: {
  pressed: boolean
  onClick: () => void
  children: ReactNode
}) {
  return (
    <button type="button" className="tool" aria-pressed={pressed} onClick={onClick}>
      {children}
    </button>
  )
}

function formatHour(h: number): string {
  const hours = Math.floor(h) % 24
  const minutes = Math.round((h - Math.floor(h)) * 60)
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`
}

/** Over the 3D view: named camera views, layers, x-ray, motion, time of day and date (all in the store). */
export function ViewToolbar() {
  const view = useCampus((s) => s.camera.view)
  const layers = useCampus((s) => s.layers)
  const xray = useCampus((s) => s.xray)
  const motion = useCampus((s) => s.motion)
  const timeOfDayH = useCampus((s) => s.timeOfDayH)
  const dayOfYear = useCampus((s) => s.dayOfYear)
  // The scene's labels keep clear of both toolbars.
  const viewsRef = useViewObstacle('toolbar-views')
  const layersRef = useViewObstacle('toolbar-layers')
  return (
    <div className="view-tools">
      <div ref={viewsRef} role="toolbar" aria-label="Camera views" className="toolbar">
        {CAMERA_VIEWS.map((id) => (
          <Toggle key={id} pressed={view === id} onClick={() => setCamera({ view: id })}>
            {CAMERA_VIEW_LABELS[id]}
          </Toggle>
        ))}
      </div>
      <div ref={layersRef} role="toolbar" aria-label="Layers and display" className="toolbar">
        {LAYERS.map((layer) => (
          <Toggle key={layer.id} pressed={layers[layer.id]} onClick={() => toggleLayer(layer.id)}>
            {layer.label}
          </Toggle>
        ))}
        <span aria-hidden="true" className="toolbar-divider" />
        <Toggle pressed={xray} onClick={() => setXray(!xray)}>
          X-ray
        </Toggle>
        <Toggle pressed={motion} onClick={() => setMotion(!motion)}>
          Motion
        </Toggle>
        <label className="toolbar-range">
          Time of day
          <input
            type="range"
            min={0}
            max={24}
            step={0.25}
            value={timeOfDayH}
            onPointerDown={holdWhileDragging}
            onChange={(e) => setTimeOfDay(Number(e.currentTarget.value))}
          />
          <output>{formatHour(timeOfDayH)}</output>
        </label>
        <label className="toolbar-range">
          Date
          <input
            type="range"
            min={1}
            max={365}
            step={1}
            value={dayOfYear}
            onPointerDown={holdWhileDragging}
            onChange={(e) => setDayOfYear(Number(e.currentTarget.value))}
          />
          <output>{formatDayOfYear(dayOfYear)}</output>
        </label>
      </div>
    </div>
  )
}
