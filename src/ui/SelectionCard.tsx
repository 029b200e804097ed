import { useEffect } from 'react'
import { select, useCampus, useSelectionDescription } from '../state'
import { useViewObstacle } from './useViewObstacle'

/** The asset selected in the 3D view: what it is and what it holds, draws or rejects. */
export function SelectionCard() {
  const open = useCampus((s) => s.selection !== null)
  const d = useSelectionDescription()
  // The scene's labels keep clear of the card.
  const cardRef = useViewObstacle('selection-card')
  useEffect(() => {
    if (!open) return
    // Escape closes the card, as it closes the planner's dialogs.
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape' && !event.defaultPrevented) select(null)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [open])
  if (!d) return null
  return (
    <section
      ref={cardRef}
      aria-label="Selection"
      data-testid="selection-card"
      className="selection-card"
    >
      <div className="selection-head">
        <div>
          <h2 className="selection-title">{d.title}</h2>
          <div className="muted">{d.subtitle}</div>
        </div>
        <button
          type="button"
          className="tool"
          aria-label="Close selection"
          onClick={() => select(null)}
        >
          Close
        </button>
      </div>
      <dl className="selection-facts">
        {d.facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}
