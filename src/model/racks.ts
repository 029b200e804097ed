import type { Confidence } from './constants'

/** A rack type: what one rack position draws, holds and computes. */
export interface RackSpec {
  readonly id: RackId
  readonly label: string
  readonly gpuLabel: string
  readonly gpusPerRack: number
  /** Rack design (maximum) power, kW. */
  readonly designKw: number
  /** Share of the rack's compute heat taken by direct liquid cooling, 0…1. */
  readonly liquidShare: number
  /** Dense (no sparsity) peak per GPU, TFLOPS; 0 where the GPU has no such format. */
  readonly bf16Tflops: number
  readonly fp8Tflops: number
  readonly fp4Tflops: number
  /** Warmest facility water the rack's cold plates accept, °C (null: air-cooled rack). */
  readonly maxLiquidSupplyC: number | null
  readonly weightKg: number
  readonly confidence: Confidence
  readonly source: string
}

export const RACK_IDS = [
  'h100-dgx',
  'h100-hgx-dlc',
  'b200-dgx',
  'gb200-nvl72',
  'gb300-nvl72',
  'vr-nvl144',
  'mi355x',
] as const
export type RackId = (typeof RACK_IDS)[number]

const STAS = 'repo stas00/ml-engineering compute/accelerator/README.md (dense TFLOPS)'

export const RACKS: Readonly<Record<RackId, RackSpec>> = {
  'h100-dgx': {
    id: 'h100-dgx',
    label: 'H100 DGX (air)',
    gpuLabel: 'H100 SXM',
    gpusPerRack: 32,
    designKw: 40.8,
    liquidShare: 0,
    bf16Tflops: 989,
    fp8Tflops: 1979,
    fp4Tflops: 0,
    maxLiquidSupplyC: null,
    weightKg: 650,
    confidence: 'H',
    source: `NVIDIA DGX SuperPOD H100 design guide: 4 × DGX H100 (10.2 kW) per rack; ${STAS}`,
  },
  'h100-hgx-dlc': {
    id: 'h100-hgx-dlc',
    label: 'H100 HGX (liquid)',
    gpuLabel: 'H100 SXM',
    gpusPerRack: 64,
    designKw: 82,
    liquidShare: 0.7,
    bf16Tflops: 989,
    fp8Tflops: 1979,
    fp4Tflops: 0,
    maxLiquidSupplyC: 35,
    weightKg: 1200,
    confidence: 'M',
    source: `Model reference §7.2 rack table (8 × HGX H100 with cold plates); ${STAS}`,
  },
  'b200-dgx': {
    id: 'b200-dgx',
    label: 'B200 DGX (air)',
    gpuLabel: 'B200',
    gpusPerRack: 16,
    designKw: 28.6,
    liquidShare: 0,
    bf16Tflops: 2250,
    fp8Tflops: 4500,
    fp4Tflops: 9000,
    maxLiquidSupplyC: null,
    weightKg: 600,
    confidence: 'M',
    source: `NVIDIA DGX B200 datasheet (~14.3 kW per 10U system, 2 per rack); ${STAS}`,
  },
  'gb200-nvl72': {
    id: 'gb200-nvl72',
    label: 'GB200 NVL72',
    gpuLabel: 'GB200',
    gpusPerRack: 72,
    designKw: 132,
    liquidShare: 0.85,
    bf16Tflops: 2500,
    fp8Tflops: 5000,
    fp4Tflops: 10000,
    maxLiquidSupplyC: 40,
    weightKg: 1360,
    confidence: 'H',
    source: `NVIDIA GB200 SuperPOD reference architecture (1.2 MW per 8-rack SU); ${STAS}`,
  },
  'gb300-nvl72': {
    id: 'gb300-nvl72',
    label: 'GB300 NVL72',
    gpuLabel: 'GB300',
    gpusPerRack: 72,
    designKw: 135,
    liquidShare: 0.88,
    bf16Tflops: 2500,
    fp8Tflops: 5000,
    fp4Tflops: 15000,
    maxLiquidSupplyC: 40,
    weightKg: 1450,
    confidence: 'M',
    source:
      'verda.com GB300 NVL72 architecture; introl.com; Morgan Stanley rack model (1.4 kW per GPU)',
  },
  'vr-nvl144': {
    id: 'vr-nvl144',
    label: 'Vera Rubin NVL144',
    gpuLabel: 'Rubin (package of 2 dies)',
    gpusPerRack: 72,
    designKw: 210,
    liquidShare: 1,
    bf16Tflops: 8350,
    fp8Tflops: 16700,
    fp4Tflops: 50000,
    maxLiquidSupplyC: 45,
    weightKg: 1800,
    confidence: 'L',
    source:
      'NVIDIA GTC 2025 figures as reported (190–230 kW, 45 °C inlet, 1.2 EF FP8 per rack); BF16 taken as FP8/2 (preliminary)',
  },
  mi355x: {
    id: 'mi355x',
    label: 'AMD MI355X (liquid)',
    gpuLabel: 'MI355X',
    gpusPerRack: 128,
    designKw: 200,
    liquidShare: 0.9,
    bf16Tflops: 2500,
    fp8Tflops: 5000,
    fp4Tflops: 10000,
    maxLiquidSupplyC: 40,
    weightKg: 1800,
    confidence: 'L',
    source:
      'The Register 2025-06-12 (128 GPUs per rack, 1.4 kW each); AMD at ISSCC 2026: FP8 dense 5.0 PF (256 CUs × 8,192 FLOP/clock × 2.4 GHz), BF16 half of it, FP4 10 PF dense (20.1 PF marketed is sparse); tomshardware MI355X',
  },
}
