import { registerVideoExporter } from '../../state/videoBridge'

/**
 * Makes video export available to the planner (called once at start-up). The exporter, the
 * encoder and the muxer load only when the first clip is made, so the app's first load does
 * not carry them.
 */
export function installVideoExport(): void {
  registerVideoExporter(async (request, onProgress) => {
    const { exportVideoNow } = await import('./exportVideo')
    return exportVideoNow(request, onProgress)
  })
}
