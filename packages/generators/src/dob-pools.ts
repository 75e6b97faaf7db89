import { mix32 } from './mix32.js';

/** One day in this many is kept for in-migrants; the rest for residents and births. */
const MIGRANT_DAY_EVERY = 3;
/** The pools. */
export const RESIDENT_POOL = 0;
export const MIGRANT_POOL = 1;

/**
 * Birth dates split into two disjoint pools per LHA x gender, so that unique (date of birth,
 * LHA, gender) holds across an open cohort without any block knowing another's patients. The
 * resident pool (2 days in 3, chosen by a keyed hash of the day) serves the residents and the
 * births: the residents' dates lie up to the reference date and each year's births after it
 * inside that year, so they never meet; within a group, patient k takes the k-th day of a
 * keyed permutation of the group's days. The migrant pool serves the in-migrants, whose birth
 * ranges overlap from year to year: their dates are dealt out before generation
 * (migrantBirthDates).
 */
export class DobPools {
  private readonly lists = new Map<number, Int32Array[]>();

  constructor(
    private readonly seed: number,
    private readonly genderCount: number,
    readonly firstDay: number,
    readonly lastDay: number,
  ) {}

  /** Pool of `day` for (lha, gender). */
  poolOf(lha: number, gender: number, day: number): number {
    const hash = mix32(
      mix32(this.seed ^ Math.imul(lha * this.genderCount + gender + 1, 0x9e3779b1)) ^ day,
    );
    return hash % MIGRANT_DAY_EVERY === 0 ? MIGRANT_POOL : RESIDENT_POOL;
  }

  /** The days of `pool` for (lha, gender) from `from` to `to` inclusive, ascending (a view). */
  days(lha: number, gender: number, pool: number, from: number, to: number): Int32Array {
    const list = this.poolLists(lha, gender)[pool]!;
    return list.subarray(lowerBound(list, from), lowerBound(list, to + 1));
  }

  private poolLists(lha: number, gender: number): Int32Array[] {
    const key = lha * this.genderCount + gender;
    let lists = this.lists.get(key);
    if (!lists) {
      const pools = 2;
      const counts = new Int32Array(pools);
      const span = this.lastDay - this.firstDay + 1;
      const poolOfDay = new Int32Array(span);
      for (let d = 0; d < span; d++) {
        const pool = this.poolOf(lha, gender, this.firstDay + d);
        poolOfDay[d] = pool;
        counts[pool] = counts[pool]! + 1;
      }
      lists = Array.from(counts, (count) => new Int32Array(count));
      const filled = new Int32Array(pools);
      for (let d = 0; d < span; d++) {
        const pool = poolOfDay[d]!;
        lists[pool]![filled[pool]!] = this.firstDay + d;
        filled[pool] = filled[pool]! + 1;
      }
      this.lists.set(key, lists);
    }
    return lists;
  }
}

function lowerBound(sorted: Int32Array, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
