import { describe, expect, it } from 'vitest';
import { acuityByAge } from './acuity-by-age.js';
import { defaultScenario } from './default-scenario.js';
import { AGE_GROUPS, ED_SUBSERVICES, OLDEST_AGE } from './domains.js';

const scenario = defaultScenario();
const acuity = acuityByAge(scenario);
const ADULT = ED_SUBSERVICES.indexOf('Adult ED');

describe('acuityByAge', () => {
  it('gives a distribution for every single year and subservice', () => {
    expect(acuity).toHaveLength(OLDEST_AGE + 1);
    for (const bySubservice of acuity)
      for (const mix of bySubservice) {
        expect(mix.reduce((sum, p) => sum + p, 0)).toBeCloseTo(1, 12);
        for (const p of mix) expect(p).toBeGreaterThanOrEqual(0);
      }
  });

  it('holds each band table at the middle of its ages and the end tables beyond', () => {
    // The adult band 15-64 has its middle at 40: age 39 (39.5) is within a year of it.
    const adult = scenario.ed.acuity[AGE_GROUPS.indexOf('25-44')]![ADULT]!;
    const older = scenario.ed.acuity[AGE_GROUPS.indexOf('85+')]![ADULT]!;
    acuity[39]![ADULT]!.forEach((p, level) => {
      expect(p).toBeCloseTo(adult[level]!, 1);
    });
    expect(acuity[OLDEST_AGE]![ADULT]!).toEqual(older);
  });

  it('changes smoothly: no step between neighbouring years larger than a band step / 20', () => {
    for (let age = 1; age <= OLDEST_AGE; age++) {
      const step = Math.abs(acuity[age]![ADULT]![1]! - acuity[age - 1]![ADULT]![1]!);
      expect(step).toBeLessThan(0.005);
    }
    // CTAS 1-2 rise with age from the adult to the older table.
    const sick = (age: number) => acuity[age]![ADULT]![0]! + acuity[age]![ADULT]![1]!;
    expect(sick(50)).toBeLessThan(sick(60));
    expect(sick(60)).toBeLessThan(sick(70));
  });
});
