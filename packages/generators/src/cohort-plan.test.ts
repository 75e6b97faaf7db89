import { AGE_GROUPS, defaultScenario, GENDERS, projectPopulation } from '@lm-synth/config';
import { describe, expect, it } from 'vitest';
import { BIRTH, cohortPlan, IN_MIGRANT } from './cohort-plan.js';

const scenario = defaultScenario();
const cellsPerYear = scenario.lhas.length * AGE_GROUPS.length * GENDERS.length;

describe('cohortPlan', () => {
  it("deals each year's expected births and in-migrants x the sampling fraction, rounded per year", () => {
    const plan = cohortPlan(scenario, 50_000, 3);
    const projection = projectPopulation(scenario);
    const start = projection.population.subarray(0, cellsPerYear).reduce((a, b) => a + b, 0);
    for (let y = 0; y < 3; y++) {
      const expected =
        projection.births
          .subarray(
            y * scenario.lhas.length * GENDERS.length,
            (y + 1) * scenario.lhas.length * GENDERS.length,
          )
          .reduce((a, b) => a + b, 0) +
        projection.inMigrants
          .subarray(y * cellsPerYear, (y + 1) * cellsPerYear)
          .reduce((a, b) => a + b, 0);
      const dealt = plan.entrants
        .subarray(y * 2 * cellsPerYear, (y + 1) * 2 * cellsPerYear)
        .reduce((a, b) => a + b, 0);
      expect(dealt).toBe(Math.round((expected * 50_000) / start));
    }
    expect(plan.weight).toBe(Math.round((start / 50_000) * 10_000) / 10_000);
  });

  it('puts births in age group 0-4 only, and numbers entrants after the residents', () => {
    const plan = cohortPlan(scenario, 10_000, 2);
    plan.entrants.forEach((count, group) => {
      const kind = Math.floor(group / cellsPerYear) % 2;
      const age = Math.floor((group % (AGE_GROUPS.length * GENDERS.length)) / GENDERS.length);
      if (kind === BIRTH && age > 0) expect(count).toBe(0);
      expect(Number.isInteger(count) && count >= 0).toBe(true);
    });
    expect(plan.entrantStart[0]).toBe(10_000);
    expect(plan.total).toBe(10_000 + plan.entrants.reduce((a, b) => a + b, 0));
    expect(IN_MIGRANT).toBe(1 - BIRTH);
  });

  it('keeps the exit probabilities of the encounter years', () => {
    const plan = cohortPlan(scenario, 10_000, 2);
    expect(plan.deathRate).toHaveLength(2 * cellsPerYear);
    expect(Array.from(plan.deathRate).every((p) => p >= 0 && p < 1)).toBe(true);
  });
});
