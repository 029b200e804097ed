import { DEFAULT_SCENARIO, formatProblem } from '../model'
import { notify, resetScenario, setCamera } from './actions'
import { setPhaseIndex } from './phase'
import { useCampus } from './store'
import { OPENING_SCENARIO } from './presets'
import { hasScenarioKeys, readQuery, scenarioToQuery } from './url'
import { useProgramme } from './programme'
import { openProgrammeLink, programmeQuery } from './programmeLink'
import { programmePresetOf } from './programmeUrl'

/** Address-bar updates wait this long after the last change, so a drag writes once. */
export const URL_DEBOUNCE_MS = 250

/**
 * Opens the scenario, phase and view the address bar holds. Bad keys keep their defaults and are
 * named in one notice; the app always opens.
 */
export function openFromLocation(search: string = window.location.search): void {
  // A programme link (`programme=…`) opens once its programme has loaded.
  if (programmePresetOf(search) !== null) {
    void openProgrammeLink(search)
    return
  }
  // No scenario keys: the opening preset (with the link's view and phase, if any).
  const base = hasScenarioKeys(search) ? DEFAULT_SCENARIO : OPENING_SCENARIO
  const { scenario, camera, phaseIndex, problems } = readQuery(search, base)
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
 * Keeps the address bar in step with the scenario, phase and camera — or, while a programme is
 * shown, with the programme (`programmeQuery`) — through `history.replaceState` (debounced):
 * the history is never flooded and Back leaves the planner as usual.
 * Returns the function that stops it.
 */
export function startUrlSync(): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null
  // A programme's query is built asynchronously: only the latest write may land.
  let sequence = 0
  const write = (): void => {
    timer = null
    const mine = ++sequence
    const replace = (query: string): void => {
      if (mine !== sequence) return
      const target = `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`
      const current = `${window.location.pathname}${window.location.search}${window.location.hash}`
      if (target !== current) window.history.replaceState(window.history.state, '', target)
    }
    if (useProgramme.getState().programme !== null) {
      void programmeQuery().then((query) => query !== null && replace(query))
      return
    }
    const { scenario, camera, phaseIndex } = useCampus.getState()
    replace(scenarioToQuery(scenario, camera, phaseIndex))
  }
  const schedule = (): void => {
    if (timer !== null) clearTimeout(timer)
    timer = setTimeout(write, URL_DEBOUNCE_MS)
  }
  const unsubscribe = useCampus.subscribe((state, previous) => {
    if (
      state.scenario === previous.scenario &&
      state.camera === previous.camera &&
      state.phaseIndex === previous.phaseIndex
    )
      return
    schedule()
  })
  const unsubscribeProgramme = useProgramme.subscribe((state, previous) => {
    if (
      state.programme === previous.programme &&
      state.campusId === previous.campusId &&
      state.presetId === previous.presetId
    )
      return
    schedule()
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
    unsubscribeProgramme()
    window.removeEventListener('pagehide', flush)
    if (timer !== null) clearTimeout(timer)
  }
}
