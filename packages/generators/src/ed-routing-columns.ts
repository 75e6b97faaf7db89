import type { Scenario } from '@lm-synth/config/core';
import { edRoutingShares } from './ed-routing-shares.js';

/** Decimal places of ed_routing.share (DECIMAL(10,8)). */
const SHARE_SCALE = 1e8;

/**
 * ed_routing rows (LHA, subservice, facility order) from edRoutingShares. Only facilities
 * with a positive share are listed, so an LHA x subservice nobody offers has no rows and
 * the routed projection gives it no visits.
 */
export function edRoutingColumns(scenario: Scenario) {
  const lhaId: number[] = [];
  const subservice: number[] = [];
  const facilityId: number[] = [];
  const share: number[] = [];
  edRoutingShares(scenario).forEach((bySubservice, l) => {
    bySubservice.forEach((byFacility, s) => {
      byFacility.forEach((value, f) => {
        const rounded = Math.round(value * SHARE_SCALE) / SHARE_SCALE;
        if (rounded <= 0) return;
        lhaId.push(l + 1);
        subservice.push(s);
        facilityId.push(scenario.sites[f]!.id);
        share.push(rounded);
      });
    });
  });
  return {
    lha_id: Int32Array.from(lhaId),
    ed_subservice: Int8Array.from(subservice),
    facility_id: Int32Array.from(facilityId),
    share: Float64Array.from(share),
  };
}
