import type { CaptionPlacement } from './exportBridge'

/**
 * Where the video export meets the planner, without either importing the other: the export
 * module registers the exporter at start-up (its heavy part, the encoder and the muxer, loads
 * only when a video is made), and the dialog calls `exportVideo`.
 */

export const VIDEO_KINDS = ['turntable', 'flythrough', 'timelapse'] as const
export type VideoKind = (typeof VIDEO_KINDS)[number]

export const VIDEO_KIND_LABELS: Readonly<Record<VideoKind, string>> = {
  turntable: 'Turntable',
  flythrough: 'Fly-through',
  timelapse: 'Time-lapse',
}

/** The sizes a video can be made at (16:9; the encoders want even sides). */
export const VIDEO_SIZES = [
  { id: '720p', width: 1280, height: 720, label: '1280×720 (720p)' },
  { id: '1080p', width: 1920, height: 1080, label: '1920×1080 (1080p)' },
  { id: '4k', width: 3840, height: 2160, label: '3840×2160 (4K)' },
] as const
export type VideoSizeId = (typeof VIDEO_SIZES)[number]['id']

export const VIDEO_FRAME_RATES = [24, 30, 60] as const
export type VideoFrameRate = (typeof VIDEO_FRAME_RATES)[number]

/** Shortest and longest clip, seconds. */
export const VIDEO_MIN_DURATION_S = 1
export const VIDEO_MAX_DURATION_S = 120

export interface VideoRequest {
  readonly kind: VideoKind
  readonly width: number
  readonly height: number
  readonly fps: VideoFrameRate
  readonly durationS: number
  /** Each frame rendered at twice the size and scaled down (smoother edges, four times the work). */
  readonly presentation: boolean
  readonly caption: CaptionPlacement
  /** Asset labels and callouts drawn into each frame. */
  readonly labels: boolean
  /** The date the caption shows (fixed, so the same request gives the same frames). */
  readonly date: Date
  /** The container wanted: MP4 (H.264, the default, where the browser encodes it) or WebM. */
  readonly container?: 'mp4' | 'webm'
  /** Stops the export between frames (nothing is saved). */
  readonly signal?: AbortSignal
}

export interface VideoProgress {
  readonly done: number
  readonly total: number
  readonly step: string
  /** Estimated seconds left; null until a few frames have been timed. */
  readonly secondsLeft: number | null
}

export interface ExportedVideo {
  readonly fileName: string
  readonly blob: Blob
  readonly width: number
  readonly height: number
  readonly frames: number
  readonly fps: number
  /** 'avc' (H.264 in MP4), 'vp9' or 'vp8' (in WebM). */
  readonly codec: string
  readonly container: 'mp4' | 'webm'
}

export type VideoExporter = (
  request: VideoRequest,
  onProgress: (progress: VideoProgress) => void,
) => Promise<ExportedVideo>

/** Reads the "Duration (s)" field: a number of seconds in range, or a message naming the field. */
export function checkVideoDuration(
  raw: string,
): { ok: true; seconds: number } | { ok: false; reason: string } {
  const text = raw.trim()
  const seconds = Number(text)
  if (text === '' || !Number.isFinite(seconds))
    return { ok: false, reason: `Duration (s) must be a number of seconds (got “${raw}”).` }
  if (seconds < VIDEO_MIN_DURATION_S || seconds > VIDEO_MAX_DURATION_S)
    return {
      ok: false,
      reason: `Duration (s) must be from ${VIDEO_MIN_DURATION_S} to ${VIDEO_MAX_DURATION_S} seconds (got ${text}).`,
    }
  return { ok: true, seconds }
}

/** Frames in a clip: one per 1/fps second, at least two. */
export function videoFrameCount(durationS: number, fps: number): number {
  return Math.max(2, Math.round(durationS * fps))
}

let videoExporter: VideoExporter | null = null

/** The export module calls this once at start-up. */
export function registerVideoExporter(next: VideoExporter | null): void {
  videoExporter = next
}

/** Renders and encodes a clip; rejects with a message a user can act on. */
export function exportVideo(
  request: VideoRequest,
  onProgress: (progress: VideoProgress) => void = () => {},
): Promise<ExportedVideo> {
  if (!videoExporter) return Promise.reject(new Error('Video export is not available.'))
  return videoExporter(request, onProgress)
}
