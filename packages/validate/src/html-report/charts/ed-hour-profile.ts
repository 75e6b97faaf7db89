import { timeProfileChart } from '../time-profile-chart.js';

const HOURS = Array.from({ length: 24 }, (_, hour) => String(hour).padStart(2, '0'));

/** ED arrivals by local hour of day against the scenario's hourly profile. */
export const edHourProfile = timeProfileChart({
  id: 'ed-hour-profile',
  section: 'ed',
  title: 'ED arrivals by hour of day (local time), start year',
  part: 'hour',
  labels: HOURS,
  first: 0,
  expected: (scenario) => scenario.ed.hourProbabilities,
});
