import { AGE_GROUPS, OLDEST_AGE } from './domains.js';
import type { Scenario } from './scenario.js';

/** The youngest age of each group, from its label ("25-44" -> 25, "85+" -> 85). */
const MIN_AGES = AGE_GROUPS.map((label) => Number(/^\d+/.exec(label)![0]));

/**
 * [age in whole years 0..OLDEST_AGE][subservice][CTAS level - 1]: the CTAS distribution at each
 * single year of age. The scenario gives one table per age band; each holds at the middle of
 * its band's ages, and in between the distribution moves linearly with age, so acuity changes
 * smoothly rather than in one step at a band boundary. Generators draw from it; validate
 * expects it.
 */
export function acuityByAge(scenario: Scenario): number[][][] {
  const cached = cache.get(scenario);
  if (cached) return cached;
  const bands = scenario.ageBands.map((band) => {
    const groups = band.ageGroups.map((group) => AGE_GROUPS.indexOf(group));
    const first = Math.min(...groups);
    const last = Math.max(...groups);
    const lowest = MIN_AGES[first]!;
    const highest = (MIN_AGES[last + 1] ?? OLDEST_AGE + 1) - 1;
    return { middle: (lowest + highest + 1) / 2, table: scenario.ed.acuity[first]! };
  });
  bands.sort((a, b) => a.middle - b.middle);
  const result = Array.from({ length: OLDEST_AGE + 1 }, (_, age) => {
    const at = age + 0.5;
    const upper = bands.findIndex((band) => band.middle >= at);
    if (upper <= 0) return bands[upper === 0 ? 0 : bands.length - 1]!.table.map((row) => [...row]);
    const below = bands[upper - 1]!;
    const above = bands[upper]!;
    const weight = (at - below.middle) / (above.middle - below.middle);
    return below.table.map((row, s) =>
      row.map((p, level) => (1 - weight) * p + weight * above.table[s]![level]!),
    );
  });
  cache.set(scenario, result);
  return result;
}

const cache = new WeakMap<Scenario, number[][][]>();
