import type { Scenario } from '@lm-synth/config/core';
import { civilDate } from './civil-date.js';

/**
 * capacity_daily rows (date, then site) over the encounter years: nursing hours
 * from the scenario's sites, the midnight census from `censusChanges` (per site,
 * a difference array over the local days from 1 January of the warm-up year
 * before the start year, so the first day starts with the beds already full),
 * and staffed beds that follow each site's own demand: a year's staffed beds
 * are the previous year's mean census divided by the target occupancy (for the
 * start year, the warm-up year's second half, once its beds have filled). The
 * sample's beds thus scale with its patients whatever their number, and a site's
 * physical beds keep the scenario's physical / staffed ratio.
 */
export function capacityDailyColumns(
  scenario: Scenario,
  encounterYears: number,
  censusChanges: Int32Array,
) {
  const sites = scenario.sites;
  const F = sites.length;
  const warmUpFirst = civilDate.fromParts(scenario.startYear - 1, 1, 1);
  const yearFirst = Array.from({ length: encounterYears + 2 }, (_, y) =>
    civilDate.fromParts(scenario.startYear - 1 + y, 1, 1),
  );
  const allDays = yearFirst[encounterYears + 1]! - warmUpFirst;
  const stride = censusChanges.length / F;
  // Midnight census per site and day, from the difference array.
  const censusOf = new Int32Array(F * allDays);
  for (let f = 0; f < F; f++) {
    let running = 0;
    for (let day = 0; day < allDays; day++) {
      running += censusChanges[f * stride + day]!;
      censusOf[f * allDays + day] = running;
    }
  }
  const meanCensus = (f: number, from: number, to: number) => {
    let sum = 0;
    for (let day = from; day < to; day++) sum += censusOf[f * allDays + day]!;
    return to > from ? sum / (to - from) : 0;
  };
  const target = scenario.capacity.targetOccupancy;
  // staffedBeds[y * F + f] for encounter year y.
  const staffedBeds = new Int32Array(encounterYears * F);
  const physicalBeds = new Int32Array(encounterYears * F);
  for (let y = 0; y < encounterYears; y++) {
    const planFrom =
      y === 0 ? Math.floor((yearFirst[1]! - warmUpFirst) / 2) : yearFirst[y]! - warmUpFirst;
    const planTo = yearFirst[y + 1]! - warmUpFirst;
    sites.forEach((site, f) => {
      const mean = meanCensus(f, planFrom, planTo);
      const staffed = mean > 0 ? Math.max(1, Math.round(mean / target)) : 0;
      const ratio = site.staffedBeds > 0 ? site.physicalBeds / site.staffedBeds : 1;
      staffedBeds[y * F + f] = staffed;
      physicalBeds[y * F + f] = Math.max(staffed, Math.round(staffed * ratio));
    });
  }
  const firstDay = yearFirst[1]!;
  const days = yearFirst[encounterYears + 1]! - firstDay;
  const rows = days * F;
  const date = new Int32Array(rows);
  const siteId = new Int32Array(rows);
  const staffed = new Int32Array(rows);
  const physical = new Int32Array(rows);
  const nhppd = new Float64Array(rows);
  const census = new Int32Array(rows);
  const occupancy = new Float64Array(rows);
  let year = 0;
  for (let day = 0; day < days; day++) {
    if (firstDay + day >= yearFirst[year + 2]!) year++;
    sites.forEach((site, f) => {
      const row = day * F + f;
      const beds = staffedBeds[year * F + f]!;
      const count = censusOf[f * allDays + (firstDay - warmUpFirst) + day]!;
      date[row] = firstDay + day;
      siteId[row] = site.id;
      staffed[row] = beds;
      physical[row] = physicalBeds[year * F + f]!;
      nhppd[row] = Math.round(site.nhppd * 100) / 100;
      census[row] = count;
      occupancy[row] = beds > 0 ? Math.round((count / beds) * 10_000) / 10_000 : 0;
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
