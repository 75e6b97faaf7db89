import { defaultScenario } from '@lm-synth/config';
import { describe, expect, it } from 'vitest';
import { crossLhaHomeWeights } from './cross-lha-home-weights.js';
import { GeneratorContext } from './generator-context.js';
import { generatorSettings } from './generator-settings.js';
import { homeSiteShares } from './home-site-shares.js';
import { planDataset } from './plan-dataset.js';

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

  it("draws the generator's homes: its crossLhaSite samplers follow crossLhaHomeWeights", () => {
    const context = new GeneratorContext(
      generatorSettings(planDataset(scenario, { patients: 100, seed: 3, workers: 0 })),
    );
    const weights = crossLhaHomeWeights(scenario);
    const draws = 20_000;
    scenario.lhas.forEach((_, l) => {
      const counts = new Float64Array(scenario.sites.length);
      for (let i = 0; i < draws; i++) counts[context.crossLhaSite[l]!()]!++;
      const total = weights[l]!.reduce((a, b) => a + b, 0);
      weights[l]!.forEach((weight, f) => {
        const p = weight / total;
        // Within 5 binomial standard errors (and exactly 0 where the weight is 0).
        expect(Math.abs(counts[f]! / draws - p)).toBeLessThanOrEqual(
          5 * Math.sqrt((p * (1 - p)) / draws),
        );
      });
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
