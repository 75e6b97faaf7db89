import { describe, expect, it } from 'vitest';
import { acuityByAge } from './acuity-by-age.js';
import { defaultScenario } from './default-scenario.js';
import { dispositionByAcuity } from './disposition-by-acuity.js';
import { AGE_GROUPS, ED_DISPOSITIONS, ED_SUBSERVICES } from './domains.js';

const scenario = defaultScenario();
const acuity = acuityByAge(scenario);
const conditional = dispositionByAcuity(scenario);
const ADULT = ED_SUBSERVICES.indexOf('Adult ED');
const ADMITTED = ED_DISPOSITIONS.indexOf('Admitted');
const LWBS = ED_DISPOSITIONS.indexOf('Left Without Being Seen');
const DECEASED = ED_DISPOSITIONS.indexOf('Deceased');

describe('dispositionByAcuity', () => {
  it('keeps every configured disposition share over each age’s acuity mix', () => {
    for (const age of [0, 10, 30, 70, 90])
      ED_SUBSERVICES.forEach((_, s) => {
        let group = 0;
        while (
          group + 1 < AGE_GROUPS.length &&
          age >= Number(AGE_GROUPS[group + 1]!.split(/[-+]/)[0])
        )
          group++;
        const target = scenario.ed.disposition[group]![s]!;
        target.forEach((share, d) => {
          const mixed = acuity[age]![s]!.reduce(
            (sum, q, level) => sum + q * conditional[age]![s]![level]![d]!,
            0,
          );
          expect(mixed).toBeCloseTo(share, 9);
        });
      });
  });

  it('admits steeply less from CTAS 1 to 5, and LWBS rises with lower acuity', () => {
    const levels = conditional[75]![ADULT]!;
    for (let level = 1; level < 5; level++) {
      expect(levels[level]![ADMITTED]!).toBeLessThan(levels[level - 1]![ADMITTED]!);
      expect(levels[level]![LWBS]!).toBeGreaterThan(levels[level - 1]![LWBS]!);
    }
    expect(levels[0]![ADMITTED]! / levels[4]![ADMITTED]!).toBeGreaterThan(10);
  });

  it('puts ED deaths at CTAS 1-2', () => {
    const levels = conditional[80]![ADULT]!;
    const mix = acuity[80]![ADULT]!;
    const deaths = levels.map((byD, level) => mix[level]! * byD[DECEASED]!);
    const total = deaths.reduce((sum, d) => sum + d, 0);
    expect((deaths[0]! + deaths[1]!) / total).toBeGreaterThan(0.75);
    expect((deaths[3]! + deaths[4]!) / total).toBeLessThan(0.05);
  });
});
