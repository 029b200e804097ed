import { lazy, Suspense } from 'react'
import { openDrawer, useCampus, type DrawerTab } from '../state'

// Each tab is its own chunk: none of them is needed for the first paint.
const ChartsPanel = lazy(() => import('./charts/ChartsPanel'))
const PowerFlowPanel = lazy(() => import('./charts/PowerFlowPanel'))
const MethodologyPanel = lazy(() => import('./MethodologyPanel'))
const ComparePanel = lazy(() => import('./ComparePanel'))
const PhasesPanel = lazy(() => import('./PhasesPanel'))

const TABS: readonly { readonly id: DrawerTab; readonly label: string }[] = [
  { id: 'charts', label: 'Year & supply' },
  { id: 'flow', label: 'Power flow' },
  { id: 'method', label: 'Methodology' },
  { id: 'compare', label: 'Compare' },
  { id: 'phases', label: 'Build-out' },
]

/** The drawer below the 3D view: charts, power flow, methodology, A/B comparison, build-out. */
export function Drawer() {
  const drawer = useCampus((s) => s.drawer)
  const comparing = useCampus((s) => s.compareA !== null)
  return (
    <section className={`drawer ${drawer ? 'drawer-open' : ''}`} aria-label="Analysis">
      <div className="tabs-bar">
        <div className="tabs" role="tablist" aria-label="Analysis panels">
          {TABS.map((tab) => (
            <button
              key={tab.id}
              type="button"
              role="tab"
              id={`tab-${tab.id}`}
              aria-selected={drawer === tab.id}
              aria-controls={drawer === tab.id ? 'drawer-panel' : undefined}
              className="tab"
              onClick={() => openDrawer(drawer === tab.id ? null : tab.id)}
            >
              {tab.label}
              {tab.id === 'compare' && comparing && (
                <span className="dot" aria-label="(A pinned)" />
              )}
            </button>
          ))}
        </div>
        {drawer && (
          <button type="button" className="btn btn-quiet" onClick={() => openDrawer(null)}>
            Close
          </button>
        )}
      </div>
      {drawer && (
        <div
          id="drawer-panel"
          className="drawer-panel"
          role="tabpanel"
          aria-labelledby={`tab-${drawer}`}
          tabIndex={0}
        >
          <Suspense fallback={<p className="muted pad">Loading…</p>}>
            {drawer === 'charts' && <ChartsPanel />}
            {drawer === 'flow' && <PowerFlowPanel />}
            {drawer === 'method' && <MethodologyPanel />}
            {drawer === 'compare' && <ComparePanel />}
            {drawer === 'phases' && <PhasesPanel />}
          </Suspense>
        </div>
      )}
    </section>
  )
}
