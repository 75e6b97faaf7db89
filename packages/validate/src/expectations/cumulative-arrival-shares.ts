import type { Scenario } from '@lm-synth/config/core';

const MS_PER_DAY = 86_400_000;

/**
 * Per subservice, the share of a year's expected ED arrivals that falls on its days up to
 * and including each day (index 0 = 1 January of `year`): every local day weighs its
 * month's seasonal multiplier times its weekday's arrival weight, as the generator places
 * visits. A patient present from 1 January to day d of the year is exposed to
 * `shares[s][d]` of the year's visits of subservice s.
 */
export function cumulativeArrivalShares(scenario: Scenario, year: number): Float64Array[] {
  const first = Date.UTC(year, 0, 1);
  const days = (Date.UTC(year + 1, 0, 1) - first) / MS_PER_DAY;
  return scenario.ed.seasonality.map((multipliers, s) => {
    const weekdays = scenario.ed.weekdayProbabilities[s]!;
    const shares = new Float64Array(days);
    let total = 0;
    for (let d = 0; d < days; d++) {
      const date = new Date(first + d * MS_PER_DAY);
      // getUTCDay: 0 = Sunday; the scenario's weekdays start on Monday.
      total += multipliers[date.getUTCMonth()]! * weekdays[(date.getUTCDay() + 6) % 7]!;
      shares[d] = total;
    }
    for (let d = 0; d < days; d++) shares[d]! /= total;
    return shares;
  });
}
