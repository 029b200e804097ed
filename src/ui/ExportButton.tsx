import { lazy, Suspense, useEffect, useState } from 'react'
import {
  MAX_IMAGE_BYTES,
  checkImportSize,
  importSummary,
  importText,
  notify,
  openImage,
  useProgramme,
} from '../state'

const ExportDialog = lazy(() => import('./ExportDialog'))

/**
 * "Export image" opens the export dialog (loaded on first use). The page also accepts an
 * exported PNG dropped anywhere on it, and reopens the scenario and view it carries; a dropped
 * scenario or programme JSON file is imported like one chosen in the scenario manager.
 */
export function ExportButton() {
  const [open, setOpen] = useState(false)
  // On a programme's map the 3D view is hidden: its page has "Export map image" instead. The
  // button stays mounted (hidden) so files can still be dropped on the page.
  const programmeMap = useProgramme((s) => s.programme !== null && s.campusId === null)
  useDropToOpen()
  return (
    <>
      <button type="button" className="btn" hidden={programmeMap} onClick={() => setOpen(true)}>
        Export image
      </button>
      {open && (
        <Suspense fallback={null}>
          <ExportDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  )
}

function useDropToOpen(): void {
  useEffect(() => {
    const carriesFiles = (event: DragEvent): boolean =>
      event.dataTransfer?.types.includes('Files') ?? false
    const onDragOver = (event: DragEvent): void => {
      if (!carriesFiles(event)) return
      event.preventDefault()
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy'
    }
    const onDrop = (event: DragEvent): void => {
      if (!carriesFiles(event)) return
      event.preventDefault()
      const file = event.dataTransfer?.files[0]
      if (!file) {
        notify({ tone: 'error', title: 'Nothing that could be opened was dropped.', details: [] })
        return
      }
      // Whatever the file, the user gets a notice: never an uncaught error.
      openDroppedFile(file).catch(() =>
        notify({
          tone: 'error',
          title: `“${file.name}” could not be read; nothing was changed.`,
          details: [],
        }),
      )
    }
    window.addEventListener('dragover', onDragOver)
    window.addEventListener('drop', onDrop)
    return () => {
      window.removeEventListener('dragover', onDragOver)
      window.removeEventListener('drop', onDrop)
    }
  }, [])
}

async function openDroppedFile(file: File): Promise<void> {
  const isPng = file.type === 'image/png' || /\.png$/i.test(file.name)
  if (isPng) {
    if (file.size > MAX_IMAGE_BYTES) {
      notify({ tone: 'error', title: `“${file.name}” is too large to read.`, details: [] })
      return
    }
    openImage(new Uint8Array(await file.arrayBuffer()), file.name)
    return
  }
  const tooBig = checkImportSize(file.size)
  if (tooBig !== null) {
    notify({ tone: 'error', title: `“${file.name}” was not imported.`, details: [tooBig] })
    return
  }
  const result = importText(await file.text())
  if (result.ok) {
    notify({
      tone: 'info',
      title: importSummary(result),
      details: [],
    })
  } else {
    notify({
      tone: 'error',
      title: `“${file.name}” was not imported; nothing was changed.`,
      details: result.problems.slice(0, 12),
    })
  }
}
