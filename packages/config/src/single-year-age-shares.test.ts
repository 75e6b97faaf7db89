import { describe, expect, it } from 'vitest';
import { defaultScenario } from './default-scenario.js';
import { AGE_GROUPS, GENDERS } from './domains.js';
import { singleYearAgeShares } from './single-year-age-shares.js';

const scenario = defaultScenario();
const shares = singleYearAgeShares(scenario.demography);
const OLDEST = AGE_GROUPS.indexOf('85+');
const FEMALE = GENDERS.indexOf('Female');

describe('singleYearAgeShares', () => {
  it('sums to 1 in every group and gender', () => {
    for (const byGender of shares)
      for (const byAge of byGender)
        expect(byAge.reduce((sum, share) => sum + share, 0)).toBeCloseTo(1, 12);
  });

  it('keeps low-mortality groups nearly flat', () => {
    const adults = shares[AGE_GROUPS.indexOf('25-44')]![FEMALE]!;
    expect(Math.max(...adults) / Math.min(...adults)).toBeLessThan(1.05);
  });

  it('falls steeply past 85: about 1 in 8 of 85+ are 95 or older, very few are 100', () => {
    const oldest = shares[OLDEST]![FEMALE]!;
    const from95 = oldest.slice(10).reduce((sum, share) => sum + share, 0);
    // Canada's 2021 census: about 13% of people 85+ were 95 or older.
    expect(from95).toBeGreaterThan(0.07);
    expect(from95).toBeLessThan(0.2);
    // Canada 2021: about 9,500 centenarians among 861,000 people 85+ (1.1%).
    expect(oldest[15]!).toBeLessThan(0.02);
    for (let offset = 1; offset < oldest.length; offset++)
      expect(oldest[offset]!).toBeLessThan(oldest[offset - 1]!);
  });

  it('reproduces the group mortality as the members’ mean hazard', () => {
    const doubling = scenario.demography.singleYearMortalityDoublingYears;
    const oldest = shares[OLDEST]![FEMALE]!;
    // The hazard ratio between single years is fixed by the doubling time, so the mean hazard is
    // proportional to sum(share x 2^(offset/doubling)); the youngest year's hazard h0 solves it.
    const relative = oldest.reduce(
      (sum, share, offset) => sum + share * 2 ** ((offset + 0.5) / doubling),
      0,
    );
    const mean = scenario.demography.mortality[OLDEST]![FEMALE]!;
    // Survival between mid-years implied by h0 matches the shares' ratio.
    const h0 = mean / relative;
    const rise = Math.LN2 / doubling;
    const ratio = Math.exp((-h0 / rise) * (Math.expm1(rise * 1.5) - Math.expm1(rise * 0.5)));
    expect(oldest[1]! / oldest[0]!).toBeCloseTo(ratio, 6);
  });
});
