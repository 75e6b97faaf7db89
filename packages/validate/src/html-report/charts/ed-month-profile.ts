import { arrivalMonthShares } from '../../expectations/arrival-month-shares.js';
import { timeProfileChart } from '../time-profile-chart.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Monthly seasonality of start-year ED arrivals (local months) against the scenario. */
export const edMonthProfile = timeProfileChart({
  id: 'ed-month-profile',
  section: 'ed',
  title: 'ED arrivals by month (local time), start year',
  part: 'month',
  labels: MONTHS,
  first: 1,
  expected: (scenario, year) => arrivalMonthShares(scenario, year),
});
