import { defaultScenario, GENDERS } from '@lm-synth/config';
import { buildDimAgeGroup } from '@lm-synth/dims';
import { describe, expect, it } from 'vitest';
import { ageGroupBirthRanges } from './age-group-birth-ranges.js';
import { civilDate } from './civil-date.js';
import { BIRTH, cohortPlan } from './cohort-plan.js';
import { DobPools, MIGRANT_POOL } from './dob-pools.js';
import { migrantBirthDates } from './migrant-birth-dates.js';

const scenario = defaultScenario();
const minAges = buildDimAgeGroup().min_age;

function deal(patients: number) {
  const cohort = cohortPlan(scenario, patients, scenario.horizonYears);
  const ranges = ageGroupBirthRanges(scenario.referenceDate);
  const pools = new DobPools(
    7,
    GENDERS.length,
    ranges.at(-1)!.first - 1,
    civilDate.fromParts(scenario.endYear + 1, 1, 1),
  );
  return { cohort, pools, dealt: migrantBirthDates(scenario, cohort, pools, minAges, 7) };
}

describe('migrantBirthDates', () => {
  it('gives every in-migrant a migrant-pool date of its age group, never twice in an LHA x gender', () => {
    const { cohort, pools, dealt } = deal(20_000);
    if (!dealt.ok) throw new Error('expected the dates to fit');
    const cellsPerYear = cohort.entrants.length / 2 / scenario.horizonYears;
    const seen = new Set<string>();
    cohort.entrants.forEach((count, group) => {
      if (Math.floor(group / cellsPerYear) % 2 === BIRTH) return;
      const cell = group % cellsPerYear;
      const lha = Math.floor(cell / (cellsPerYear / scenario.lhas.length));
      const gender = cell % GENDERS.length;
      const year = scenario.startYear + Math.floor(group / (2 * cellsPerYear));
      for (let k = 0; k < count; k++) {
        const day = dealt.dates[cohort.entrantStart[group]! - cohort.baseline + k]!;
        expect(pools.poolOf(lha, gender, day)).toBe(MIGRANT_POOL);
        expect(day).toBeLessThan(civilDate.fromParts(year + 1, 1, 1));
        const key = `${lha}:${gender}:${day}`;
        expect(seen.has(key)).toBe(false);
        seen.add(key);
      }
    });
    expect(seen.size).toBeGreaterThan(1_000);
  });

  it('names the first group that runs out of dates', () => {
    const { dealt } = deal(2_000_000);
    expect(dealt.ok).toBe(false);
    if (!dealt.ok) expect(dealt.patients).toBeGreaterThan(dealt.birthDates);
  });
});
