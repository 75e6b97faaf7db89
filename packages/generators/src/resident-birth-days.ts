import { largestRemainder, type Scenario, singleYearAgeShares } from '@lm-synth/config/core';
import { uniformInt } from '@lm-synth/stats';
import { birthDateRange } from './birth-date-range.js';
import { type DobPools, RESIDENT_POOL } from './dob-pools.js';
import { FeistelPermutation } from './feistel-permutation.js';
import type { StreamSlot } from './stream-slot.js';

/** Single years of age a band can span (0..OLDEST_AGE). */
const MAX_YEARS = 128;

interface CellYears {
  /** First rank of each single year of age in the cell, plus the cell size. */
  readonly start: Int32Array;
  /** Per single year: first date of birth and number of dates. */
  readonly first: Int32Array;
  readonly count: Int32Array;
}

/**
 * Dates of birth of the residents of each cell (LHA x age group x gender). A cell's residents
 * are split over the single years of age of its group as singleYearAgeShares says (largest
 * remainder, never more than a year has dates for with unique quasi-identifiers), by rank in
 * the cell; within a year, the dates are a keyed permutation of the year's pool dates (unique
 * quasi-identifiers) or uniform. Ranks come from a random permutation of patients, so the
 * split by rank is a random split.
 */
export class ResidentBirthDays {
  private readonly cells: CellYears[];
  private readonly pools: DobPools | null;
  // Per cell x single year, built on first use.
  private readonly orders: (FeistelPermutation | undefined)[];
  private readonly poolDays: (Int32Array | undefined)[];
  private readonly uniform: (low: number, high: number) => () => number;
  private readonly draws: ((() => number) | undefined)[];

  constructor(
    private readonly seed: number,
    scenario: Scenario,
    referenceDay: number,
    minAges: readonly number[],
    maxAges: readonly number[],
    allocation: ArrayLike<number>,
    pools: DobPools | null,
    slot: StreamSlot,
  ) {
    const A = minAges.length;
    const G = scenario.lhas[0]!.genderShares.length;
    const shares = singleYearAgeShares(scenario.demography);
    this.pools = pools;
    this.uniform = uniformInt(slot);
    this.orders = new Array(allocation.length * MAX_YEARS);
    this.poolDays = new Array(allocation.length * MAX_YEARS);
    this.draws = new Array(allocation.length * MAX_YEARS);
    this.cells = Array.from({ length: allocation.length }, (_, cell) => {
      const lha = Math.floor(cell / (A * G));
      const age = Math.floor((cell % (A * G)) / G);
      const gender = cell % G;
      const years = maxAges[age]! - minAges[age]! + 1;
      const first = new Int32Array(years);
      const count = new Int32Array(years);
      const capacity = new Int32Array(years);
      for (let k = 0; k < years; k++) {
        const range = birthDateRange(referenceDay, minAges[age]! + k, minAges[age]! + k);
        first[k] = range.first;
        count[k] = range.count;
        capacity[k] = pools
          ? pools.days(lha, gender, RESIDENT_POOL, range.first, range.first + range.count - 1)
              .length
          : range.count;
      }
      const counts = fill(allocation[cell]!, shares[age]![gender]!, pools ? capacity : null);
      const start = new Int32Array(years + 1);
      for (let k = 0; k < years; k++) start[k + 1] = start[k]! + counts[k]!;
      return { start, first, count };
    });
  }

  /** The date of birth of the resident with rank `rank` in `cell` (lha, gender for its pool). */
  dayOf(cell: number, rank: number, lha: number, gender: number): number {
    const { start, first, count } = this.cells[cell]!;
    let k = 0;
    while (start[k + 1]! <= rank) k++;
    const within = rank - start[k]!;
    const key = cell * MAX_YEARS + k;
    if (!this.pools) {
      let draw = this.draws[key];
      if (!draw) {
        draw = this.uniform(0, count[k]! - 1);
        this.draws[key] = draw;
      }
      return first[k]! + draw();
    }
    let days = this.poolDays[key];
    let order = this.orders[key];
    if (!days || !order) {
      days = this.pools.days(lha, gender, RESIDENT_POOL, first[k]!, first[k]! + count[k]! - 1);
      order = new FeistelPermutation(days.length, this.seed, 'birth-dates', key);
      this.poolDays[key] = days;
      this.orders[key] = order;
    }
    return days[order.apply(within)]!;
  }
}

/** `total` split over shares by largest remainder; with capacities, what a year cannot hold moves to the others. */
function fill(total: number, shares: readonly number[], capacity: Int32Array | null): Float64Array {
  let counts = largestRemainder(total, shares);
  if (!capacity) return counts;
  const weights = [...shares];
  for (let round = 0; round < shares.length; round++) {
    let excess = 0;
    counts.forEach((n, k) => {
      if (n > capacity[k]!) {
        excess += n - capacity[k]!;
        weights[k] = 0;
      }
    });
    if (excess === 0) return counts;
    const capped = Float64Array.from(counts, (n, k) => Math.min(n, capacity[k]!));
    const room = weights.map((w, k) => (capacity[k]! > capped[k]! ? w : 0));
    const extra = largestRemainder(excess, room.some((w) => w > 0) ? room : capacity);
    counts = Float64Array.from(capped, (n, k) => n + extra[k]!);
  }
  return counts;
}
