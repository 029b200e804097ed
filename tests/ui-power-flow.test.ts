/**
 * The annual power-flow diagram balances: its uses add up to the facility's energy, heat pumps
 * included (a campus that reuses heat spends electricity on them, counted in PUE).
 */
import { describe, expect, it } from 'vitest'
import { loadClimate } from '../src/cli/loadClimate'
import { DEFAULT_SCENARIO, simulate, type Scenario } from '../src/model'
import { powerFlowNodes } from '../src/ui/charts/PowerFlowPanel'

describe('power flow', () => {
  it(
    'uses add up to the facility energy, with heat pumps when heat is reused',
    { timeout: 20_000 },
    () => {
      const reusing: Scenario = { ...DEFAULT_SCENARIO, heatReuseFraction: 0.5 }
      const readouts = simulate(reusing, loadClimate(reusing.site)).readouts
      const { uses, sources } = powerFlowNodes(readouts)
      const used = uses.reduce((sum, n) => sum + n.gwh, 0)
      const supplied = sources.reduce((sum, n) => sum + n.gwh, 0)
      expect(readouts.energyBreakdownGwh.heatPumps).toBeGreaterThan(0)
      expect(uses.map((n) => n.id)).toContain('heatPumps')
      // Rounding only: the breakdown is the facility energy split by part.
      expect(Math.abs(used - readouts.energyGwhPerYear)).toBeLessThan(
        1e-6 * readouts.energyGwhPerYear,
      )
      expect(Math.abs(supplied - readouts.energyGwhPerYear)).toBeLessThan(
        1e-3 * readouts.energyGwhPerYear,
      )
    },
  )
})
