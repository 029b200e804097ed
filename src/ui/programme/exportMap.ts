/**
 * The programme map as a PNG for slides: the map as drawn (its legend inside), at twice its
 * size, beside a panel with the programme's name and totals. The SVG is drawn with presentation
 * attributes only, so serialising it gives the picture on screen.
 */

export interface MapCaption {
  readonly title: string
  /** One total per line, "Label: value unit". */
  readonly lines: readonly string[]
  readonly note: string
}

const SCALE = 2
const PANEL_W = 340
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image()
    image.onload = () => resolve(image)
    image.onerror = () => reject(new Error('the map could not be drawn as an image'))
    image.src = url
  })
}

/** Words of `text` in lines no wider than `width` (canvas text metrics). */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/)) {
    const next = line === '' ? word : `${line} ${word}`
    if (ctx.measureText(next).width > width && line !== '') {
      lines.push(line)
      line = word
    } else line = next
  }
  if (line !== '') lines.push(line)
  return lines
}

/** Renders the map and its caption panel to a PNG. */
export async function exportMapPng(svg: SVGSVGElement, caption: MapCaption): Promise<Blob> {
  const MAP_WIDTH = svg.viewBox.baseVal.width
  const MAP_HEIGHT = svg.viewBox.baseVal.height
  const clone = svg.cloneNode(true) as SVGSVGElement
  clone.setAttribute('width', String(MAP_WIDTH * SCALE))
  clone.setAttribute('height', String(MAP_HEIGHT * SCALE))
  // Markers' focus styles and hover titles do not belong in a picture.
  for (const title of clone.querySelectorAll('title')) title.remove()
  const xml = new XMLSerializer().serializeToString(clone)
  const url = URL.createObjectURL(new Blob([xml], { type: 'image/svg+xml' }))
  try {
    const image = await loadImage(url)
    const canvas = document.createElement('canvas')
    canvas.width = (MAP_WIDTH + PANEL_W) * SCALE
    canvas.height = MAP_HEIGHT * SCALE
    const ctx = canvas.getContext('2d')
    if (ctx === null) throw new Error('this browser cannot draw images')
    ctx.fillStyle = '#ffffff'
    ctx.fillRect(0, 0, canvas.width, canvas.height)
    ctx.drawImage(image, 0, 0, MAP_WIDTH * SCALE, MAP_HEIGHT * SCALE)
    ctx.scale(SCALE, SCALE)
    const x = MAP_WIDTH + 20
    const width = PANEL_W - 36
    let y = 34
    ctx.fillStyle = '#1d2733'
    ctx.font = `600 18px ${FONT}`
    for (const line of wrap(ctx, caption.title, width)) {
      ctx.fillText(line, x, y)
      y += 24
    }
    y += 8
    ctx.font = `13px ${FONT}`
    for (const total of caption.lines) {
      for (const line of wrap(ctx, total, width)) {
        ctx.fillText(line, x, y)
        y += 19
      }
    }
    y += 10
    ctx.fillStyle = '#5d6676'
    ctx.font = `11px ${FONT}`
    for (const line of wrap(ctx, caption.note, width)) {
      ctx.fillText(line, x, y)
      y += 15
    }
    ctx.fillText('Base map: Natural Earth; US Census Bureau.', x, MAP_HEIGHT - 16)
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))),
        'image/png',
      ),
    )
  } finally {
    URL.revokeObjectURL(url)
  }
}
