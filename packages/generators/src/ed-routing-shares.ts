import type { Scenario } from '@lm-synth/config/core';
import { edFacilityShares } from './ed-facility-shares.js';
import { homeSiteShares } from './home-site-shares.js';

/**
 * Where an LHA's ED visits are seen: [LHA][subservice][facility] -> probability (site
 * indices are site id - 1). The home-site distribution (homeSiteShares) composed with
 * where each home sends a subservice's visits (edFacilityShares), so it is exactly the
 * routing the generator samples. A row is all zero when no site offers the subservice.
 */
export function edRoutingShares(scenario: Scenario): number[][][] {
  const home = homeSiteShares(scenario);
  const visits = edFacilityShares(scenario);
  return home.map((byHome) =>
    visits[0]!.map((_, s) =>
      scenario.sites.map((_, f) => byHome.reduce((sum, p, h) => sum + p * visits[h]![s]![f]!, 0)),
    ),
  );
}
