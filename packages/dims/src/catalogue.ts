import type { TableDefinition } from './table-definition.js';
import { capacityDaily } from './tables/capacity-daily.js';
import { dimAgeGroup } from './tables/dim-age-group.js';
import { dimDate } from './tables/dim-date.js';
import { dimGender } from './tables/dim-gender.js';
import { dimLha } from './tables/dim-lha.js';
import { dimProgram } from './tables/dim-program.js';
import { dimScenario } from './tables/dim-scenario.js';
import { dimSite } from './tables/dim-site.js';
import { dimSubprogram } from './tables/dim-subprogram.js';
import { edBaselineRates } from './tables/ed-baseline-rates.js';
import { edEncounters } from './tables/ed-encounters.js';
import { edRouting } from './tables/ed-routing.js';
import { ipStays } from './tables/ip-stays.js';
import { patients } from './tables/patients.js';
import { populationProjection } from './tables/population-projection.js';

/**
 * Every table lm-synth writes, in foreign-key order: a table appears after
 * every table it references (ip_stays' self-reference aside).
 */
export const CATALOGUE: readonly TableDefinition[] = [
  dimSite,
  dimProgram,
  dimSubprogram,
  dimLha,
  dimAgeGroup,
  dimGender,
  dimDate,
  dimScenario,
  populationProjection,
  edBaselineRates,
  edRouting,
  patients,
  edEncounters,
  ipStays,
  capacityDaily,
];
