import {
  placeLabels,
  type CaptionPlacement,
  type LabelRequest,
  type PixelBox,
  type RenderedFrame,
} from '../state'
import { formatLength, scaleBarMetres, type Caption } from './caption'

/** A label to draw into the image: its name, its callout figure, and its anchor (image pixels). */
export interface DrawnLabel {
  readonly id: string
  readonly text: string
  readonly detail: string | null
  readonly x: number
  readonly y: number
}

export interface ComposeOptions {
  /** null or placement 'none': the frame alone (no caption, scale bar or north arrow). */
  readonly caption: Caption | null
  readonly placement: CaptionPlacement
  /** Labels, most important first; empty for none. */
  readonly labels: readonly DrawnLabel[]
}

type Font = (size: number, weight?: number) => string

const font: Font = (size, weight = 400) =>
  `${weight} ${Math.round(size)}px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif`

/** Sizes in one unit that scales with the image, so everything reads the same at any size. */
function unitOf(width: number, height: number): number {
  return Math.max(6, Math.min(width, height * 1.6) / 90)
}

/**
 * Draws asset labels with leader lines, the caption (a card in the corner or a band along the
 * bottom: title, site and date, key figures, the legend of what is in the frame), a scale bar
 * and a north arrow over the rendered frame. Labels keep inside the image's margins and clear
 * of the caption, the scale bar, the north arrow and each other (state/labelPlacement.ts).
 */
