import type { Scenario } from '@lm-synth/config/core';
import { civilDate } from './civil-date.js';

/** Staffed beds follow the mean census of the four weeks before each month. */
const PLANNING_DAYS = 28;

/**
 * capacity_daily rows (date, then site) over the encounter years: nursing hours
 * from the scenario's sites, the midnight census from `censusChanges` (per site,
 * a difference array over the local days from 1 January of the warm-up year
 * before the start year, so the first day starts with the beds already full),
 * and staffed beds that follow each site's own demand: a month's staffed beds
 * are the mean census of the four weeks before it divided by the target
 * occupancy, as hospitals open and close (surge) beds with their load. The
 * sample's beds thus scale with its patients whatever their number; a site's
 * physical beds in a year are its most staffed beds then, times the scenario's
 * physical / staffed ratio.
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
  const firstDay = yearFirst[1]!;
  const days = yearFirst[encounterYears + 1]! - firstDay;
  // Staffed beds per site and calendar month: the mean census of the PLANNING_DAYS before the
  // month, over the target occupancy. Physical beds per site and year: the year's most staffed
  // beds times the scenario's physical / staffed ratio.
  const monthStart: number[] = [];
  for (let day = firstDay; day < firstDay + days; day++)
    if (civilDate.toParts(day)[2] === 1) monthStart.push(day);
  const staffedOfMonth = new Int32Array(monthStart.length * F);
  monthStart.forEach((start, m) => {
    const to = start - warmUpFirst;
    sites.forEach((_, f) => {
      const mean = meanCensus(f, to - PLANNING_DAYS, to);
      staffedOfMonth[m * F + f] = mean > 0 ? Math.max(1, Math.round(mean / target)) : 0;
    });
  });
  const physicalBeds = new Int32Array(encounterYears * F);
  monthStart.forEach((start, m) => {
    const y = civilDate.toParts(start)[0] - scenario.startYear;
    sites.forEach((site, f) => {
      const ratio = site.staffedBeds > 0 ? site.physicalBeds / site.staffedBeds : 1;
      const staffed = staffedOfMonth[m * F + f]!;
      physicalBeds[y * F + f] = Math.max(
        physicalBeds[y * F + f]!,
        Math.round(staffed * ratio),
        staffed,
      );
    });
  });
  const rows = days * F;
  const date = new Int32Array(rows);
  const siteId = new Int32Array(rows);
  const staffed = new Int32Array(rows);
  const physical = new Int32Array(rows);
  const nhppd = new Float64Array(rows);
  const census = new Int32Array(rows);
  const occupancy = new Float64Array(rows);
  let year = 0;
  let month = -1;
  for (let day = 0; day < days; day++) {
    if (firstDay + day >= yearFirst[year + 2]!) year++;
    if (month + 1 < monthStart.length && firstDay + day === monthStart[month + 1]) month++;
    sites.forEach((site, f) => {
      const row = day * F + f;
      const beds = staffedOfMonth[month * F + f]!;
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
