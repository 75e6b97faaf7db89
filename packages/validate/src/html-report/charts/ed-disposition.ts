import { ED_DISPOSITIONS } from '@lm-synth/config/core';
import { edMixChart } from '../ed-mix-chart.js';

/** Disposition of start-year ED visits per subservice against the scenario. */
export const edDisposition = edMixChart({
  id: 'ed-disposition',
  title: 'ED visits by disposition, start year',
  column: 'dispo',
  categories: ED_DISPOSITIONS,
  probabilities: (scenario) => scenario.ed.disposition,
});
