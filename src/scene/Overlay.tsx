import { useEffect, type CSSProperties, type ReactNode } from 'react'
import {
  select,
  setCamera,
  setMotion,
  setTimeOfDay,
  setXray,
  toggleLayer,
  useCampus,
  useEvaluation,
  useLayout,
  type LayerId,
} from '../state'
import { describeSelection } from './describe'
import { VIEW_LABELS, type NamedView } from './views'

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif'

const panel: CSSProperties = {
  position: 'absolute',
  display: 'flex',
  flexWrap: 'wrap',
  alignItems: 'center',
  gap: 4,
  padding: 4,
  background: 'rgba(255, 255, 255, 0.9)',
  border: '1px solid var(--border, #e3e6eb)',
  borderRadius: 8,
  boxShadow: '0 1px 4px rgba(29, 35, 48, 0.12)',
  font: `500 12px/1.2 ${FONT}`,
  color: 'var(--text, #1d2330)',
  zIndex: 30,
}

function buttonStyle(pressed: boolean): CSSProperties {
  return {
    height: 26,
    padding: '0 9px',
    border: `1px solid ${pressed ? 'var(--accent, #2f6fed)' : 'transparent'}`,
    borderRadius: 5,
    background: pressed ? 'var(--accent-soft, #e9f0fe)' : 'transparent',
    color: pressed ? 'var(--accent, #2f6fed)' : 'inherit',
    font: 'inherit',
    cursor: 'pointer',
    whiteSpace: 'nowrap',
  }
}

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
    <button type="button" aria-pressed={pressed} onClick={onClick} style={buttonStyle(pressed)}>
      {children}
    </button>
  )
}

const VIEWS: readonly NamedView[] = ['overview', 'top', 'hall', 'cooling', 'power']
const LAYERS: readonly { id: LayerId; label: string }[] = [
  { id: 'power', label: 'Power' },
  { id: 'cooling', label: 'Cooling' },
  { id: 'compute', label: 'Compute' },
  { id: 'site', label: 'Site' },
]

function formatHour(h: number): string {
  const hours = Math.floor(h) % 24
  const minutes = Math.round((h - Math.floor(h)) * 60)
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`
}

/** The viewport's toolbar: named views, layers, x-ray, motion and time of day. */
export function Toolbar() {
  const view = useCampus((s) => s.camera.view)
  const layers = useCampus((s) => s.layers)
  const xray = useCampus((s) => s.xray)
  const motion = useCampus((s) => s.motion)
  const timeOfDayH = useCampus((s) => s.timeOfDayH)
  return (
    <>
      <div
        role="toolbar"
        aria-label="Camera views"
        style={{ ...panel, top: 10, left: 10, right: 'auto' }}
      >
        {VIEWS.map((id) => (
          <Toggle key={id} pressed={view === id} onClick={() => setCamera({ view: id })}>
            {VIEW_LABELS[id]}
          </Toggle>
        ))}
      </div>
      <div
        role="toolbar"
        aria-label="Layers and display"
        style={{ ...panel, top: 52, left: 10, right: 'auto' }}
      >
        {LAYERS.map((layer) => (
          <Toggle key={layer.id} pressed={layers[layer.id]} onClick={() => toggleLayer(layer.id)}>
            {layer.label}
          </Toggle>
        ))}
        <span aria-hidden style={{ width: 1, height: 18, background: 'var(--border, #e3e6eb)' }} />
        <Toggle pressed={xray} onClick={() => setXray(!xray)}>
          X-ray
        </Toggle>
        <Toggle pressed={motion} onClick={() => setMotion(!motion)}>
          Motion
        </Toggle>
        <label style={{ display: 'flex', alignItems: 'center', gap: 6, padding: '0 6px' }}>
          Time of day
          <input
            type="range"
            min={0}
            max={24}
            step={0.25}
            value={timeOfDayH}
            onChange={(e) => setTimeOfDay(Number(e.currentTarget.value))}
            style={{ width: 90 }}
          />
          <output style={{ fontVariantNumeric: 'tabular-nums', minWidth: 36 }}>
            {formatHour(timeOfDayH)}
          </output>
        </label>
      </div>
    </>
  )
}

/** The selected asset's card: what it is and what it holds, draws or rejects. */
export function InfoCard() {
  const selection = useCampus((s) => s.selection)
  const scenario = useCampus((s) => s.scenario)
  const layout = useLayout()
  const evaluation = useEvaluation()
  const open = selection !== null
  useEffect(() => {
    if (!open) return
    // Escape closes the card, as it closes the planner's dialogs.
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape' && !event.defaultPrevented) select(null)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [open])
  if (!selection || !layout || !evaluation) return null
  const d = describeSelection(
    layout,
    scenario,
    evaluation.readouts,
    selection.kind,
    selection.index,
  )
  if (!d) return null
  return (
    <section
      aria-label="Selection"
      data-testid="selection-card"
      style={{
        ...panel,
        display: 'block',
        left: 10,
        bottom: 10,
        width: 250,
        padding: '10px 12px',
        font: `400 12px/1.45 ${FONT}`,
      }}
    >
      <div style={{ display: 'flex', alignItems: 'flex-start', gap: 8 }}>
        <div style={{ flex: 1 }}>
          <h2 style={{ margin: 0, font: `600 13px/1.3 ${FONT}` }}>{d.title}</h2>
          <div style={{ color: 'var(--muted, #5d6676)' }}>{d.subtitle}</div>
        </div>
        <button
          type="button"
          aria-label="Close selection"
          onClick={() => select(null)}
          style={{ ...buttonStyle(false), height: 22, padding: '0 6px' }}
        >
          Close
        </button>
      </div>
      <dl
        style={{
          display: 'grid',
          gridTemplateColumns: '1fr auto',
          gap: '2px 10px',
          margin: '8px 0 0',
        }}
      >
        {d.facts.map(([label, value]) => (
          <div key={label} style={{ display: 'contents' }}>
            <dt style={{ color: 'var(--muted, #5d6676)' }}>{label}</dt>
            <dd style={{ margin: 0, textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  )
}
