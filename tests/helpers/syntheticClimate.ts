import type { Climate, SiteId } from '../../src/model'

/** A mild synthetic year: the layout needs readouts, not a particular climate. */
export function syntheticClimate(id: SiteId): Climate {
  const n = 8760
  const dry = new Float32Array(n)
  const dew = new Float32Array(n)
  const wet = new Float32Array(n)
  const wind = new Float32Array(n)
  for (let i = 0; i < n; i++) {
    const t = 8 + 12 * Math.sin((2 * Math.PI * i) / n) + 4 * Math.sin((2 * Math.PI * i) / 24)
    dry[i] = t
    dew[i] = t - 6
    wet[i] = t - 3
    wind[i] = 5 + 3 * Math.sin(i / 37)
  }
  return {
    id,
    name: id,
    lat: 50,
    lon: 10,
    elevationM: 0,
    pressurePa: 101_325,
    utcOffsetH: 0,
    synthesised: true,
    quality: 'test',
    method: 'test',
    source: 'test',
    sourceUrl: '',
    license: '',
    dryBulbC: dry,
    dewPointC: dew,
    wetBulbC: wet,
    windMs: wind,
  }
}
