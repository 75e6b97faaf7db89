import { ED_SUBSERVICES, type Scenario } from '@lm-synth/config/core';

/** Where ED visits are seen, as the scenario specifies it (site indices are site id - 1). */
export interface EdVisitRouting {
  /** [home site][subservice][facility]: where a patient homed at a site is seen. */
  readonly byHome: readonly (readonly (readonly number[])[])[];
  /** [LHA][subservice][facility]: where an LHA's visits are seen, over its patients' homes. */
  readonly byLha: readonly (readonly (readonly number[])[])[];
}

/**
 * The scenario's ED routing, written from its description (blueprint §3, crossLha), not
 * from the generator: a patient is homed at the LHA's default site, or with probability
 * `homeFacilityShare` at another site in proportion to staffed beds (a site without beds
 * weighs 1); a visit is seen at home when home offers the subservice, except for the
 * `edNonHomeShare` seen at another site offering it; a home not offering it sends every
 * such visit to the sites that do; other sites share by staffed beds.
 */
export function edVisitRouting(scenario: Scenario): EdVisitRouting {
  const sites = scenario.sites;
  const beds = (f: number) => Math.max(sites[f]!.staffedBeds, 1);
  const spread = (exclude: number, eligible: (f: number) => boolean, total: number) => {
    const weight = sites.reduce(
      (sum, _, f) => sum + (f !== exclude && eligible(f) ? beds(f) : 0),
      0,
    );
    return sites.map((_, f) =>
      weight > 0 && f !== exclude && eligible(f) ? (total * beds(f)) / weight : 0,
    );
  };
  const byHome = sites.map((_, home) =>
    ED_SUBSERVICES.map((_, s) => {
      const offers = (f: number) => scenario.coverage.ed[f]?.[s] === true;
      const away = spread(home, offers, 1);
      const someoneElse = away.some((share) => share > 0);
      if (!offers(home)) return away;
      const nonHome = someoneElse ? scenario.crossLha.edNonHomeShare : 0;
      return away.map((share, f) => (f === home ? 1 - nonHome : share * nonHome));
    }),
  );
  const byLha = scenario.lhas.map((lha) => {
    const home = lha.defaultSiteId - 1;
    const away = spread(home, () => true, scenario.crossLha.homeFacilityShare);
    const atHome = away.some((share) => share > 0) ? 1 - scenario.crossLha.homeFacilityShare : 1;
    const homes = away.map((share, f) => (f === home ? atHome : share));
    return ED_SUBSERVICES.map((_, s) =>
      sites.map((_, f) => homes.reduce((sum, p, h) => sum + p * byHome[h]![s]![f]!, 0)),
    );
  });
  return { byHome, byLha };
}
