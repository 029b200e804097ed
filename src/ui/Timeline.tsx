import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react'
import { monthIndex, monthText, phasesOf, supplyShort } from '../model'
import {
  openDrawer,
  selectPhaseIndex,
  selectTimelineMonth,
  setPhaseIndex,
  setTimelineMonth,
  timelineRange,
  useCampus,
  usePhaseEvaluations,
} from '../state'

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** A month number (`monthIndex`) as people read it: `Jun 2026`. */
export function monthLabel(month: number): string {
  const text = monthText(month)
  return `${MONTHS[Number(text.slice(5, 7)) - 1] ?? ''} ${text.slice(0, 4)}`
}

/**
 * Play's pace: one month per tick, the whole timeline in about 8 s (a short one no faster than
 * 0.5 s a month, a long one no slower than 0.12 s), so each phase stays on screen long enough
 * to read and a decade still plays in under half a minute.
 */
export function playTickMs(months: number): number {
  return Math.min(500, Math.max(120, 8000 / Math.max(1, months)))
}

/** Share of the track kept empty at each end, so the first and last marks are not clipped. */
const EDGE = 0.04

/**
 * The build-out timeline under the 3D view (only for a scenario with phases): the phases as
 * marks on a date axis, a scrubber (ARIA slider "Phase": arrows step phases, Home/End the first
 * and last; dragging scrubs month by month), play/pause stepping month by month, and the date
 * and phase shown. The 3D view, readouts and link follow the store's phase and month.
 */
export function Timeline() {
  const scenario = useCampus((s) => s.scenario)
  const index = useCampus(selectPhaseIndex)
  const month = useCampus(selectTimelineMonth)
  const evaluations = usePhaseEvaluations()
  const [playing, setPlaying] = useState(false)
  const trackRef = useRef<HTMLDivElement>(null)
  const range = timelineRange(scenario)
  const months = range === null ? 0 : range.last - range.first
  const lastMonth = range?.last ?? null

  useEffect(() => {
    if (!playing || lastMonth === null) return
    const timer = setInterval(() => {
      const now = selectTimelineMonth(useCampus.getState())
      if (now === null || now >= lastMonth) {
        setPlaying(false)
        return
      }
      setTimelineMonth(now + 1)
    }, playTickMs(months))
    return () => clearInterval(timer)
  }, [playing, lastMonth, months])

  if (range === null || month === null || scenario.phases === undefined) return null
  const views = phasesOf(scenario)
  const count = views.length
  const shown = views[index]
  const at = (m: number): number =>
    months === 0 ? 0.5 : EDGE + ((1 - 2 * EDGE) * (m - range.first)) / months
  const years: number[] = []
  for (let y = Math.ceil(range.first / 12) * 12; y <= range.last; y += 12) years.push(y)

  const monthAt = (clientX: number): number | null => {
    const rect = trackRef.current?.getBoundingClientRect()
    if (!rect || rect.width === 0) return null
    const f = ((clientX - rect.left) / rect.width - EDGE) / (1 - 2 * EDGE)
    return range.first + Math.round(Math.min(1, Math.max(0, f)) * months)
  }
  const scrub = (event: PointerEvent<HTMLDivElement>): void => {
    const m = monthAt(event.clientX)
    if (m !== null) setTimelineMonth(m)
  }
  const onKey = (event: KeyboardEvent<HTMLDivElement>): void => {
    const step: Record<string, number> = {
      ArrowLeft: -1,
      ArrowDown: -1,
      PageDown: -1,
      ArrowRight: 1,
      ArrowUp: 1,
      PageUp: 1,
    }
    let next: number | null = null
    if (event.key === 'Home') next = 0
    else if (event.key === 'End') next = count - 1
    else if (event.key in step) next = index + (step[event.key] ?? 0)
    if (next === null) return
    event.preventDefault()
    setPlaying(false)
    setPhaseIndex(next)
  }

  const valueText = `Phase ${index + 1} of ${count}: ${shown?.name ?? ''}, online ${shown?.online ?? ''}; showing ${monthLabel(month)}`
  const nextPhase = views[index + 1]
  const building =
    nextPhase !== undefined && nextPhase.online !== null && monthIndex(nextPhase.online) > month
      ? ` · next: ${nextPhase.name} (${monthLabel(monthIndex(nextPhase.online))})`
      : ''

  return (
    <section className="timeline" aria-label="Build-out timeline" data-timeline>
      <button
        type="button"
        className="btn timeline-play"
        aria-pressed={playing}
        onClick={() => {
          if (!playing && month >= range.last) setTimelineMonth(range.first)
          setPlaying(!playing)
        }}
      >
        {playing ? 'Pause' : 'Play'}
      </button>
      <div className="timeline-body">
        <div
          ref={trackRef}
          className="timeline-track"
          role="slider"
          tabIndex={0}
          aria-label="Phase"
          aria-valuemin={1}
          aria-valuemax={count}
          aria-valuenow={index + 1}
          aria-valuetext={valueText}
          onKeyDown={onKey}
          onPointerDown={(e) => {
            setPlaying(false)
            e.currentTarget.setPointerCapture(e.pointerId)
            e.currentTarget.focus()
            scrub(e)
          }}
          onPointerMove={(e) => {
            if (e.currentTarget.hasPointerCapture(e.pointerId)) scrub(e)
          }}
        >
          <div className="timeline-rail" />
          {years.map((y) => (
            <span
              key={y}
              className="timeline-year"
              style={{ left: `${at(y) * 100}%` }}
              aria-hidden="true"
            >
              {monthText(y).slice(0, 4)}
            </span>
          ))}
          {views.map((v) => {
            const m = v.online === null ? range.first : monthIndex(v.online)
            const short = evaluations?.[v.index]
            const alert = short !== undefined && supplyShort(short.readouts)
            return (
              <span
                key={v.index}
                className={`timeline-mark${v.index <= index ? ' timeline-mark-built' : ''}${alert ? ' timeline-mark-alert' : ''}`}
                style={{ left: `${at(m) * 100}%` }}
                title={`Phase ${v.index + 1}: ${v.name} (${v.online ?? ''})${alert ? ' — supply short' : ''}`}
                aria-hidden="true"
                data-phase-mark={v.index}
              >
                <span className="timeline-mark-label">{v.index + 1}</span>
              </span>
            )
          })}
          <span
            className="timeline-thumb"
            style={{ left: `${at(month) * 100}%` }}
            aria-hidden="true"
          />
        </div>
      </div>
      <p className="timeline-readout" aria-live={playing ? 'off' : 'polite'} data-timeline-readout>
        <strong>{monthLabel(month)}</strong>{' '}
        <span>
          · Phase {index + 1} of {count}: {shown?.name}
        </span>
        <span className="muted">{building}</span>
      </p>
      <button type="button" className="btn btn-quiet" onClick={() => openDrawer('phases')}>
        Edit phases
      </button>
    </section>
  )
}
