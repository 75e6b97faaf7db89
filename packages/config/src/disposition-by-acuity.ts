import { acuityByAge } from './acuity-by-age.js';
import { AGE_GROUPS } from './domains.js';
import type { Scenario } from './scenario.js';

const MIN_AGES = AGE_GROUPS.map((label) => Number(/^\d+/.exec(label)![0]));

/**
 * [age in whole years 0..OLDEST_AGE][subservice][CTAS level - 1][disposition]: the disposition
 * distribution of a visit given its acuity. P(d | level) is proportional to a_d x odds[d][level]
 * (the scenario's odds relative to CTAS 3; Discharged has odds 1 and a = 1), and the a_d of each
 * age and subservice are fitted (iterative proportional fitting) so that over that age's CTAS
 * mix every disposition keeps the share the scenario gives its age group: admission falls
 * steeply from CTAS 1 to 5, the totals stay as configured.
 */
export function dispositionByAcuity(scenario: Scenario): number[][][][] {
  const cached = cache.get(scenario);
  if (cached) return cached;
  const acuity = acuityByAge(scenario);
  const odds = scenario.ed.dispositionAcuityOdds;
  const result = acuity.map((bySubservice, age) => {
    let group = 0;
    while (group + 1 < MIN_AGES.length && age >= MIN_AGES[group + 1]!) group++;
    return bySubservice.map((mix, s) => calibrate(mix, scenario.ed.disposition[group]![s]!, odds));
  });
  cache.set(scenario, result);
  return result;
}

const cache = new WeakMap<Scenario, number[][][][]>();

/** Per CTAS level, the disposition shares whose mix over `acuity` is `target`. */
function calibrate(
  acuity: readonly number[],
  target: readonly number[],
  odds: readonly (readonly number[])[],
): number[][] {
  const scale = target.map((share) => (share > 0 ? 1 : 0));
  const conditional = () =>
    acuity.map((_, level) => {
      const weights = target.map((_, d) => scale[d]! * odds[d]![level]!);
      const total = weights.reduce((sum, weight) => sum + weight, 0);
      return weights.map((weight) => (total > 0 ? weight / total : 0));
    });
  for (let round = 0; round < 500; round++) {
    const current = conditional();
    let worst = 0;
    target.forEach((share, d) => {
      if (share <= 0) return;
      const mixed = acuity.reduce((sum, q, level) => sum + q * current[level]![d]!, 0);
      worst = Math.max(worst, Math.abs(mixed - share));
      scale[d]! *= share / mixed;
    });
    if (worst < 1e-12) break;
  }
  return conditional();
}
