import type { Scenario } from '@lm-synth/config/core';

const MS_PER_DAY = 86_400_000;

/**
 * Expected share of a year's ED arrivals in each month, per subservice: every day of
 * `year` weighs its month's seasonal multiplier times its weekday's arrival weight.
 */
export function arrivalMonthShares(scenario: Scenario, year: number): number[][] {
  return scenario.ed.seasonality.map((multipliers, s) => {
    const weekdays = scenario.ed.weekdayProbabilities[s]!;
    const months = new Array<number>(12).fill(0);
    for (let time = Date.UTC(year, 0, 1); time < Date.UTC(year + 1, 0, 1); time += MS_PER_DAY) {
      const date = new Date(time);
      const month = date.getUTCMonth();
      // getUTCDay: 0 = Sunday; the scenario's weekdays start on Monday.
      const weekday = (date.getUTCDay() + 6) % 7;
      months[month]! += multipliers[month]! * weekdays[weekday]!;
    }
    const total = months.reduce((sum, weight) => sum + weight, 0);
    return months.map((weight) => weight / total);
  });
}
