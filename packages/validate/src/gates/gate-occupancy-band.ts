import { standardNormalQuantile } from '@lm-synth/stats';
import { localDateSql } from '../dataset/local-date-sql.js';
import type { CheckResult } from '../report/validation-report.js';
import { DETECTABLE_DEVIATION, detectableOutcome } from './detectable-outcome.js';
import type { Gate, GateContext } from './gate.js';
import { makeCheck } from './make-check.js';

/** A deviation counts as detectable when the test would see it at least 80% of the time. */
const POWER_Z = standardNormalQuantile(0.8);

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
 * beds. Its sampling error, were the site at the band's middle m with b beds over D
 * days: the year's bed-days are a compound Poisson sum of stays, variance = bed-days x
 * E[LOS²]/E[LOS] (R, over the dataset's stays), so occupancy has standard error
 * sqrt(m R / (D b)); beds follow an earlier year's census, so that error counts twice;
 * and whole beds round demand by up to half a bed (m / 2b). The band is widened by z
 * standard errors and the rounding; a site-year too small to see its occupancy 10% off
 * (80% power) is inconclusive rather than passing.
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
      return {
        status: 'info',
        observed: null,
        expected: null,
        tolerance: null,
        comparison: 'within',
        message: 'the scenario sets no capacity.occupancy_band: occupancy not checked',
      };
    }
    const [low, high] = band;
    const middle = (low + high) / 2;
    const [moments] = await sql.rows(`SELECT sum(CAST(los_days AS DOUBLE)) AS los,
        sum(CAST(los_days AS DOUBLE) * CAST(los_days AS DOUBLE)) AS squares,
        max(${localDateSql('admit_ts', run, 'year')}) AS last FROM ip_stays`);
    const ratio = Number(moments?.los) > 0 ? Number(moments?.squares) / Number(moments?.los) : 1;
    const lastYear = Number(moments?.last ?? Number.NEGATIVE_INFINITY);
    const siteYears = await sql.rows(`SELECT site_id AS site, year(date) AS year, count(*) AS days,
        sum(census)::DOUBLE AS census, sum(staffed_beds)::DOUBLE AS beds
      FROM capacity_daily GROUP BY ALL ORDER BY site, year`);
    const siteCode = (id: number) => scenario.sites[id - 1]?.code ?? `site ${id}`;
    const eligible = siteYears.filter(
      (row) => Number(row.beds) > 0 && Number(row.year) <= lastYear,
    );
    const { z } = significance(Math.max(1, eligible.length));
    const checks: CheckResult[] = [];
    const undetectable: string[] = [];
    for (const row of eligible) {
      const days = Number(row.days);
      const beds = Number(row.beds) / days;
      const occupancy = Number(row.census) / Number(row.beds);
      const sd = Math.sqrt((2 * middle * ratio) / (days * beds));
      const rounding = middle / (2 * beds);
      const key = `${siteCode(Number(row.site))} ${row.year}`;
      checks.push(makeCheck(key, occupancy, middle, (high - low) / 2 + z * sd + rounding));
      if ((z + POWER_Z) * sd + rounding > DETECTABLE_DEVIATION * middle) undetectable.push(key);
    }
    return detectableOutcome(checks, undetectable, {
      z,
      what: 'site-year mean occupancies',
      extra: { band: [low, high], losRatio: Math.round(ratio * 100) / 100 },
    });
  },
};
