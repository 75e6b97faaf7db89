import { ED_SUBSERVICES, type Scenario } from '@lm-synth/config/core';

/**
 * Where ED visits go: [home site][subservice][facility] -> probability (site
 * indices are site id - 1). A visit stays at the home facility when it offers
 * the subservice, except for the `crossLha.edNonHomeShare` that goes to another
 * site offering it; a home that does not offer the subservice sends all its
 * visits to the sites that do. Either way the other sites share in proportion
 * to their staffed beds. A row is all zero when no site offers the subservice.
 */
export function edFacilityShares(scenario: Scenario): number[][][] {
  const sites = scenario.sites;
  const nonHome = scenario.crossLha.edNonHomeShare;
  return sites.map((_, home) =>
    ED_SUBSERVICES.map((_, s) => {
      const offers = (f: number) => scenario.coverage.ed[f]![s] === true;
      // A site without staffed beds keeps a token weight, so a subservice offered only there is reachable.
      const weightOf = (f: number) => Math.max(sites[f]!.staffedBeds, 1);
      let others = 0;
      sites.forEach((_, f) => {
        if (f !== home && offers(f)) others += weightOf(f);
      });
      const homeShare = offers(home) ? (others > 0 ? 1 - nonHome : 1) : 0;
      return sites.map((_, f) => {
        if (f === home) return homeShare;
        return offers(f) ? ((1 - homeShare) * weightOf(f)) / others : 0;
      });
    }),
  );
}
