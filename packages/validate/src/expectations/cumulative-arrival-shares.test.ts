import { defaultScenario } from '@lm-synth/config';
import { expect, it } from 'vitest';
import { arrivalMonthShares } from './arrival-month-shares.js';
import { cumulativeArrivalShares } from './cumulative-arrival-shares.js';

it('rises to 1 on 31 December and agrees with the monthly shares at month ends', () => {
  const scenario = defaultScenario();
  const cumulative = cumulativeArrivalShares(scenario, 2025);
  const months = arrivalMonthShares(scenario, 2025);
  cumulative.forEach((shares, s) => {
    expect(shares.length).toBe(365);
    expect(shares[364]).toBeCloseTo(1, 12);
    // 31 January is day 30; 28 February day 58.
    expect(shares[30]).toBeCloseTo(months[s]![0]!, 12);
    expect(shares[58]).toBeCloseTo(months[s]![0]! + months[s]![1]!, 12);
    for (let d = 1; d < shares.length; d++)
      expect(shares[d]).toBeGreaterThanOrEqual(shares[d - 1]!);
  });
});
