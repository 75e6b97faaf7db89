import { defaultScenario } from '@lm-synth/config';
import { ED_SUBSERVICES } from '@lm-synth/config/core';
import { describe, expect, it } from 'vitest';
import { edRoutingColumns } from './ed-routing-columns.js';
import { edRoutingShares } from './ed-routing-shares.js';

const scenario = defaultScenario();

describe('edRoutingShares and edRoutingColumns', () => {
  it("route each LHA x subservice's visits in full, and only to sites offering it", () => {
    const shares = edRoutingShares(scenario);
    shares.forEach((bySubservice) => {
      bySubservice.forEach((byFacility, s) => {
        const offered = scenario.coverage.ed.some((row) => row[s] === true);
        expect(byFacility.reduce((a, b) => a + b, 0)).toBeCloseTo(offered ? 1 : 0, 12);
        byFacility.forEach((share, f) => {
          if (scenario.coverage.ed[f]![s] !== true) expect(share).toBe(0);
        });
      });
    });
  });

  it('list the positive shares to 8 decimals, in key order', () => {
    const columns = edRoutingColumns(scenario);
    const rows = columns.lha_id.length;
    expect(rows).toBeGreaterThan(scenario.lhas.length);
    const shares = edRoutingShares(scenario);
    const keys = new Set<string>();
    for (let i = 0; i < rows; i++) {
      const l = columns.lha_id[i]! - 1;
      const s = columns.ed_subservice[i]!;
      const f = columns.facility_id[i]! - 1;
      expect(columns.share[i]).toBeGreaterThan(0);
      expect(Math.abs(columns.share[i]! - shares[l]![s]![f]!)).toBeLessThanOrEqual(5e-9);
      keys.add(`${l}/${s}/${f}`);
    }
    expect(keys.size).toBe(rows);
    expect(Math.max(...columns.ed_subservice)).toBeLessThan(ED_SUBSERVICES.length);
  });
});
