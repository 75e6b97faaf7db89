import type { Scenario } from '@lm-synth/config/core';

/**
 * Per LHA, the weight of each site (index = site id - 1) as the home facility of a
 * patient homed outside the LHA's default site: its staffed beds (a site without beds
 * keeps a token weight of 1, so it stays reachable), 0 for the default site itself. The
 * generator's `crossLhaSite` samplers draw from these weights; homeSiteShares turns them
 * into the full home-site distribution.
 */
export function crossLhaHomeWeights(scenario: Scenario): number[][] {
  return scenario.lhas.map((lha) =>
    scenario.sites.map((site) =>
      site.id === lha.defaultSiteId ? 0 : Math.max(site.staffedBeds, 1),
    ),
  );
}
