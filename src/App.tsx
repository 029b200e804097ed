import { CampusView } from './scene/CampusView'
import { ExportButton } from './ui/ExportButton'
import { Planner } from './ui/Planner'

/** The planner's panels around the 3D view: ui and scene meet only in the store. */
export function App() {
  return (
    <Planner headerActions={<ExportButton />}>
      <CampusView />
    </Planner>
  )
}
