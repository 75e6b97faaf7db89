import { AGE_GROUPS, GENDERS, OLDEST_AGE } from './domains.js';
import type { ScenarioDemography } from './scenario.js';

/** The youngest age of each group, from its label ("25-44" -> 25, "85+" -> 85). */
const MIN_AGES = AGE_GROUPS.map((label) => Number(/^\d+/.exec(label)![0]));

/**
 * [age group][gender][age - the group's youngest age]: how a group's members spread over its
 * single years of age (85+: 85 to OLDEST_AGE), summing to 1. A stationary population under a
 * Gompertz hazard h(x) = h0 x 2^((x - youngest) / doubling) whose mean over the group's members
 * is the group's configured mortality: nearly flat where mortality is low, falling steeply past
 * 85. Both the projection's start and the generator's birth dates use it.
 */
export function singleYearAgeShares(demography: ScenarioDemography): number[][][] {
  const cached = cache.get(demography);
  if (cached) return cached;
  const doubling = demography.singleYearMortalityDoublingYears;
  const shares = AGE_GROUPS.map((_, group) => {
    const width = (MIN_AGES[group + 1] ?? OLDEST_AGE + 1) - MIN_AGES[group]!;
    return GENDERS.map((_, gender) =>
      stationaryShares(width, demography.mortality[group]![gender]!, doubling),
    );
  });
  cache.set(demography, shares);
  return shares;
}

const cache = new WeakMap<ScenarioDemography, number[][][]>();

/** Shares of `width` single years whose member-weighted mean Gompertz hazard is `mean`. */
function stationaryShares(width: number, mean: number, doubling: number): number[] {
  if (width === 1 || mean <= 0) return new Array<number>(width).fill(1 / width);
  const rise = Math.LN2 / doubling;
  // Survivors at mid-year of each single year under h0, and their mean hazard.
  const weights = (h0: number) =>
    Array.from({ length: width }, (_, offset) =>
      Math.exp((-h0 / rise) * Math.expm1(rise * (offset + 0.5))),
    );
  const meanHazard = (h0: number) => {
    const w = weights(h0);
    let members = 0;
    let hazard = 0;
    w.forEach((weight, offset) => {
      members += weight;
      hazard += weight * h0 * Math.exp(rise * (offset + 0.5));
    });
    return hazard / members;
  };
  // The mean hazard grows with h0: bisect on a log scale.
  let low = mean * 1e-6;
  let high = mean;
  while (meanHazard(high) < mean) high *= 2;
  for (let step = 0; step < 100; step++) {
    const middle = Math.sqrt(low * high);
    if (meanHazard(middle) < mean) low = middle;
    else high = middle;
  }
  const w = weights(Math.sqrt(low * high));
  const total = w.reduce((sum, weight) => sum + weight, 0);
  return w.map((weight) => weight / total);
}
