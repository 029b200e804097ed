import { registerExporter } from '../state'

/**
 * Makes image export available to the planner (called once at start-up). The exporter itself
 * (caption, legend, labels, composition, encoding: `exportImages.ts`) loads with the first
 * export, in its own chunk: opening the campus does not need it.
 */
export function installImageExport(): void {
  registerExporter(async (request, onProgress) =>
    (await import('./exportImages')).exportImagesNow(request, onProgress),
  )
}
