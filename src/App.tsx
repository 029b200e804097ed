import { CampusView } from './scene/CampusView'
import { Planner } from './ui/Planner'

/** The planner's panels around the 3D view: ui and scene meet only in the store. */
export function App() {
  return (
    <Planner>
      <CampusView />
    </Planner>
  )
}
