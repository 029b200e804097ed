import { closest, formatProblem, type Problem } from '../model'
import { notify } from './actions'
import { currentProgramme, openProgramme, useProgramme } from './programme'
import {
  DATA_KEY,
  INLINE_PRESET,
  decodeInlineProgramme,
  encodeInlineProgramme,
} from './programmeInline'
import { PROGRAMME_PRESETS, fetchProgrammePreset, isProgrammePresetId } from './programmePresets'
import {
  PROGRAMME_KEY,
  isPresetEdit,
  programmePresetOf,
  programmeToQuery,
  readProgrammeQuery,
} from './programmeUrl'
import { useCampus } from './store'
import { shareUrl } from './urlSync'

/**
 * The address of the programme shown (docs/PROGRAMMES.md, "Links"): a built-in programme with
 * only its campuses edited is written as the preset plus changes; any other travels whole,
 * deflated (`programme=inline&data=…`). The open campus's view and phase come with it.
 * Null without a programme.
 */
export async function programmeQuery(): Promise<string | null> {
  const programme = currentProgramme()
  if (programme === null) return null
  const { presetId, campusId } = useProgramme.getState()
  const { camera, phaseIndex } = useCampus.getState()
  const view = { campusId, camera, phaseIndex }
  if (presetId !== null && isProgrammePresetId(presetId)) {
    const base = await fetchProgrammePreset(presetId).catch(() => null)
    if (base !== null && isPresetEdit(programme, base))
      return programmeToQuery(presetId, programme, base, view)
  }
  const data = await encodeInlineProgramme(programme)
  const query = programmeToQuery(INLINE_PRESET, programme, programme, view)
  const params = new URLSearchParams(query)
  params.set(DATA_KEY, data)
  // `programme=inline&data=…` first, then the view, as people read a link.
  const ordered = new URLSearchParams([
    [PROGRAMME_KEY, INLINE_PRESET],
    [DATA_KEY, data],
    ...[...params].filter(([key]) => key !== PROGRAMME_KEY && key !== DATA_KEY),
  ])
  return ordered.toString().replace(/%2C/gi, ',')
}

function tell(problems: readonly Problem[], fallback: string): void {
  if (problems.length === 0) return
  notify({
    tone: 'warning',
    title: `The link had ${problems.length === 1 ? 'a value' : `${problems.length} values`} the planner could not use; ${fallback}:`,
    details: problems.map(formatProblem),
  })
}

/**
 * Opens the programme a link holds. Returns false when the link is not a programme link (the
 * caller opens it as a scenario). A bad value is named in a notice and left at the preset's;
 * a programme that cannot be read at all (unknown preset, damaged `data=`) leaves the planner
 * as it is.
 */
export async function openProgrammeLink(search: string): Promise<boolean> {
  const id = programmePresetOf(search)
  if (id === null) return false
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search)
  if (id === INLINE_PRESET) {
    const data = params.get(DATA_KEY) ?? ''
    const decoded = await decodeInlineProgramme(data)
    if (!decoded.ok) {
      tell(decoded.problems, 'the programme could not be opened and the default campus is shown')
      return true
    }
    params.delete(DATA_KEY)
    const read = readProgrammeQuery(params.toString(), decoded.programme)
    openProgramme(read.programme, null, read.campusId, read)
    tell(read.problems, 'they were left as the programme has them')
    return true
  }
  if (!isProgrammePresetId(id)) {
    const ids = PROGRAMME_PRESETS.map((p) => p.id)
    const hint = closest(id, ids)
    tell(
      [
        {
          path: PROGRAMME_KEY,
          message: `no built-in programme ${JSON.stringify(id.slice(0, 40))}${hint ? ` (did you mean "${hint}"?)` : ''}; expected one of ${ids.join(', ')}`,
        },
      ],
      'the default campus is shown',
    )
    return true
  }
  let base
  try {
    base = await fetchProgrammePreset(id)
  } catch (error) {
    notify({
      tone: 'error',
      title: 'The programme could not be loaded; the default campus is shown.',
      details: [error instanceof Error ? error.message : String(error)],
    })
    return true
  }
  const read = readProgrammeQuery(params.toString(), base)
  openProgramme(read.programme, id, read.campusId, read)
  tell(read.problems, 'the programme’s own values are shown instead')
  return true
}

/** The shareable address of what is shown: the programme (with its open campus) or the scenario. */
export async function shareLink(): Promise<string> {
  const query = await programmeQuery()
  if (query === null) return shareUrl()
  const url = new URL(window.location.href)
  url.search = query
  url.hash = ''
  return url.toString()
}
