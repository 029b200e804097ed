import { setField as setScenarioField, type Scenario } from '../model'
import { ensureClimate } from './climate'
import { useCampus, type CameraState, type LayerId, type Selection, type Units } from './store'

/** Plain functions are the only writers of the store (docs/ARCHITECTURE.md). */

/** Sets one scenario field by path (e.g. `power.hydroMw`); the caller passes a valid value. */
export function setField(path: string, value: number | string): void {
  const scenario = setScenarioField(useCampus.getState().scenario, path, value)
  setScenario(scenario)
}

/** Replaces the whole scenario (already validated) and loads its site's climate. */
export function setScenario(scenario: Scenario): void {
  useCampus.setState({ scenario })
  void ensureClimate(scenario.site)
}

export function select(selection: Selection | null): void {
  useCampus.setState({ selection })
}

export function toggleLayer(layer: LayerId): void {
  useCampus.setState((s) => ({ layers: { ...s.layers, [layer]: !s.layers[layer] } }))
}

export function setCamera(camera: CameraState): void {
  useCampus.setState({ camera })
}

export function setUnits(units: Units): void {
  useCampus.setState({ units })
}

export function setXray(xray: boolean): void {
  useCampus.setState({ xray })
}

export function setMotion(motion: boolean): void {
  useCampus.setState({ motion })
}

export function setTimeOfDay(timeOfDayH: number): void {
  useCampus.setState({ timeOfDayH: Math.min(24, Math.max(0, timeOfDayH)) })
}
