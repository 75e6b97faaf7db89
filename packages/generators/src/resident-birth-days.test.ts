import {
  AGE_GROUPS,
  defaultScenario,
  GENDERS,
  largestRemainder,
  OLDEST_AGE,
  singleYearAgeShares,
} from '@lm-synth/config';
import { buildDimAgeGroup } from '@lm-synth/dims';
import { createStream } from '@lm-synth/stats';
import { describe, expect, it } from 'vitest';
import { birthDateRange } from './birth-date-range.js';
import { civilDate } from './civil-date.js';
import { DobPools, RESIDENT_POOL } from './dob-pools.js';
import { ResidentBirthDays } from './resident-birth-days.js';
import { StreamSlot } from './stream-slot.js';

// Exact checks: the split over single years is deterministic (largest remainder), so counts
// must match to the person; dates must lie in their band and pool.
const scenario = defaultScenario();
const SEED = 99;
const reference = civilDate.parse(scenario.referenceDate);
const minAges = Array.from(buildDimAgeGroup().min_age);
const maxAges = minAges.map((_, a) => (a + 1 < minAges.length ? minAges[a + 1]! - 1 : OLDEST_AGE));
const A = AGE_GROUPS.length;
const G = GENDERS.length;
const shares = singleYearAgeShares(scenario.demography);
const cellOf = (lha: number, group: (typeof AGE_GROUPS)[number], gender: number) =>
  (lha * A + AGE_GROUPS.indexOf(group)) * G + gender;
const FEMALE = GENDERS.indexOf('Female');
const MALE = GENDERS.indexOf('Male');

/** Cells of interest get these sizes; every other cell a handful. */
function allocation(sizes: Map<number, number>): Float64Array {
  const out = new Float64Array(scenario.lhas.length * A * G).fill(3);
  for (const [cell, size] of sizes) out[cell] = size;
  return out;
}

function birthDays(sizes: Map<number, number>, pools: DobPools | null): ResidentBirthDays {
  const slot = new StreamSlot();
  slot.source = createStream(SEED, 'resident-birth-days', 0);
  return new ResidentBirthDays(
    SEED,
    scenario,
    reference,
    minAges,
    maxAges,
    allocation(sizes),
    pools,
    slot,
  );
}

function pools(): DobPools {
  const oldest = birthDateRange(reference, OLDEST_AGE, OLDEST_AGE);
  return new DobPools(SEED, G, oldest.first - 1, civilDate.fromParts(scenario.startYear + 3, 1, 1));
}

/** The residents' dates of birth of a cell, by rank. */
function datesOf(days: ResidentBirthDays, cell: number, size: number): number[] {
  const lha = Math.floor(cell / (A * G));
  const gender = cell % G;
  return Array.from({ length: size }, (_, rank) => days.dayOf(cell, rank, lha, gender));
}

/** Residents per single year of age at the reference date, from the group's youngest age. */
function yearsOf(dates: readonly number[], group: number): number[] {
  const counts = new Array<number>(maxAges[group]! - minAges[group]! + 1).fill(0);
  for (const dob of dates) counts[civilDate.ageAt(dob, reference) - minAges[group]!]!++;
  return counts;
}

describe('ResidentBirthDays', () => {
  it('splits a cell over its single years of age exactly as the largest remainder of singleYearAgeShares', () => {
    const cases = [
      [cellOf(0, '25-44', FEMALE), 1_237],
      [cellOf(5, '85+', MALE), 911],
      [cellOf(2, '0-4', FEMALE), 58],
    ] as const;
    const days = birthDays(new Map(cases), null);
    for (const [cell, size] of cases) {
      const group = Math.floor((cell % (A * G)) / G);
      const dates = datesOf(days, cell, size);
      const band = birthDateRange(reference, minAges[group]!, maxAges[group]!);
      expect(dates.every((d) => d >= band.first && d < band.first + band.count)).toBe(true);
      expect(yearsOf(dates, group)).toEqual(
        Array.from(largestRemainder(size, shares[group]![cell % G]!)),
      );
    }
  });

  it('with DobPools, gives distinct resident-pool dates inside the band and keeps the exact split where the pool has room', () => {
    const dobPools = pools();
    const cases = [
      [cellOf(3, '25-44', FEMALE), 1_500],
      [cellOf(3, '45-64', MALE), 1_800],
      [cellOf(11, '5-14', FEMALE), 400],
    ] as const;
    const days = birthDays(new Map(cases), dobPools);
    for (const [cell, size] of cases) {
      const lha = Math.floor(cell / (A * G));
      const group = Math.floor((cell % (A * G)) / G);
      const gender = cell % G;
      const dates = datesOf(days, cell, size);
      const band = birthDateRange(reference, minAges[group]!, maxAges[group]!);
      expect(new Set(dates).size).toBe(size);
      expect(dates.every((d) => d >= band.first && d < band.first + band.count)).toBe(true);
      expect(dates.every((d) => dobPools.poolOf(lha, gender, d) === RESIDENT_POOL)).toBe(true);
      expect(yearsOf(dates, group)).toEqual(
        Array.from(largestRemainder(size, shares[group]![gender]!)),
      );
    }
  });

  it('with DobPools, moves what a full single year cannot hold to the others and still gives distinct dates', () => {
    const dobPools = pools();
    // 85+ shares fall steeply, so a large cell fills its youngest years' pools first.
    const cell = cellOf(7, '85+', FEMALE);
    const group = AGE_GROUPS.indexOf('85+');
    const lha = 7;
    const capacity = Array.from({ length: maxAges[group]! - minAges[group]! + 1 }, (_, k) => {
      const range = birthDateRange(reference, minAges[group]! + k, minAges[group]! + k);
      return dobPools.days(lha, FEMALE, RESIDENT_POOL, range.first, range.first + range.count - 1)
        .length;
    });
    const total = capacity.reduce((a, b) => a + b, 0);
    const size = Math.floor(total * 0.8);
    const unconstrained = largestRemainder(size, shares[group]![FEMALE]!);
    expect(unconstrained.some((n, k) => n > capacity[k]!)).toBe(true);
    const days = birthDays(new Map([[cell, size]]), dobPools);
    const dates = datesOf(days, cell, size);
    expect(new Set(dates).size).toBe(size);
    const counts = yearsOf(dates, group);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(size);
    counts.forEach((n, k) => {
      expect(n, `age ${85 + k}`).toBeLessThanOrEqual(capacity[k]!);
    });
    expect(dates.every((d) => dobPools.poolOf(lha, FEMALE, d) === RESIDENT_POOL)).toBe(true);
  });

  it('without pools, draws dates uniformly within each single year (binomial check on the first half of the year)', () => {
    const cell = cellOf(1, '25-44', MALE);
    const size = 200_000;
    const days = birthDays(new Map([[cell, size]]), null);
    const dates = datesOf(days, cell, size);
    // Dates in the first half (rounded up) of their own year of age: a sum of Bernoulli(p) with
    // p = ceil(count / 2) / count (365 or 366 dates); 4.5 SE.
    let firstHalf = 0;
    let expected = 0;
    let variance = 0;
    for (const dob of dates) {
      const age = civilDate.ageAt(dob, reference);
      const range = birthDateRange(reference, age, age);
      const p = Math.ceil(range.count / 2) / range.count;
      expected += p;
      variance += p * (1 - p);
      if (dob - range.first < Math.ceil(range.count / 2)) firstHalf++;
    }
    expect(Math.abs(firstHalf - expected)).toBeLessThanOrEqual(4.5 * Math.sqrt(variance));
  });
});
