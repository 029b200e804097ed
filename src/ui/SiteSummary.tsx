import { useState } from 'react'
import { SITES, SITE_IDS, type SiteId } from '../model'
import {
  climateSummary,
  commitEdit,
  ensureClimate,
  notify,
  setField,
  useCampus,
  useSiteClimateSummary,
  type Units,
} from '../state'
import { formatNumber, formatQuantity, joinUnit } from '../state'

const temperature = (c: number, units: Units): string => joinUnit(formatQuantity(c, '°C', 1, units))

/** The chosen site's climate in a few numbers, its data quality, grid and water context. */
export function SiteSummary() {
  const siteId = useCampus((s) => s.scenario.site)
  const units = useCampus((s) => s.units)
  const summary = useSiteClimateSummary()
  const site = SITES[siteId]
  return (
    <div className="site-card" aria-label={`About ${site.label}`} role="group">
      <div className="site-card-head">
        <span>{site.label}</span>
        <span
          className={`badge ${site.climateQuality === 'measured' ? 'badge-good' : 'badge-neutral'}`}
          title={
            site.climateQuality === 'measured'
              ? 'Hourly year from measured station data'
              : 'Hourly year synthesised from monthly statistics'
          }
        >
          {site.climateQuality === 'measured' ? 'Measured year' : 'Synthesised year'}
        </span>
      </div>
      {summary ? (
        <dl className="kv">
          <dt>Mean temperature</dt>
          <dd>{temperature(summary.meanDryBulbC, units)}</dd>
          <dt title="Exceeded in 0.4 % of the hours of the typical year (ASHRAE-style cooling percentile); the model's design hour is the year's worst hour, hotter still">
            0.4 % dry / wet bulb
          </dt>
          <dd>
            {temperature(summary.dryBulb04C, units)} / {temperature(summary.wetBulb04C, units)}
          </dd>
          <dt>Hottest hour</dt>
          <dd>{temperature(summary.maxDryBulbC, units)}</dd>
          <dt>Hours above {joinUnit(formatQuantity(25, '°C', 0, units))}</dt>
          <dd>{formatNumber(summary.hoursAbove25C, 0)} h</dd>
          <dt>Grid carbon</dt>
          <dd title={site.grid.zone}>{formatNumber(site.grid.kgCo2PerKwh * 1000, 0)} g CO₂/kWh</dd>
          <dt>Water stress</dt>
          <dd>{site.waterStressed ? 'High' : 'Low to medium'}</dd>
        </dl>
      ) : (
        <p className="muted small">Loading the site’s hourly year…</p>
      )}
      <AllSites current={siteId} units={units} />
    </div>
  )
}

/** Every site side by side; their climates load only when this is opened. */
function AllSites({ current, units }: { current: SiteId; units: Units }) {
  const [open, setOpen] = useState(false)
  const climates = useCampus((s) => s.climates)
  const toggle = (): void => {
    if (!open) {
      Promise.all(SITE_IDS.map(ensureClimate)).catch((error: unknown) =>
        notify({
          tone: 'error',
          title: 'Some site climates could not be loaded.',
          details: [String(error)],
        }),
      )
    }
    setOpen(!open)
  }
  return (
    <div className="all-sites">
      <button type="button" className="link-button" aria-expanded={open} onClick={toggle}>
        {open ? 'Hide site comparison' : 'Compare all sites'}
      </button>
      {open && (
        <table className="mini-table">
          <caption className="visually-hidden">Climate of every built-in site</caption>
          <thead>
            <tr>
              <th scope="col">Site</th>
              <th scope="col">Data</th>
              <th scope="col">Mean</th>
              <th scope="col">0.4 % wet bulb</th>
            </tr>
          </thead>
          <tbody>
            {SITE_IDS.map((id) => {
              const climate = climates[id]
              const s = climate ? climateSummary(climate) : null
              return (
                <tr key={id} aria-current={id === current ? 'true' : undefined}>
                  <th scope="row">
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => {
                        commitEdit()
                        setField('site', id)
                        commitEdit()
                      }}
                    >
                      {SITES[id].label}
                    </button>
                  </th>
                  <td>{SITES[id].climateQuality === 'measured' ? 'measured' : 'synth.'}</td>
                  <td>{s ? temperature(s.meanDryBulbC, units) : '…'}</td>
                  <td>{s ? temperature(s.wetBulb04C, units) : '…'}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
    </div>
  )
}
