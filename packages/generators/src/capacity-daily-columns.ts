import type { Scenario } from '@lm-synth/config';
import { civilDate } from './civil-date.js';

/**
 * capacity_daily rows (date, then site): beds and nursing hours from the
 * scenario's sites, and the midnight census from `censusChanges`, the
 * per-site difference array of the generated stays ([site][day 0..days]).
 * Occupancy is census / staffed beds to 4 decimals (0 for a site without staffed beds).
 */
export function capacityDailyColumns(scenario: Scenario, censusChanges: Int32Array) {
  const sites = scenario.sites;
  const firstDay = civilDate.fromParts(scenario.startYear, 1, 1);
  const days = civilDate.fromParts(scenario.endYear + 1, 1, 1) - firstDay;
  const rows = days * sites.length;
  const date = new Int32Array(rows);
  const siteId = new Int32Array(rows);
  const staffed = new Int32Array(rows);
  const physical = new Int32Array(rows);
  const nhppd = new Float64Array(rows);
  const census = new Int32Array(rows);
  const occupancy = new Float64Array(rows);
  const running = new Int32Array(sites.length);
  for (let day = 0; day < days; day++) {
    sites.forEach((site, f) => {
      running[f] = running[f]! + censusChanges[f * (days + 1) + day]!;
      const row = day * sites.length + f;
      date[row] = firstDay + day;
      siteId[row] = site.id;
      staffed[row] = site.staffedBeds;
      physical[row] = site.physicalBeds;
      nhppd[row] = Math.round(site.nhppd * 100) / 100;
      census[row] = running[f]!;
      occupancy[row] =
        site.staffedBeds > 0 ? Math.round((running[f]! / site.staffedBeds) * 10_000) / 10_000 : 0;
    });
  }
  return {
    date,
    site_id: siteId,
    staffed_beds: staffed,
    physical_beds: physical,
    nhppd,
    census,
    occupancy,
  };
}
