/**
 * The map's base geography, shipped with the app and loaded only when a programme is shown:
 * Natural Earth 1:50m countries (the `world-atlas` package, public domain data) and US states
 * (the `us-atlas` package, US Census Bureau cartographic boundaries, public domain). Both are
 * TopoJSON files emitted as assets of the build and read from the app's own folder; nothing
 * is fetched from elsewhere.
 */
import type { Feature, FeatureCollection, Geometry, MultiLineString } from 'geojson'
import { feature, mesh } from 'topojson-client'
import type { GeometryCollection, Topology } from 'topojson-specification'
import worldUrl from 'world-atlas/countries-50m.json?url'
import statesUrl from 'us-atlas/states-10m.json?url'

export interface Basemap {
  /**
   * Land: every country but the United States from Natural Earth, and the United States from
   * its states, whose shorelines leave the Great Lakes open (Natural Earth's countries fill
   * them; the Canadian side of the shared lakes stays filled).
   */
  readonly land: FeatureCollection<Geometry>
  /** Borders between countries (each drawn once). */
  readonly borders: MultiLineString
  /** Borders between US states, inland only. */
  readonly states: MultiLineString
}

type Countries = Topology<{ countries: GeometryCollection; land: GeometryCollection }>
type States = Topology<{ states: GeometryCollection; nation: GeometryCollection }>

async function readTopology<T>(url: string): Promise<T> {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`map data could not be loaded (HTTP ${response.status})`)
  return (await response.json()) as T
}

let loading: Promise<Basemap> | null = null

/** Loads and converts the base geography once. */
export function loadBasemap(): Promise<Basemap> {
  loading ??= Promise.all([readTopology<Countries>(worldUrl), readTopology<States>(statesUrl)])
    .then(([world, us]) => {
      const countries = world.objects.countries
      const all = feature(world, countries) as FeatureCollection<Geometry>
      const usStates = feature(us, us.objects.states) as FeatureCollection<Geometry>
      // ISO 3166-1 numeric 840: the United States.
      const land: FeatureCollection<Geometry> = {
        type: 'FeatureCollection',
        features: [...all.features.filter((f) => String(f.id) !== '840'), ...usStates.features],
      }
      const borders = mesh(world, countries, (a, b) => a !== b)
      const states = mesh(us, us.objects.states, (a, b) => a !== b)
      return { land, borders, states }
    })
    .catch((error: unknown) => {
      loading = null
      throw error
    })
  return loading
}

export type { Feature }
