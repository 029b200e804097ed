import type { RenderedFrame } from '../state'
import { formatLength, scaleBarMetres, type Caption } from './caption'

/**
 * Draws the caption panel (title, site and date, key figures, legend), a scale bar and a north
 * arrow over the rendered frame, scaled to the image so they read the same at any size.
 */
export function composeImage(frame: RenderedFrame, caption: Caption | null): HTMLCanvasElement {
  const source = frame.canvas
  const out = document.createElement('canvas')
  out.width = source.width
  out.height = source.height
  const ctx = out.getContext('2d')
  if (!ctx) throw new Error('This browser cannot draw the caption (no 2D canvas).')
  ctx.drawImage(source, 0, 0)
  if (!caption) return out

  const unit = Math.max(6, Math.min(out.width, out.height * 1.6) / 90)
  const font = (size: number, weight = 400): string =>
    `${weight} ${Math.round(size)}px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif`
  const pad = unit * 1.2
  const line = unit * 1.5

  // Caption panel, bottom left: two columns of label–value pairs, sized to their text.
  const columns = 2
  const rows = Math.ceil(caption.figures.length / columns)
  const gap = unit * 0.8
  ctx.font = font(unit * 0.95)
  const labelWidth = Math.max(...caption.figures.map((f) => ctx.measureText(f.label).width))
  ctx.font = font(unit * 1.05, 600)
  const valueWidth = Math.max(...caption.figures.map((f) => ctx.measureText(f.value).width))
  const columnWidth = labelWidth + gap + valueWidth + unit * 2
  ctx.font = font(unit * 1.7, 650)
  const titleWidth = ctx.measureText(caption.title).width
  ctx.font = font(unit)
  const subtitleWidth = ctx.measureText(caption.subtitle).width
  const panelWidth = Math.min(
    out.width - 2 * pad,
    Math.max(titleWidth, subtitleWidth, columns * columnWidth - unit * 2) + 2 * pad,
  )
  const legendHeight = line * 1.4
  const noteHeight = caption.note ? line : 0
  const panelHeight = pad * 2 + unit * 2 + line + rows * line + legendHeight + noteHeight
  const x0 = pad
  const y0 = out.height - pad - panelHeight
  ctx.save()
  ctx.fillStyle = 'rgba(255, 255, 255, 0.9)'
  ctx.strokeStyle = 'rgba(30, 36, 44, 0.15)'
  ctx.lineWidth = Math.max(1, unit / 10)
  roundedRect(ctx, x0, y0, panelWidth, panelHeight, unit * 0.6)
  ctx.fill()
  ctx.stroke()

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
  let lx = x0 + pad
  ctx.font = font(unit * 0.95)
  for (const entry of caption.legend) {
    ctx.fillStyle = entry.color
    ctx.strokeStyle = 'rgba(30, 36, 44, 0.35)'
    ctx.fillRect(lx, y - unit * 0.8, unit, unit)
    ctx.strokeRect(lx, y - unit * 0.8, unit, unit)
    ctx.fillStyle = '#3a434d'
    ctx.fillText(entry.label, lx + unit * 1.4, y)
    lx += unit * 1.4 + ctx.measureText(entry.label).width + unit * 1.5
  }
  if (caption.note) {
    ctx.fillStyle = '#8a5a00'
    ctx.font = font(unit * 0.9)
    ctx.fillText(caption.note, x0 + pad, y + line, panelWidth - 2 * pad)
  }
  ctx.restore()

  drawScaleBar(ctx, frame.metresPerPixel, out.width - pad, out.height - pad, unit, font)
  drawNorthArrow(ctx, frame.northRad, out.width - pad - unit * 2.5, pad + unit * 3, unit, font)
  return out
}

function drawScaleBar(
  ctx: CanvasRenderingContext2D,
  metresPerPixel: number,
  right: number,
  bottom: number,
  unit: number,
  font: (size: number, weight?: number) => string,
): void {
  const metres = scaleBarMetres(metresPerPixel, unit * 14)
  if (metres <= 0) return
  const length = metres / metresPerPixel
  // In a perspective view the scale holds at the view's centre only: the label says so.
  const label = `${formatLength(metres)} at the centre`
  ctx.save()
  ctx.font = font(unit * 0.95, 600)
  const width = Math.max(length, ctx.measureText(label).width)
  const cx = right - unit - width / 2
  const x = cx - length / 2
  const y = bottom - unit * 1.2
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
  font: (size: number, weight?: number) => string,
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
