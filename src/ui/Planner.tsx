import { useEffect, type ReactNode } from 'react'
import { ensureClimate, useCampus } from '../state'

/** Page frame: the 3D view fills the page (panels come with the planner issue). */
export function Planner({ children }: { children: ReactNode }) {
  const site = useCampus((s) => s.scenario.site)
  useEffect(() => {
    void ensureClimate(site)
  }, [site])
  return <div style={{ position: 'fixed', inset: 0 }}>{children}</div>
}
