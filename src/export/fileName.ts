import type { Scenario } from '../model'

/** ASCII, lower case, words joined by '-': safe on every file system. */
export function slug(text: string): string {
  const ascii = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[øØ]/g, 'o')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[åÅ]/g, 'a')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return ascii.slice(0, 60).replace(/-+$/, '') || 'campus'
}

/**
 * A descriptive file name: scenario, view, size and date, e.g.
 * `stargate-norway-narvik_overview_3840x2160_2026-11-25.png`.
 */
export function exportFileName(
  scenario: Pick<Scenario, 'name'>,
  view: string,
  width: number,
  height: number,
  date: Date,
): string {
  const day = date.toISOString().slice(0, 10)
  return `${slug(scenario.name)}_${slug(view)}_${width}x${height}_${day}.png`
}
