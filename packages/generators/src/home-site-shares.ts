import type { Scenario } from '@lm-synth/config/core';
import { crossLhaHomeWeights } from './cross-lha-home-weights.js';

/**
 * Where an LHA's patients have their home facility: [LHA][site] -> probability (site
 * indices are site id - 1). A patient's home is the LHA's default site, except for the
 * `crossLha.homeFacilityShare` who are homed at another site by crossLhaHomeWeights
 * (staffed beds); with no other site, everyone stays at the default. This is the
 * distribution of the generator's two draws (`crossLha`, then `crossLhaSite`), written
 * once so that ed_routing states the routing the generator applies.
 */
export function homeSiteShares(scenario: Scenario): number[][] {
  const cross = scenario.crossLha.homeFacilityShare;
  return crossLhaHomeWeights(scenario).map((weights, l) => {
    const home = scenario.lhas[l]!.defaultSiteId - 1;
    const others = weights.reduce((sum, weight) => sum + weight, 0);
    return weights.map((weight, f) => {
      if (others === 0) return f === home ? 1 : 0;
      return f === home ? 1 - cross : (cross * weight) / others;
    });
  });
}
