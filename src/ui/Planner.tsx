import { useEffect, type ReactNode } from 'react'
import { ensureClimate, useCampus, useProgramme } from '../state'
import { bootPlanner } from './boot'
import { ControlsPanel } from './ControlsPanel'
import { Drawer } from './Drawer'
import { Header } from './Header'
import { Notices } from './Notices'
import { ReadoutsPanel } from './ReadoutsPanel'
import { ProgrammeBar, ProgrammeStage } from './programme/ProgrammeBar'
import { SelectionCard } from './SelectionCard'
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
  // A programme's map replaces the campus panels; the 3D view stays mounted (hidden), so
  // opening a campus does not rebuild the renderer.
  const programmeMap = useProgramme((s) => s.programme !== null && s.campusId === null)
  return (
    <div className={`planner${programmeMap ? ' is-programme' : ''}`}>
      <Header actions={headerActions} />
      <ControlsPanel />
      <main className="stage" aria-label={programmeMap ? 'Programme' : 'Campus view'}>
        <ProgrammeBar />
        {programmeMap && <ProgrammeStage />}
        <div className="viewport" hidden={programmeMap}>
          <div className="viewport-scene">{children}</div>
          <ViewToolbar />
          <SelectionCard />
          {!programmeMap && <Notices />}
        </div>
        {programmeMap && <Notices />}
        {!programmeMap && <Drawer />}
      </main>
      <ReadoutsPanel />
    </div>
  )
}
