import type { SUPPLY_SOURCES } from '../../model'

type Source = (typeof SUPPLY_SOURCES)[number]

/** One colour per supply source, shared by the monthly chart and the power-flow diagram. */
export const SOURCE_COLORS: Readonly<Record<Source, string>> = {
  wind: '#4e9ad8',
  solar: '#e8b33a',
  hydro: '#1f6f9f',
  battery: '#8a6cc2',
  grid: '#7d8794',
  gas: '#d0694c',
  unserved: '#b42318',
}

export const SOURCE_LABELS: Readonly<Record<Source, string>> = {
  wind: 'Wind',
  solar: 'Solar',
  hydro: 'Hydro',
  battery: 'Battery',
  grid: 'Grid',
  gas: 'Gas',
  unserved: 'Unserved',
}
