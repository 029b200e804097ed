import { decodeClimate, type Climate, type SiteId } from '../model'
import { useCampus } from './store'

/** One lazily loaded chunk per site: a site's year is fetched only when it is first needed. */
const loaders = import.meta.glob<{ default: unknown }>('../../assets/climate/*.json')

const pending = new Map<SiteId, Promise<Climate>>()

/** Loads a site's climate (once) and puts it in the store. */
export function ensureClimate(site: SiteId): Promise<Climate> {
  const loaded = useCampus.getState().climates[site]
  if (loaded) return Promise.resolve(loaded)
  let promise = pending.get(site)
  if (!promise) {
    const load = loaders[`../../assets/climate/${site}.json`]
    if (!load) return Promise.reject(new Error(`no climate asset for site ${site}`))
    promise = load().then((module) => {
      const climate = decodeClimate(module.default)
      useCampus.setState((s) => ({ climates: { ...s.climates, [site]: climate } }))
      return climate
    })
    promise.catch(() => pending.delete(site))
    pending.set(site, promise)
  }
  return promise
}
