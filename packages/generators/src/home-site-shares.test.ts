import { defaultScenario } from '@lm-synth/config';
import { describe, expect, it } from 'vitest';
import { homeSiteShares } from './home-site-shares.js';

const scenario = defaultScenario();

describe('homeSiteShares', () => {
  it('keeps 1 - homeFacilityShare at the default site and splits the rest by staffed beds', () => {
    const shares = homeSiteShares(scenario);
    const cross = scenario.crossLha.homeFacilityShare;
    expect(shares).toHaveLength(scenario.lhas.length);
    scenario.lhas.forEach((lha, l) => {
      const row = shares[l]!;
      expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      expect(row[lha.defaultSiteId - 1]).toBeCloseTo(1 - cross, 12);
      const others = scenario.sites.filter((site) => site.id !== lha.defaultSiteId);
      const beds = others.reduce((sum, site) => sum + Math.max(site.staffedBeds, 1), 0);
      for (const site of others) {
        expect(row[site.id - 1]).toBeCloseTo((cross * Math.max(site.staffedBeds, 1)) / beds, 12);
      }
    });
  });

  it('homes everyone at the default site when there is no other site', () => {
    const single = {
      ...scenario,
      sites: scenario.sites.slice(0, 1),
      lhas: scenario.lhas.map((lha) => ({ ...lha, defaultSiteId: 1 })),
    };
    expect(homeSiteShares(single).every((row) => row.length === 1 && row[0] === 1)).toBe(true);
  });
});
