import { defaultScenario } from '@lm-synth/config';
import { describe, expect, it } from 'vitest';
import { arrivalMonthShares } from './arrival-month-shares.js';

describe('arrivalMonthShares', () => {
  const scenario = defaultScenario();

  it('sums to one per subservice', () => {
    for (const shares of arrivalMonthShares(scenario, 2025)) {
      expect(shares.reduce((sum, share) => sum + share, 0)).toBeCloseTo(1, 12);
    }
  });

  it('is proportional to days in the month when nothing else varies', () => {
    const flat = {
      ...scenario,
      ed: {
        ...scenario.ed,
        seasonality: scenario.ed.seasonality.map((row) => row.map(() => 1)),
        weekdayProbabilities: scenario.ed.weekdayProbabilities.map((row) => row.map(() => 1 / 7)),
      },
    };
    const [shares] = arrivalMonthShares(flat, 2024);
    expect(shares![1]).toBeCloseTo(29 / 366, 12);
    expect(shares![0]).toBeCloseTo(31 / 366, 12);
  });

  it('follows the seasonal multipliers', () => {
    const pediatric = arrivalMonthShares(scenario, 2025)[1]!;
    // Pediatric ED: winter spike (January 1.22 x 31 days) against the summer low (July 0.78).
    expect(pediatric[0]! / pediatric[6]!).toBeGreaterThan(1.4);
  });
});
