import type { Scenario } from '@lm-synth/config/core';
import { civilDate } from './civil-date.js';

/**
 * capacity_daily rows (date, then site): nursing hours from the scenario's
 * sites, and the midnight census from `censusChanges`, the per-site difference
 * array of the generated stays ([site][day 0..days]). The scenario's beds serve
 * its whole population while the stays come from `patients` of them, so beds
 * are scaled by that sampling fraction (at least 1 where the site has any) to
 * keep occupancy = census / staffed beds (4 decimals) realistic.
 */
export function capacityDailyColumns(
  scenario: Scenario,
  patients: number,
  censusChanges: Int32Array,
) {
  const sites = scenario.sites;
  const population = scenario.lhas.reduce((sum, lha) => sum + lha.basePopulation, 0);
  const fraction = population > 0 ? patients / population : 1;
  const scaled = (beds: number) => (beds > 0 ? Math.max(1, Math.round(beds * fraction)) : 0);
  const staffedBeds = sites.map((site) => scaled(site.staffedBeds));
  const physicalBeds = sites.map((site, f) => Math.max(scaled(site.physicalBeds), staffedBeds[f]!));
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
      staffed[row] = staffedBeds[f]!;
      physical[row] = physicalBeds[f]!;
      nhppd[row] = Math.round(site.nhppd * 100) / 100;
      census[row] = running[f]!;
      occupancy[row] =
        staffedBeds[f]! > 0 ? Math.round((running[f]! / staffedBeds[f]!) * 10_000) / 10_000 : 0;
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
