import type { Scenario } from '@lm-synth/config/core';

/**
 * Where an LHA's patients have their home facility: [LHA][site] -> probability (site
 * indices are site id - 1). A patient's home is the LHA's default site, except for the
 * `crossLha.homeFacilityShare` who are homed at another site in proportion to its staffed
 * beds (a site without beds keeps a token weight of 1); with no other site, everyone stays
 * at the default. This is the distribution GeneratorContext's `crossLha` and
 * `crossLhaSite` draw from, written once so ed_routing states the same routing.
 */
export function homeSiteShares(scenario: Scenario): number[][] {
  const sites = scenario.sites;
  const cross = scenario.crossLha.homeFacilityShare;
  return scenario.lhas.map((lha) => {
    const weights = sites.map((site) =>
      site.id === lha.defaultSiteId ? 0 : Math.max(site.staffedBeds, 1),
    );
    const others = weights.reduce((sum, weight) => sum + weight, 0);
    return sites.map((site, f) => {
      if (others === 0) return site.id === lha.defaultSiteId ? 1 : 0;
      return site.id === lha.defaultSiteId ? 1 - cross : (cross * weights[f]!) / others;
    });
  });
}
