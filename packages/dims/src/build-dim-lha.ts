import type { Scenario } from '@lm-synth/config/core';

export interface DimLhaColumns {
  readonly lha_id: Int32Array;
  readonly lha_name: string[];
  readonly default_site_id: Int32Array;
}

/** dim_lha: one row per local health area with its default facility. */
export function buildDimLha(scenario: Scenario): DimLhaColumns {
  return {
    lha_id: Int32Array.from(scenario.lhas, (lha) => lha.id),
    lha_name: scenario.lhas.map((lha) => lha.name),
    default_site_id: Int32Array.from(scenario.lhas, (lha) => lha.defaultSiteId),
  };
}
