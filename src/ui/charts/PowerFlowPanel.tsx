import { SUPPLY_SOURCES, type Readouts } from '../../model'
import { useEvaluation } from '../../state'
import { formatNumber } from '../../state'
import { SOURCE_COLORS, SOURCE_LABELS } from './colors'

interface FlowNode {
  readonly id: string
  readonly label: string
  readonly gwh: number
  readonly color: string
}

/**
 * Where the facility's energy comes from and where it goes, from the annual totals: the uses
 * add up to the facility's energy (every part of `energyBreakdownGwh` has a node).
 */
export function powerFlowNodes(readouts: Readouts): { sources: FlowNode[]; uses: FlowNode[] } {
  const s = readouts.supplyGwh
  const e = readouts.energyBreakdownGwh
  const sources = SUPPLY_SOURCES.map((id) => ({
    id,
    label: SOURCE_LABELS[id],
    gwh: s[id],
    color: SOURCE_COLORS[id],
  })).filter((n) => n.gwh > 1e-6)
  const uses: FlowNode[] = [
    { id: 'it', label: 'IT (compute, network, storage)', gwh: e.it, color: '#2f6fed' },
    {
      id: 'cooling',
      label: 'Cooling (fans, chillers, pumps)',
      gwh: e.crahFans + e.chillers + e.heatRejectionFans + e.pumps,
      color: '#12a4b0',
    },
    {
      id: 'losses',
      label: 'Electrical losses (UPS, distribution, transformers)',
      gwh: e.ups + e.distribution + e.transformers,
      color: '#a0a7b4',
    },
    { id: 'lighting', label: 'Lighting and building', gwh: e.lighting, color: '#c9b458' },
    { id: 'heatPumps', label: 'Heat pumps (heat reuse)', gwh: e.heatPumps, color: '#d9793a' },
  ].filter((n) => n.gwh > 1e-6)
  return { sources, uses }
}

const W = 760
const H = 300
const NODE_W = 14
const GAP = 10
const LEFT_X = 150
const MID_X = 372
const RIGHT_X = 600

function band(x0: number, y0a: number, y0b: number, x1: number, y1a: number, y1b: number): string {
  const xm = (x0 + x1) / 2
  return `M${x0},${y0a} C${xm},${y0a} ${xm},${y1a} ${x1},${y1a} L${x1},${y1b} C${xm},${y1b} ${xm},${y0b} ${x0},${y0b} Z`
}

interface PlacedNode extends FlowNode {
  /** Node top and height, and where its band meets the facility node, px. */
  readonly top: number
  readonly height: number
  readonly midTop: number
}

/** Places the nodes: columns stacked and centred, one px scale for every band. */
function layoutFlow(sources: readonly FlowNode[], uses: readonly FlowNode[]) {
  const supplied = sources.reduce((sum, n) => sum + n.gwh, 0)
  const used = uses.reduce((sum, n) => sum + n.gwh, 0)
  const total = Math.max(supplied, used, 1e-9)
  const k = (H - 40 - GAP * Math.max(sources.length, uses.length, 1)) / total
  const midHeight = total * k
  const midTop = (H - midHeight) / 2
  const place = (nodes: readonly FlowNode[]): PlacedNode[] => {
    const height = nodes.reduce((sum, n) => sum + n.gwh * k, 0) + GAP * (nodes.length - 1)
    let y = (H - height) / 2
    let atMid = midTop
    return nodes.map((n) => {
      const placed = { ...n, top: y, height: n.gwh * k, midTop: atMid }
      y += placed.height + GAP
      atMid += placed.height
      return placed
    })
  }
  return { total, midTop, midHeight, sources: place(sources), uses: place(uses) }
}

/** Sources → facility → IT, cooling, losses: band widths proportional to annual energy. */
export default function PowerFlowPanel() {
  const evaluation = useEvaluation()
  if (!evaluation) return <p className="muted pad">Loading…</p>
  const readouts = evaluation.readouts
  const nodes = powerFlowNodes(readouts)
  const { total, midTop, midHeight, sources, uses } = layoutFlow(nodes.sources, nodes.uses)
  const pct = (gwh: number): string =>
    `${formatNumber((100 * gwh) / total, gwh / total < 0.1 ? 1 : 0)} %`
  const summary = `Facility energy ${formatNumber(readouts.energyGwhPerYear, 0)} GWh a year. Supplied by ${sources
    .map((n) => `${n.label} ${formatNumber(n.gwh, 0)} GWh`)
    .join(
      ', ',
    )}. Used by ${uses.map((n) => `${n.label} ${formatNumber(n.gwh, 0)} GWh`).join(', ')}.`
  return (
    <div className="flow">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        className="flow-svg"
        role="img"
        aria-labelledby="flow-title flow-desc"
      >
        <title id="flow-title">Annual power flow</title>
        <desc id="flow-desc">{summary}</desc>
        {sources.map((n) => (
          <g key={n.id}>
            <path
              d={band(
                LEFT_X + NODE_W,
                n.top,
                n.top + n.height,
                MID_X,
                n.midTop,
                n.midTop + n.height,
              )}
              fill={n.color}
              opacity={0.35}
            />
            <rect
              x={LEFT_X}
              y={n.top}
              width={NODE_W}
              height={Math.max(1, n.height)}
              fill={n.color}
            />
            <text
              x={LEFT_X - 8}
              y={n.top + n.height / 2}
              textAnchor="end"
              dominantBaseline="middle"
              className="flow-label"
            >
              {n.label} {formatNumber(n.gwh, 0)} GWh
            </text>
          </g>
        ))}
        <rect x={MID_X} y={midTop} width={NODE_W} height={midHeight} fill="#344054" />
        <text
          x={MID_X + NODE_W / 2}
          y={midTop - 8}
          textAnchor="middle"
          className="flow-label flow-strong"
        >
          Facility {formatNumber(readouts.energyGwhPerYear, 0)} GWh/yr
        </text>
        {uses.map((n) => (
          <g key={n.id}>
            <path
              d={band(
                MID_X + NODE_W,
                n.midTop,
                n.midTop + n.height,
                RIGHT_X,
                n.top,
                n.top + n.height,
              )}
              fill={n.color}
              opacity={0.35}
            />
            <rect
              x={RIGHT_X}
              y={n.top}
              width={NODE_W}
              height={Math.max(1, n.height)}
              fill={n.color}
            />
            <text
              x={RIGHT_X + NODE_W + 8}
              y={n.top + n.height / 2}
              dominantBaseline="middle"
              className="flow-label"
            >
              {n.label.split(' (')[0]} {formatNumber(n.gwh, 0)} GWh ({pct(n.gwh)})
            </text>
          </g>
        ))}
      </svg>
      <p className="small muted">
        PUE {formatNumber(readouts.pueAnnual, 3)}: every GWh of IT energy costs{' '}
        {formatNumber(readouts.pueAnnual - 1, 3)} GWh more in cooling, losses and lighting.
        {readouts.supplyGwh.curtailed > 0.5 &&
          ` ${formatNumber(readouts.supplyGwh.curtailed, 0)} GWh of wind and solar a year exceed demand (curtailed or exported).`}
        {readouts.heatReusedGwhPerYear > 0.5 &&
          ` ${formatNumber(readouts.heatReusedGwhPerYear, 0)} GWh of heat a year go to reuse.`}
      </p>
    </div>
  )
}
