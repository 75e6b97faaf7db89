import { describe, expect, it } from 'vitest';
import { DobPools, MIGRANT_POOL, RESIDENT_POOL } from './dob-pools.js';

describe('DobPools', () => {
  const pools = new DobPools(42, 3, 0, 3_650);

  it('splits every day of an LHA x gender into exactly one pool, about one in three for in-migrants', () => {
    const residents = pools.days(2, 1, RESIDENT_POOL, 0, 3_650);
    const migrants = pools.days(2, 1, MIGRANT_POOL, 0, 3_650);
    expect(residents.length + migrants.length).toBe(3_651);
    expect(new Set([...residents, ...migrants]).size).toBe(3_651);
    // Binomial(3,651, 1/3): standard deviation about 28.5; 5 SE.
    expect(Math.abs(migrants.length - 3_651 / 3)).toBeLessThan(143);
  });

  it('lists the days of a range ascending, and pools differ between LHAs and genders', () => {
    const days = pools.days(0, 0, RESIDENT_POOL, 100, 200);
    expect(
      days.every((day, i) => day >= 100 && day <= 200 && (i === 0 || day > days[i - 1]!)),
    ).toBe(true);
    expect(Array.from(pools.days(0, 0, MIGRANT_POOL, 0, 3_650))).not.toEqual(
      Array.from(pools.days(0, 1, MIGRANT_POOL, 0, 3_650)),
    );
  });
});
