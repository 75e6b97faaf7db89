import { AGE_GROUPS, GENDERS, type Scenario } from '@lm-synth/config/core';
import { largestRemainder } from './largest-remainder.js';

/**
 * Projected head counts, flattened as [year][lha][age group][gender] over the
 * horizon. Each LHA grows by compound interest, total = round(base * (1 + g)^t),
 * and its total is split over age group x gender (shares multiply) by largest
 * remainder, so cells are integers that add up exactly to the LHA total.
 */
export function projectPopulation(scenario: Scenario): Float64Array {
  const cellsPerLha = AGE_GROUPS.length * GENDERS.length;
  const result = new Float64Array(scenario.horizonYears * scenario.lhas.length * cellsPerLha);
  scenario.lhas.forEach((lha, lhaIndex) => {
    const weights = new Float64Array(cellsPerLha);
    lha.ageShares.forEach((ageShare, age) => {
      lha.genderShares.forEach((genderShare, gender) => {
        weights[age * GENDERS.length + gender] = ageShare * genderShare;
      });
    });
    for (let year = 0; year < scenario.horizonYears; year++) {
      const total = Math.round(lha.basePopulation * (1 + lha.annualGrowthPct / 100) ** year);
      const offset = (year * scenario.lhas.length + lhaIndex) * cellsPerLha;
      result.set(largestRemainder(total, weights), offset);
    }
  });
  return result;
}
