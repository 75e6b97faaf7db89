import { AGE_GROUPS, GENDERS, projectPopulation, type Scenario } from '@lm-synth/config/core';

/** population_projection rows, in primary-key order (year, LHA, age group, gender). */
export function populationProjectionColumns(scenario: Scenario) {
  const { population } = projectPopulation(scenario);
  const rows = population.length;
  const year = new Int32Array(rows);
  const lhaId = new Int32Array(rows);
  const ageGroup = new Int8Array(rows);
  const gender = new Int8Array(rows);
  const cellsPerYear = scenario.lhas.length * AGE_GROUPS.length * GENDERS.length;
  for (let row = 0; row < rows; row++) {
    const cell = row % cellsPerYear;
    year[row] = scenario.startYear + Math.floor(row / cellsPerYear);
    lhaId[row] = Math.floor(cell / (AGE_GROUPS.length * GENDERS.length)) + 1;
    ageGroup[row] = Math.floor(cell / GENDERS.length) % AGE_GROUPS.length;
    gender[row] = cell % GENDERS.length;
  }
  return {
    year,
    lha_id: lhaId,
    age_group: ageGroup,
    gender,
    population: Int32Array.from(population),
  };
}
