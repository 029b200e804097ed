import {
  exportImages,
  type ExportProgress,
  type ExportRequest,
  type ExportedImage,
} from './exportBridge'
import { whenSceneShows } from './layout'
import { selectPhaseIndex, setPhaseIndex, setTimelineMonth } from './phase'
import { useCampus } from './store'

/**
 * Exports the same views of every phase, in order, as one numbered series (the before/after
 * slide): each phase is shown, the 3D view is awaited until it draws that phase, and the
 * export runs with the same request, so the camera (the current view, or a named view on the
 * ground reserved for every phase) is the same in each image. File names start with the phase
 * number (`phase-01-of-03_…`). The phase and date on screen are restored afterwards.
 */
export async function exportEveryPhase(
  request: ExportRequest,
  onProgress: (progress: ExportProgress) => void = () => {},
): Promise<readonly ExportedImage[]> {
  const start = useCampus.getState()
  const count = start.scenario.phases?.length ?? 1
  const shown = selectPhaseIndex(start)
  const month = start.timelineMonth
  const perPhase = request.views.length
  const total = count * perPhase
  const images: ExportedImage[] = []
  const width = String(count).length < 2 ? 2 : String(count).length
  try {
    for (let i = 0; i < count; i++) {
      setPhaseIndex(i)
      onProgress({ done: i * perPhase, total, step: `Showing phase ${i + 1} of ${count}` })
      await whenSceneShows()
      const done = await exportImages(request, (p) =>
        onProgress({ done: i * perPhase + p.done, total, step: `Phase ${i + 1}: ${p.step}` }),
      )
      const tag = `phase-${String(i + 1).padStart(width, '0')}-of-${String(count).padStart(width, '0')}`
      for (const image of done) images.push({ ...image, fileName: `${tag}_${image.fileName}` })
    }
  } finally {
    setPhaseIndex(shown)
    if (month !== null) setTimelineMonth(month)
  }
  onProgress({ done: total, total, step: 'Done' })
  return images
}
