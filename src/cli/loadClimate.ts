import { readFileSync } from 'node:fs'
import { decodeClimate, type Climate, type SiteId } from '../model'

const ASSETS = new URL('../../assets/climate/', import.meta.url)
const cache = new Map<SiteId, Climate>()

/** Reads a built-in site's climate asset from disk (the browser loads the same file lazily). */
export function loadClimate(site: SiteId): Climate {
  let climate = cache.get(site)
  if (!climate) {
    climate = decodeClimate(JSON.parse(readFileSync(new URL(`${site}.json`, ASSETS), 'utf8')))
    cache.set(site, climate)
  }
  return climate
}
