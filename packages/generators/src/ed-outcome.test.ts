import {
  acuityByAge,
  defaultScenario,
  dispositionByAcuity,
  ED_DISPOSITIONS,
  ED_SUBSERVICES,
} from '@lm-synth/config';
import { createStream } from '@lm-synth/stats';
import { describe, expect, it } from 'vitest';
import { EdOutcome } from './ed-outcome.js';
import { frailtyScaledChance } from './frailty-scaled-chance.js';
import { StreamSlot } from './stream-slot.js';

// Each share is checked against its probability within 4.5 binomial standard errors
// sqrt(p(1 - p)/n): at a fixed seed a pass is stable, and an exact sampler fails one
// check with probability about 7e-6, so a failure means the mechanism is off.
const Z = 4.5;
const N = 200_000;
const scenario = defaultScenario();
const model = scenario.ed.countModel;
const K = model.model === 'negbin' ? model.dispersion : Number.POSITIVE_INFINITY;
const acuity = acuityByAge(scenario);
const conditional = dispositionByAcuity(scenario);
const ADULT = ED_SUBSERVICES.indexOf('Adult ED');
const PEDIATRIC = ED_SUBSERVICES.indexOf('Pediatric ED');
const UCC = ED_SUBSERVICES.indexOf('Urgent Care Centre');
const DECEASED = ED_DISPOSITIONS.indexOf('Deceased');
const ADMITTED = ED_DISPOSITIONS.indexOf('Admitted');

function outcome(purpose: string): EdOutcome {
  const slot = new StreamSlot();
  slot.source = createStream(20_251, purpose, 0);
  return new EdOutcome(scenario, slot);
}

/** Each category's count within Z binomial SE of n x its probability; categories without probability never drawn. */
function expectShares(counts: ArrayLike<number>, probabilities: readonly number[], n: number) {
  const total = probabilities.reduce((a, b) => a + b, 0);
  probabilities.forEach((weight, k) => {
    const p = weight / total;
    const observed = counts[k]!;
    if (p === 0) {
      expect(observed, `category ${k} has no probability`).toBe(0);
      return;
    }
    const se = Math.sqrt(n * p * (1 - p));
    expect(
      Math.abs(observed - n * p),
      `category ${k}: ${observed} vs ${n * p}`,
    ).toBeLessThanOrEqual(Z * se);
  });
}

describe('EdOutcome', () => {
  it('draws CTAS levels 1-5 by acuityByAge for the single year of age and subservice', () => {
    const ed = outcome('acuity');
    for (const [age, s] of [
      [3, PEDIATRIC],
      [40, ADULT],
      [82, ADULT],
      [30, UCC],
    ] as const) {
      const counts = new Float64Array(5);
      let outside = 0;
      for (let i = 0; i < N; i++) {
        const level = ed.acuity(age, s);
        if (level >= 1 && level <= 5) counts[level - 1]!++;
        else outside++;
      }
      expect(outside).toBe(0);
      expectShares(counts, acuity[age]![s]!, N);
    }
  });

  // Deceased comes with probability min(1, x / frailty), x = frailtyScaledChance(p, k): the
  // other dispositions share the rest in their configured ratios.
  const withDeceased = (shares: readonly number[], chance: number) => {
    const p = shares[DECEASED]!;
    return shares.map((q, d) => (d === DECEASED ? chance : ((1 - chance) * q) / (1 - p)));
  };

  it('draws dispositions by dispositionByAcuity, Deceased at x / frailty', () => {
    const ed = outcome('disposition');
    for (const [age, s, level, frailty] of [
      [80, ADULT, 1, 1],
      [80, ADULT, 2, 1],
      [40, ADULT, 3, 1],
      [10, PEDIATRIC, 4, 1],
      [85, ADULT, 1, 4],
    ] as const) {
      const shares = conditional[age]![s]![level - 1]!;
      const x = frailtyScaledChance(shares[DECEASED]!, K);
      const counts = new Float64Array(ED_DISPOSITIONS.length);
      for (let i = 0; i < N; i++) counts[ed.disposition(age, s, level, frailty)]!++;
      expectShares(counts, withDeceased(shares, Math.min(1, x / frailty)), N);
    }
  });

  it('makes a visit of frailty 4 a quarter as often fatal as one of frailty 1', () => {
    const ed = outcome('frailty');
    // CTAS 1 at 85 in the Adult ED carries the largest Deceased share, so the quartering shows.
    const x = frailtyScaledChance(conditional[85]![ADULT]![0]![DECEASED]!, K);
    expect(x).toBeGreaterThan(0.04);
    let one = 0;
    let four = 0;
    for (let i = 0; i < N; i++) {
      if (ed.disposition(85, ADULT, 1, 1) === DECEASED) one++;
      if (ed.disposition(85, ADULT, 1, 4) === DECEASED) four++;
    }
    expect(Math.abs(four - one / 4)).toBeLessThan(Z * Math.sqrt(N * (x / 4) * 2));
    expect(Math.abs(four - one)).toBeGreaterThan(Z * Math.sqrt(N * x));
  });

  it('draws the level of a visit known to end in admission in proportion to acuity x P(Admitted | level)', () => {
    const ed = outcome('admitted-acuity');
    for (const [age, s] of [
      [70, ADULT],
      [8, PEDIATRIC],
    ] as const) {
      const weights = acuity[age]![s]!.map(
        (q, level) => q * conditional[age]![s]![level]![ADMITTED]!,
      );
      const counts = new Float64Array(5);
      for (let i = 0; i < N; i++) counts[ed.admittedAcuity(age, s) - 1]!++;
      expectShares(counts, weights, N);
    }
  });
});
