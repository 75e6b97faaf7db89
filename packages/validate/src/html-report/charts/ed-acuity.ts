import { edMixChart } from '../ed-mix-chart.js';

/** CTAS acuity of start-year ED visits per subservice against the scenario. */
export const edAcuity = edMixChart({
  id: 'ed-acuity',
  title: 'ED visits by acuity (CTAS 1 = most urgent), start year',
  column: 'acuity',
  categories: [1, 2, 3, 4, 5],
  probabilities: (scenario) => scenario.ed.acuity,
});
