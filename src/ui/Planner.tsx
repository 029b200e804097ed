import { useEffect, type ReactNode } from 'react'
import { ensureClimate, useCampus } from '../state'
import { bootPlanner } from './boot'
import { ControlsPanel } from './ControlsPanel'
import { Drawer } from './Drawer'
import { Header } from './Header'
import { Notices } from './Notices'
import { ReadoutsPanel } from './ReadoutsPanel'
import { SelectionCard } from './SelectionCard'
import { Timeline } from './Timeline'
import { ViewToolbar } from './ViewToolbar'
import './planner.css'

bootPlanner()

/**
 * The planning page: header, controls on the left, readouts and warnings on the right, the 3D
 * view (`children`) in the middle above a drawer of charts, methodology and comparison.
 * `headerActions` takes extra header buttons (image export).
 */
export function Planner({
  children,
  headerActions,
}: {
  children: ReactNode
  headerActions?: ReactNode
}) {
  const site = useCampus((s) => s.scenario.site)
  useEffect(() => {
    void ensureClimate(site)
  }, [site])
  return (
    <div className="planner">
      <Header actions={headerActions} />
      <ControlsPanel />
      <main className="stage" aria-label="Campus view">
        <div className="viewport">
          <div className="viewport-scene">{children}</div>
          <ViewToolbar />
          <SelectionCard />
          <Notices />
        </div>
        <Timeline />
        <Drawer />
      </main>
      <ReadoutsPanel />
    </div>
  )
}
