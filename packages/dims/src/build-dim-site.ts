import type { Scenario } from '@lm-synth/config/core';

export interface DimSiteColumns {
  readonly site_id: Int32Array;
  readonly site_code: string[];
  readonly site_name: string[];
}

/** dim_site: one row per facility, ids 1-based in scenario order. */
export function buildDimSite(scenario: Scenario): DimSiteColumns {
  return {
    site_id: Int32Array.from(scenario.sites, (site) => site.id),
    site_code: scenario.sites.map((site) => site.code),
    site_name: scenario.sites.map((site) => site.name),
  };
}
