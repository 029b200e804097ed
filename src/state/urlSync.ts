import { formatProblem } from '../model'
import { notify, resetScenario, setCamera } from './actions'
import { setPhaseIndex } from './phase'
import { useCampus } from './store'
import { readQuery, scenarioToQuery } from './url'

/** Address-bar updates wait this long after the last change, so a drag writes once. */
export const URL_DEBOUNCE_MS = 250

/**
 * Opens the scenario, phase and view the address bar holds. Bad keys keep their defaults and are
 * named in one notice; the app always opens.
 */
export function openFromLocation(search: string = window.location.search): void {
  const { scenario, camera, phaseIndex, problems } = readQuery(search)
  resetScenario(scenario)
  setPhaseIndex(phaseIndex)
  setCamera(camera)
  if (problems.length > 0) {
    notify({
      tone: 'warning',
      title: `The link had ${problems.length === 1 ? 'a value' : `${problems.length} values`} the planner could not use; ${problems.length === 1 ? 'its default is' : 'their defaults are'} shown instead:`,
      details: problems.map(formatProblem),
    })
  }
}

/** The shareable address of the current scenario, phase and view. */
export function shareUrl(): string {
  const { scenario, camera, phaseIndex } = useCampus.getState()
  const query = scenarioToQuery(scenario, camera, phaseIndex)
  const url = new URL(window.location.href)
  url.search = query
  url.hash = ''
  return url.toString()
}

/**
 * Keeps the address bar in step with the scenario, phase and camera through `history.replaceState`
 * (debounced): the history is never flooded and Back leaves the planner as usual.
 * Returns the function that stops it.
 */
export function startUrlSync(): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null
  const write = (): void => {
    timer = null
    const { scenario, camera, phaseIndex } = useCampus.getState()
    const query = scenarioToQuery(scenario, camera, phaseIndex)
    const target = `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`
    const current = `${window.location.pathname}${window.location.search}${window.location.hash}`
    if (target !== current) window.history.replaceState(window.history.state, '', target)
  }
  const unsubscribe = useCampus.subscribe((state, previous) => {
    if (
      state.scenario === previous.scenario &&
      state.camera === previous.camera &&
      state.phaseIndex === previous.phaseIndex
    )
      return
    if (timer !== null) clearTimeout(timer)
    timer = setTimeout(write, URL_DEBOUNCE_MS)
  })
  const flush = (): void => {
    if (timer !== null) {
      clearTimeout(timer)
      write()
    }
  }
  window.addEventListener('pagehide', flush)
  return () => {
    unsubscribe()
    window.removeEventListener('pagehide', flush)
    if (timer !== null) clearTimeout(timer)
  }
}