export function composeImage(frame: RenderedFrame, options: ComposeOptions): HTMLCanvasElement {
  const source = frame.canvas
  const out = document.createElement('canvas')
  out.width = source.width
  out.height = source.height
  const ctx = out.getContext('2d')
  if (!ctx) throw new Error('This browser cannot draw the caption (no 2D canvas).')
  ctx.drawImage(source, 0, 0)
  const W = out.width
  const H = out.height
  const unit = unitOf(W, H)
  const pad = unit * 1.2
  const caption = options.placement === 'none' ? null : options.caption

  const obstacles: PixelBox[] = []
  let drawCaption: (() => void) | null = null
  let scaleBottom = H - pad
  if (caption) {
    const layout =
      options.placement === 'band'
        ? bandLayout(ctx, caption, W, H, unit)
        : cornerLayout(ctx, caption, W, H, unit)
    obstacles.push(layout.rect)
    drawCaption = layout.draw
    if (options.placement === 'band') scaleBottom = layout.rect.y0 - pad * 0.5
    const scale = scaleBarRect(ctx, frame.metresPerPixel, W - pad, scaleBottom, unit)
    if (scale) obstacles.push(scale)
    const r = unit * 2.2
    const nx = W - pad - unit * 2.5
    const ny = pad + unit * 3
    obstacles.push({ x0: nx - r - unit, y0: ny - r - unit * 1.5, x1: nx + r + unit, y1: ny + r })
  }

  if (options.labels.length > 0)
    drawLabels(ctx, options.labels, { x0: pad, y0: pad, x1: W - pad, y1: H - pad }, obstacles, unit)

  if (caption && drawCaption) {
    drawCaption()
    drawScaleBar(ctx, frame.metresPerPixel, W - pad, scaleBottom, unit)
    drawNorthArrow(ctx, frame.northRad, W - pad - unit * 2.5, pad + unit * 3, unit)
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// Labels

/** Label metrics in image units: two lines (name, figure) in a rounded card. */
function labelSize(
  ctx: CanvasRenderingContext2D,
  label: DrawnLabel,
  unit: number,
): { w: number; h: number } {
  ctx.font = font(unit * 1.05, 650)
  let w = ctx.measureText(label.text).width
  if (label.detail) {
    ctx.font = font(unit * 0.9)
    w = Math.max(w, ctx.measureText(label.detail).width)
  }
  return { w: w + unit * 1.4, h: label.detail ? unit * 3.1 : unit * 1.9 }
}

function drawLabels(
  ctx: CanvasRenderingContext2D,
  labels: readonly DrawnLabel[],
  safe: PixelBox,
  obstacles: readonly PixelBox[],
  unit: number,
): void {
  const requests: LabelRequest[] = labels.map((label) => {
    const size = labelSize(ctx, label, unit)
    return { id: label.id, anchorX: label.x, anchorY: label.y, width: size.w, height: size.h }
  })
  const placed = placeLabels(requests, safe, obstacles, { gap: unit * 0.4 })
  const byId = new Map(labels.map((l) => [l.id, l]))
  ctx.save()
  // Leader lines first, under every label.
  for (const p of placed) {
    if (!p.leader) continue
    ctx.strokeStyle = 'rgba(29, 35, 43, 0.75)'
    ctx.lineWidth = Math.max(1, unit / 11)
    ctx.beginPath()
    ctx.moveTo(p.anchorX, p.anchorY)
    ctx.lineTo(p.leaderX, p.leaderY)
    ctx.stroke()
    ctx.fillStyle = '#1d232b'
    ctx.beginPath()
    ctx.arc(p.anchorX, p.anchorY, Math.max(1.5, unit * 0.22), 0, Math.PI * 2)
    ctx.fill()
  }
  for (const p of placed) {
    const label = byId.get(p.id)
    if (!label) continue
    const { x0, y0, x1, y1 } = p.box
    ctx.fillStyle = 'rgba(255, 255, 255, 0.93)'
    ctx.strokeStyle = 'rgba(29, 35, 43, 0.18)'
    ctx.lineWidth = Math.max(1, unit / 12)
    roundedRect(ctx, x0, y0, x1 - x0, y1 - y0, unit * 0.6)
    ctx.fill()
    ctx.stroke()
    ctx.fillStyle = '#1d232b'
    ctx.font = font(unit * 1.05, 650)
    ctx.textBaseline = 'alphabetic'
    ctx.fillText(label.text, x0 + unit * 0.7, y0 + unit * 1.35)
    if (label.detail) {
      ctx.fillStyle = '#4a5561'
      ctx.font = font(unit * 0.9)
      ctx.fillText(label.detail, x0 + unit * 0.7, y0 + unit * 2.55)
    }
  }
  ctx.restore()
}

// ---------------------------------------------------------------------------------------------
// Caption

interface CaptionLayout {
  readonly rect: PixelBox
  readonly draw: () => void
}

/** The card in the bottom-left corner: two columns of label–value pairs, sized to their text. */
function cornerLayout(
  ctx: CanvasRenderingContext2D,
  caption: Caption,
  W: number,
  H: number,
  unit: number,
): CaptionLayout {
  const pad = unit * 1.2
  const line = unit * 1.5
  const columns = 2
  const rows = Math.ceil(caption.figures.length / columns)
  const gap = unit * 0.8
  ctx.font = font(unit * 0.95)
  const labelWidth = Math.max(0, ...caption.figures.map((f) => ctx.measureText(f.label).width))
  ctx.font = font(unit * 1.05, 600)
  const valueWidth = Math.max(0, ...caption.figures.map((f) => ctx.measureText(f.value).width))
  const columnWidth = labelWidth + gap + valueWidth + unit * 2
  ctx.font = font(unit * 1.7, 650)
  const titleWidth = ctx.measureText(caption.title).width
  ctx.font = font(unit)
  const subtitleWidth = ctx.measureText(caption.subtitle).width
  ctx.font = font(unit * 0.95)
  const legendWidth = legendRowWidth(ctx, caption, unit)
  const panelWidth = Math.min(
    W - 2 * pad,
    Math.max(titleWidth, subtitleWidth, legendWidth, columns * columnWidth - unit * 2) + 2 * pad,
  )
  const legendHeight = caption.legend.length > 0 ? line * 1.4 : line * 0.4
  const noteHeight = caption.note ? line : 0
  const panelHeight = pad * 2 + unit * 2 + line + rows * line + legendHeight + noteHeight
  const x0 = pad
  const y0 = H - pad - panelHeight
  const draw = (): void => {
    ctx.save()
    card(ctx, x0, y0, panelWidth, panelHeight, unit)
    let y = y0 + pad + unit * 1.5
    ctx.fillStyle = '#1d232b'
    ctx.font = font(unit * 1.7, 650)
    ctx.fillText(caption.title, x0 + pad, y, panelWidth - 2 * pad)
    y += line
    ctx.fillStyle = '#55606c'
    ctx.font = font(unit)
    ctx.fillText(caption.subtitle, x0 + pad, y, panelWidth - 2 * pad)
    y += line * 0.5
    caption.figures.forEach((figure, i) => {
      const col = i % columns
      const row = Math.floor(i / columns)
      const fx = x0 + pad + col * columnWidth
      const fy = y + (row + 1) * line
      ctx.fillStyle = '#55606c'
      ctx.font = font(unit * 0.95)
      ctx.fillText(figure.label, fx, fy)
      ctx.fillStyle = '#1d232b'
      ctx.font = font(unit * 1.05, 600)
      ctx.fillText(figure.value, fx + labelWidth + gap, fy)
    })
    y += rows * line + line
    drawLegendRow(ctx, caption, x0 + pad, y, unit)
    if (caption.note) {
      ctx.fillStyle = '#8a5a00'
      ctx.font = font(unit * 0.9)
      ctx.fillText(caption.note, x0 + pad, y + line, panelWidth - 2 * pad)
    }
    ctx.restore()
  }
  return { rect: { x0, y0, x1: x0 + panelWidth, y1: y0 + panelHeight }, draw }
}

/**
 * The band along the bottom, the image's full width: title and subtitle, then the figures as
 * label–value pairs flowing left to right (wrapping), then the legend and the note.
 */
function bandLayout(
  ctx: CanvasRenderingContext2D,
  caption: Caption,
  W: number,
  H: number,
  unit: number,
): CaptionLayout {
  const pad = unit * 1.2
  const line = unit * 1.6
  const inner = W - 2 * pad
  const pairGap = unit * 2
  // Flow the figures into lines.
  const pairs = caption.figures.map((f) => {
    ctx.font = font(unit * 0.95)
    const lw = ctx.measureText(f.label).width
    ctx.font = font(unit * 1.05, 600)
    const vw = ctx.measureText(f.value).width
    return { ...f, lw, w: lw + unit * 0.6 + vw }
  })
  const lines: (typeof pairs)[] = [[]]
  let used = 0
  for (const pair of pairs) {
    const current = lines[lines.length - 1] ?? []
    if (current.length > 0 && used + pairGap + pair.w > inner) {
      lines.push([pair])
      used = pair.w
    } else {
      current.push(pair)
      used += (current.length > 1 ? pairGap : 0) + pair.w
    }
  }
  const titleHeight = unit * 2
  const legendHeight = caption.legend.length > 0 || caption.note ? line : 0
  const bandHeight = pad * 2 + titleHeight + lines.length * line + legendHeight
  const y0 = H - bandHeight
  const draw = (): void => {
    ctx.save()
    ctx.fillStyle = 'rgba(255, 255, 255, 0.92)'
    ctx.fillRect(0, y0, W, bandHeight)
    ctx.fillStyle = 'rgba(30, 36, 44, 0.15)'
    ctx.fillRect(0, y0, W, Math.max(1, unit / 10))
    let y = y0 + pad + unit * 1.5
    ctx.fillStyle = '#1d232b'
    ctx.font = font(unit * 1.7, 650)
    ctx.fillText(caption.title, pad, y, inner * 0.6)
    const titleWidth = Math.min(ctx.measureText(caption.title).width, inner * 0.6)
    ctx.fillStyle = '#55606c'
    ctx.font = font(unit)
    ctx.fillText(
      caption.subtitle,
      pad + titleWidth + unit * 1.5,
      y,
      inner - titleWidth - unit * 1.5,
    )
    for (const row of lines) {
      y += line
      let x = pad
      for (const pair of row) {
        ctx.fillStyle = '#55606c'
        ctx.font = font(unit * 0.95)
        ctx.fillText(pair.label, x, y)
        ctx.fillStyle = '#1d232b'
        ctx.font = font(unit * 1.05, 600)
        ctx.fillText(pair.value, x + pair.lw + unit * 0.6, y)
        x += pair.w + pairGap
      }
    }
    if (legendHeight > 0) {
      y += line
      const end = drawLegendRow(ctx, caption, pad, y, unit)
      if (caption.note) {
        ctx.fillStyle = '#8a5a00'
        ctx.font = font(unit * 0.9)
        ctx.fillText(caption.note, end + unit, y, Math.max(unit, W - pad - end - unit))
      }
    }
    ctx.restore()
  }
  return { rect: { x0: 0, y0, x1: W, y1: H }, draw }
}

function legendRowWidth(ctx: CanvasRenderingContext2D, caption: Caption, unit: number): number {
  ctx.font = font(unit * 0.95)
  let w = 0
  for (const entry of caption.legend)
    w += unit * 1.4 + ctx.measureText(entry.label).width + unit * 1.5
  return w
}

/** The legend's swatches in one row from `x`; returns where the row ends. */
function drawLegendRow(
  ctx: CanvasRenderingContext2D,
  caption: Caption,
  x: number,
  y: number,
  unit: number,
): number {
  let lx = x
  ctx.font = font(unit * 0.95)
  for (const entry of caption.legend) {
    ctx.fillStyle = entry.color
    ctx.strokeStyle = 'rgba(30, 36, 44, 0.35)'
    ctx.lineWidth = Math.max(1, unit / 10)
    ctx.fillRect(lx, y - unit * 0.8, unit, unit)
    ctx.strokeRect(lx, y - unit * 0.8, unit, unit)
    ctx.fillStyle = '#3a434d'
    ctx.fillText(entry.label, lx + unit * 1.4, y)
    lx += unit * 1.4 + ctx.measureText(entry.label).width + unit * 1.5
  }
  return lx
}

function card(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  w: number,
  h: number,
  unit: number,
): void {
  ctx.fillStyle = 'rgba(255, 255, 255, 0.9)'
  ctx.strokeStyle = 'rgba(30, 36, 44, 0.15)'
  ctx.lineWidth = Math.max(1, unit / 10)
  roundedRect(ctx, x, y, w, h, unit * 0.6)
  ctx.fill()
  ctx.stroke()
}

// ---------------------------------------------------------------------------------------------
// Scale bar and north arrow

function scaleBarGeometry(
  ctx: CanvasRenderingContext2D,
  metresPerPixel: number,
  right: number,
  bottom: number,
  unit: number,
): { metres: number; length: number; width: number; cx: number; y: number; label: string } | null {
  const metres = scaleBarMetres(metresPerPixel, unit * 14)
  if (metres <= 0) return null
  const length = metres / metresPerPixel
  // In a perspective view the scale holds at the view's centre only: the label says so.
  const label = `${formatLength(metres)} at the centre`
  ctx.font = font(unit * 0.95, 600)
  const width = Math.max(length, ctx.measureText(label).width)
  return { metres, length, width, cx: right - unit - width / 2, y: bottom - unit * 1.2, label }
}

function scaleBarRect(
  ctx: CanvasRenderingContext2D,
  metresPerPixel: number,
  right: number,
  bottom: number,
  unit: number,
): PixelBox | null {
  const g = scaleBarGeometry(ctx, metresPerPixel, right, bottom, unit)
  if (!g) return null
  return {
    x0: g.cx - g.width / 2 - unit,
    y0: g.y - unit * 2.6,
    x1: g.cx + g.width / 2 + unit,
    y1: g.y + unit,
  }
}

function drawScaleBar(
  ctx: CanvasRenderingContext2D,
  metresPerPixel: number,
  right: number,
  bottom: number,
  unit: number,
): void {
  const g = scaleBarGeometry(ctx, metresPerPixel, right, bottom, unit)
  if (!g) return
  const { length, width, cx, y, label } = g
  const x = cx - length / 2
  ctx.save()
  ctx.font = font(unit * 0.95, 600)
  ctx.fillStyle = 'rgba(255, 255, 255, 0.85)'
  roundedRect(ctx, cx - width / 2 - unit, y - unit * 2.6, width + unit * 2, unit * 3.6, unit * 0.5)
  ctx.fill()
  ctx.fillStyle = '#1d232b'
  ctx.fillRect(x, y - unit * 0.5, length / 2, unit * 0.5)
  ctx.strokeStyle = '#1d232b'
  ctx.lineWidth = Math.max(1, unit / 8)
  ctx.strokeRect(x, y - unit * 0.5, length, unit * 0.5)
  ctx.textAlign = 'center'
  ctx.fillText(label, cx, y - unit * 1.1)
  ctx.restore()
}

function drawNorthArrow(
  ctx: CanvasRenderingContext2D,
  northRad: number,
  cx: number,
  cy: number,
  unit: number,
): void {
  ctx.save()
  ctx.fillStyle = 'rgba(255, 255, 255, 0.85)'
  ctx.beginPath()
  ctx.arc(cx, cy, unit * 2.2, 0, Math.PI * 2)
  ctx.fill()
  ctx.translate(cx, cy)
  ctx.rotate(northRad)
  ctx.fillStyle = '#1d232b'
  ctx.beginPath()
  ctx.moveTo(0, -unit * 1.6)
  ctx.lineTo(unit * 0.7, unit * 0.9)
  ctx.lineTo(0, unit * 0.4)
  ctx.lineTo(-unit * 0.7, unit * 0.9)
  ctx.closePath()
  ctx.fill()
  ctx.rotate(-northRad)
  ctx.font = font(unit * 0.9, 700)
  ctx.textAlign = 'center'
  const nx = Math.sin(northRad) * unit * 2.9
  const ny = -Math.cos(northRad) * unit * 2.9
  ctx.fillStyle = '#1d232b'
  ctx.fillText('N', nx, ny + unit * 0.35)
  ctx.restore()
}

function roundedRect(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  w: number,
  h: number,
  r: number,
): void {
  ctx.beginPath()
  ctx.moveTo(x + r, y)
  ctx.arcTo(x + w, y, x + w, y + h, r)
  ctx.arcTo(x + w, y + h, x, y + h, r)
  ctx.arcTo(x, y + h, x, y, r)
  ctx.arcTo(x, y, x + w, y, r)
  ctx.closePath()
}
