import { createStream, gamma } from '@lm-synth/stats';
import { describe, expect, it } from 'vitest';
import { frailtyScaledChance } from './frailty-scaled-chance.js';

describe('frailtyScaledChance', () => {
  it('is p without frailty, 0 for p = 0, and above p with frailty', () => {
    expect(frailtyScaledChance(0.1, Number.POSITIVE_INFINITY)).toBe(0.1);
    expect(frailtyScaledChance(0, 0.35)).toBe(0);
    expect(frailtyScaledChance(0.01, 0.35)).toBeGreaterThan(0.01);
    expect(frailtyScaledChance(0.78, 0.35)).toBeGreaterThan(1);
  });

  it('keeps the share of events over frailty-weighted visits at p (simulation)', () => {
    const k = 0.35;
    const frailty = gamma(createStream(7, 'frailty-scaled-chance', 0))(k, 1 / k);
    const uniform = createStream(7, 'frailty-scaled-chance-u', 0);
    const n = 400_000;
    const g = Float64Array.from({ length: n }, () => frailty());
    for (const p of [0.02, 0.3, 0.78]) {
      const x = frailtyScaledChance(p, k);
      // Events per unit of frailty-weighted exposure: sum of G min(1, x/G) draws over sum of G.
      let events = 0;
      let weight = 0;
      let squares = 0;
      for (let i = 0; i < n; i++) {
        const event = uniform.next() * g[i]! < x ? g[i]! : 0;
        events += event;
        weight += g[i]!;
        squares += (event - p * g[i]!) ** 2;
      }
      // Delta-method standard error of the ratio sum(event) / sum(G).
      const se = Math.sqrt(squares) / weight;
      expect(Math.abs(events / weight - p)).toBeLessThan(4.5 * se);
    }
  });
});
