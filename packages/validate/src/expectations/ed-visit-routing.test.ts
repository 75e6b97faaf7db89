import { defaultScenario } from '@lm-synth/config';
import { edRoutingShares } from '@lm-synth/generators';
import { describe, expect, it } from 'vitest';
import { edVisitRouting } from './ed-visit-routing.js';

describe('edVisitRouting', () => {
  it("is the generator's routing, derived independently from the scenario", () => {
    const scenario = defaultScenario();
    const generator = edRoutingShares(scenario);
    const { byLha } = edVisitRouting(scenario);
    byLha.forEach((bySubservice, l) => {
      bySubservice.forEach((byFacility, s) => {
        byFacility.forEach((share, f) => {
          expect(share).toBeCloseTo(generator[l]![s]![f]!, 12);
        });
      });
    });
  });

  it('sends nothing to a facility not offering the subservice', () => {
    const scenario = defaultScenario();
    const { byHome } = edVisitRouting(scenario);
    byHome.forEach((bySubservice) => {
      bySubservice.forEach((byFacility, s) => {
        byFacility.forEach((share, f) => {
          if (scenario.coverage.ed[f]![s] !== true) expect(share).toBe(0);
        });
      });
    });
  });
});
