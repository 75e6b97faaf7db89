import { defaultScenario } from '@lm-synth/config';
import { describe, expect, it } from 'vitest';
import { capacityDailyColumns } from './capacity-daily-columns.js';
import { civilDate } from './civil-date.js';

const scenario = defaultScenario();
const F = scenario.sites.length;
const warmUp = civilDate.fromParts(scenario.startYear - 1, 1, 1);
const end = civilDate.fromParts(scenario.startYear + 1, 1, 1);
const days = end - warmUp;

/** A difference array where site f holds `level(f)` patients from the first day on, plus `extra` from `from`. */
function census(level: (f: number) => number, extra = 0, from = days) {
  const changes = new Int32Array(F * (days + 1));
  for (let f = 0; f < F; f++) {
    changes[f * (days + 1)] = level(f);
    changes[f * (days + 1) + from] = extra;
  }
  return changes;
}

describe('capacityDailyColumns', () => {
  it('reports the encounter years only, date then site, with the census of each local day', () => {
    const columns = capacityDailyColumns(
      scenario,
      1,
      census((f) => f + 1),
    );
    const startYearDays = end - civilDate.fromParts(scenario.startYear, 1, 1);
    expect(columns.date).toHaveLength(startYearDays * F);
    expect(columns.date[0]).toBe(civilDate.fromParts(scenario.startYear, 1, 1));
    expect(Array.from(columns.site_id.subarray(0, F))).toEqual(scenario.sites.map((s) => s.id));
    expect(Array.from(columns.census.subarray(0, F))).toEqual(scenario.sites.map((_, f) => f + 1));
  });

  it('staffs each month for the four weeks before it at the target occupancy, and follows a jump a month later', () => {
    const target = scenario.capacity.targetOccupancy;
    const jump = civilDate.fromParts(scenario.startYear, 3, 10) - warmUp;
    const columns = capacityDailyColumns(
      scenario,
      1,
      census(() => 18, 9, jump),
    );
    const row = (month: number) =>
      (civilDate.fromParts(scenario.startYear, month, 1) -
        civilDate.fromParts(scenario.startYear, 1, 1)) *
      F;
    expect(columns.staffed_beds[row(2)]).toBe(Math.round(18 / target));
    // April: the four weeks before it are 4-31 March, six days at 18 and 22 at 27.
    const april = (6 * 18 + 22 * 27) / 28;
    expect(columns.staffed_beds[row(4)]).toBe(Math.round(april / target));
    expect(columns.staffed_beds[row(5)]).toBe(Math.round(27 / target));
    expect(columns.occupancy[row(5)]).toBeCloseTo(27 / Math.round(27 / target), 4);
    // Physical beds: the year's most staffed beds x the scenario's ratio.
    const site = scenario.sites[0]!;
    expect(columns.physical_beds[row(2)]).toBe(
      Math.round((Math.round(27 / target) * site.physicalBeds) / site.staffedBeds),
    );
  });

  it('gives a site nobody stays at no staffed beds and occupancy 0', () => {
    const columns = capacityDailyColumns(
      scenario,
      1,
      census(() => 0),
    );
    expect(Math.max(...columns.staffed_beds)).toBe(0);
    expect(Math.max(...columns.occupancy)).toBe(0);
  });
});
