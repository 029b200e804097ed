import {
  BufferTarget,
  Mp4OutputFormat,
  Output,
  QUALITY_HIGH,
  VideoSample,
  VideoSampleSource,
  WebMOutputFormat,
  getFirstEncodableVideoCodec,
} from 'mediabunny'

/**
 * The clip's encoder: WebCodecs' VideoEncoder (through mediabunny, which also writes the
 * container). H.264 in MP4 where the browser can encode it, else VP9 or VP8 in WebM (Debian's
 * Chromium, for one, may lack an H.264 encoder). Encoding runs in the browser's media
 * machinery, off the main thread; `add` resolves once the encoder can take the next frame.
 */
export interface ClipEncoder {
  readonly codec: string
  readonly container: 'mp4' | 'webm'
  /** Encodes the canvas as frame `index` (its time is index / fps). */
  add(canvas: HTMLCanvasElement, index: number): Promise<void>
  /** Writes the file. */
  finish(): Promise<Blob>
  /** Drops everything (nothing is written). */
  cancel(): Promise<void>
}

/** Which encoders to try, best first; `prefer: 'webm'` skips H.264 (tests of the fallback). */
export async function openClipEncoder(
  width: number,
  height: number,
  fps: number,
  prefer: 'mp4' | 'webm' = 'mp4',
): Promise<ClipEncoder> {
  const options = { width, height, bitrate: QUALITY_HIGH }
  let codec = prefer === 'mp4' ? await getFirstEncodableVideoCodec(['avc'], options) : null
  const container: 'mp4' | 'webm' = codec ? 'mp4' : 'webm'
  if (!codec) codec = await getFirstEncodableVideoCodec(['vp9', 'vp8'], options)
  if (!codec)
    throw new Error(
      `This browser cannot encode video at ${width} × ${height}: it offers no H.264, VP9 or VP8 encoder (WebCodecs).`,
    )
  const format =
    container === 'mp4' ? new Mp4OutputFormat({ fastStart: 'in-memory' }) : new WebMOutputFormat()
  const target = new BufferTarget()
  const output = new Output({ format, target })
  const source = new VideoSampleSource({ codec, bitrate: QUALITY_HIGH, keyFrameInterval: 2 })
  output.addVideoTrack(source, { frameRate: fps })
  await output.start()
  return {
    codec,
    container,
    add: async (canvas, index) => {
      const sample = new VideoSample(canvas, { timestamp: index / fps, duration: 1 / fps })
      try {
        await source.add(sample)
      } finally {
        sample.close()
      }
    },
    finish: async () => {
      source.close()
      await output.finalize()
      if (!target.buffer) throw new Error('The encoder wrote no file.')
      return new Blob([target.buffer], { type: format.mimeType })
    },
    cancel: async () => {
      if (output.state !== 'finalized' && output.state !== 'canceled') await output.cancel()
    },
  }
}
