import { localDateSql } from '../dataset/local-date-sql.js';
import type { CheckResult } from '../report/validation-report.js';
import { decisiveScale } from './decisive-scale.js';
import {
  DETECTABLE_DEVIATION,
  detectableOutcome,
  POWER_Z,
  type UndetectableCheck,
} from './detectable-outcome.js';
import type { Gate, GateContext } from './gate.js';
import { infoOutcome } from './info-outcome.js';
import { makeCheck } from './make-check.js';

/**
 * The scenario's occupancy band, `capacity.occupancy_band` ([low, high]); undefined for a
 * scenario written before capacity followed demand.
 */
function occupancyBand(scenario: GateContext['scenario']): readonly [number, number] | undefined {
  const capacity = (scenario as { readonly capacity?: { readonly occupancyBand?: unknown } })
    .capacity;
  const band = capacity?.occupancyBand;
  if (!Array.isArray(band) || band.length !== 2) return undefined;
  const [low, high] = band.map(Number) as [number, number];
  return Number.isFinite(low) && Number.isFinite(high) && low <= high ? [low, high] : undefined;
}

/**
 * Occupancy in the configured band for every site and year with stays (issue 14 item 8):
 * a site-year's mean occupancy is its summed midnight census over its summed staffed
 * beds. Its sampling error comes from the data: the standard deviation of the site-year's
 * monthly occupancies over the square root of their number (staffed beds are re-planned
 * every month from the weeks before it, so a month's occupancy is its own draw around the
 * target), and at least the error of the year's bed-days were they a compound Poisson
 * sum of stays at the band's middle (variance = bed-days x E[LOS²] / E[LOS]). Whole beds
 * round demand by up to half a bed (m / 2b at the band's middle m with b beds), a bias
 * rather than noise, added as it is. The band is widened by z standard
 * errors and the rounding; a site-year whose test could not see its occupancy 10% off (80%
 * power), or with fewer than six months of beds, is inconclusive rather than passing.
 */
export const gateOccupancyBand: Gate = {
  id: 'occupancy-band',
  category: 'fidelity',
  title: 'Occupancy within the configured band per site and year',
  tables: ['capacity_daily', 'ip_stays'],
  statistical: true,
  async run({ sql, scenario, run, significance }) {
    const band = occupancyBand(scenario);
    if (!band) {
      return infoOutcome('the scenario sets no capacity.occupancy_band: occupancy not checked');
    }
    const [low, high] = band;
    const middle = (low + high) / 2;
    const [moments] = await sql.rows(`SELECT sum(CAST(los_days AS DOUBLE)) AS los,
        sum(CAST(los_days AS DOUBLE) * CAST(los_days AS DOUBLE)) AS squares,
        max(${localDateSql('admit_ts', run, 'year')}) AS last FROM ip_stays`);
    // Bed-days come in stays: their variance is bed-days x E[LOS^2] / E[LOS].
    const ratio = Number(moments?.los) > 0 ? Number(moments?.squares) / Number(moments?.los) : 1;
    const lastYear = Number(moments?.last ?? Number.NEGATIVE_INFINITY);
    const months = await sql.rows(`SELECT site_id AS site, year(date) AS year, month(date) AS month,
        sum(census)::DOUBLE AS census, sum(staffed_beds)::DOUBLE AS beds, count(*) AS days
      FROM capacity_daily GROUP BY ALL ORDER BY site, year, month`);
    const siteYears = new Map<
      string,
      { site: number; year: number; census: number; beds: number; days: number; monthly: number[] }
    >();
    for (const row of months) {
      const key = `${row.site}:${row.year}`;
      let entry = siteYears.get(key);
      if (!entry) {
        entry = {
          site: Number(row.site),
          year: Number(row.year),
          census: 0,
          beds: 0,
          days: 0,
          monthly: [],
        };
        siteYears.set(key, entry);
      }
      entry.census += Number(row.census);
      entry.beds += Number(row.beds);
      entry.days += Number(row.days);
      if (Number(row.beds) > 0) entry.monthly.push(Number(row.census) / Number(row.beds));
    }
    const siteCode = (id: number) => scenario.sites[id - 1]?.code ?? `site ${id}`;
    const eligible = [...siteYears.values()].filter((e) => e.beds > 0 && e.year <= lastYear);
    const { z } = significance(Math.max(1, eligible.length));
    const checks: CheckResult[] = [];
    const undetectable: UndetectableCheck[] = [];
    for (const entry of eligible) {
      const n = entry.monthly.length;
      const mean = entry.monthly.reduce((a, b) => a + b, 0) / Math.max(n, 1);
      const variance =
        n > 1
          ? entry.monthly.reduce((sum, r) => sum + (r - mean) ** 2, 0) / (n - 1)
          : Number.POSITIVE_INFINITY;
      const bedsPerDay = entry.beds / entry.days;
      // At least the error of the year's bed-days as a compound Poisson sum of stays at the
      // band's middle, which a site with hardly any patients cannot show month to month.
      // The compound-Poisson error alone is what a larger dataset's months would show.
      const poissonSe = Math.sqrt((middle * ratio) / (entry.days * bedsPerDay));
      const se = Math.max(Math.sqrt(variance / Math.max(n, 1)), poissonSe);
      const occupancy = entry.census / entry.beds;
      const rounding = middle / (2 * bedsPerDay);
      const key = `${siteCode(entry.site)} ${entry.year}`;
      checks.push(makeCheck(key, occupancy, middle, (high - low) / 2 + z * se + rounding));
      if (n < 6 || (z + POWER_Z) * se + rounding > DETECTABLE_DEVIATION * middle) {
        // Beds grow with the patients: the error shrinks as 1/sqrt(c), the rounding of a
        // census as 1/c. With fewer than six months of beds (a site too small for beds in
        // every month), the months' spread is unknown: scale the compound-Poisson error.
        const base = n < 6 ? poissonSe : se;
        const scale = decisiveScale(
          (c) =>
            (z + POWER_Z) * (base / Math.sqrt(c)) + rounding / c <= DETECTABLE_DEVIATION * middle,
        );
        undetectable.push({ key, scale });
      }
    }
    return detectableOutcome(checks, undetectable, {
      z,
      what: 'site-year mean occupancies',
      patients: run.patients,
      extra: { band: [low, high], losRatio: Math.round(ratio * 100) / 100 },
    });
  },
};
