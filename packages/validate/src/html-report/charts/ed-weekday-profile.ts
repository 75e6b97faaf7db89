import { timeProfileChart } from '../time-profile-chart.js';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MS_PER_DAY = 86_400_000;

/**
 * ED arrivals by local weekday against the scenario: each day of the year weighs its
 * month's seasonal multiplier times its weekday's arrival weight, as the generator places
 * visits, so a year with 53 Wednesdays expects a little more on Wednesday.
 */
export const edWeekdayProfile = timeProfileChart({
  id: 'ed-weekday-profile',
  section: 'ed',
  title: 'ED arrivals by day of the week (local time), start year',
  part: 'weekday',
  labels: WEEKDAYS,
  first: 0,
  expected: (scenario, year) =>
    scenario.ed.seasonality.map((multipliers, s) => {
      const weights = scenario.ed.weekdayProbabilities[s]!;
      const days = new Array<number>(7).fill(0);
      for (let time = Date.UTC(year, 0, 1); time < Date.UTC(year + 1, 0, 1); time += MS_PER_DAY) {
        const date = new Date(time);
        const weekday = (date.getUTCDay() + 6) % 7;
        days[weekday]! += multipliers[date.getUTCMonth()]! * weights[weekday]!;
      }
      const total = days.reduce((sum, weight) => sum + weight, 0);
      return days.map((weight) => weight / total);
    }),
});
