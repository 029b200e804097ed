import { useEffect, useLayoutEffect, useRef } from 'react'
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'

/**
 * A uPlot chart sized to its box. `options` are applied when the chart is created (give the
 * component a new `key` when they change shape); `data` updates in place.
 */
export function UPlotChart({
  options,
  data,
  label,
}: {
  options: Omit<uPlot.Options, 'width' | 'height'>
  data: uPlot.AlignedData
  label: string
}) {
  const boxRef = useRef<HTMLDivElement>(null)
  const plotRef = useRef<uPlot | null>(null)
  const dataRef = useRef(data)
  useLayoutEffect(() => {
    dataRef.current = data
  }, [data])

  useEffect(() => {
    const box = boxRef.current
    if (!box) return
    let legend: HTMLElement | null = null
    // The legend sits below the plot inside the box: the plot gets what is left.
    const size = (): { width: number; height: number } => ({
      width: Math.max(200, Math.floor(box.clientWidth)),
      height: Math.max(100, Math.floor(box.clientHeight - (legend ? legend.offsetHeight + 4 : 0))),
    })
    const plot = new uPlot({ ...options, ...size() }, dataRef.current, box)
    plotRef.current = plot
    legend = plot.root.querySelector<HTMLElement>('.u-legend')
    plot.setSize(size())
    const observer = new ResizeObserver(() => plot.setSize(size()))
    observer.observe(box)
    return () => {
      observer.disconnect()
      plot.destroy()
      plotRef.current = null
    }
  }, [options])

  useEffect(() => {
    plotRef.current?.setData(data)
  }, [data])

  return <div ref={boxRef} className="chart-box" role="img" aria-label={label} />
}
