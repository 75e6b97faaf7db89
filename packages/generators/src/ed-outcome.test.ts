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
import { StreamSlot } from './stream-slot.js';

// Each share is checked against its probability within 4.5 binomial standard errors
// sqrt(p(1 - p)/n): at a fixed seed a pass is stable, and an exact sampler fails one
// check with probability about 7e-6, so a failure means the mechanism is off.
const Z = 4.5;
const N = 200_000;
const scenario = defaultScenario();
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

  it('draws dispositions by dispositionByAcuity at the visit level when frailty is 1', () => {
    const ed = outcome('disposition');
    for (const [age, s, level] of [
      [80, ADULT, 1],
      [80, ADULT, 2],
      [40, ADULT, 3],
      [10, PEDIATRIC, 4],
    ] as const) {
      const counts = new Float64Array(ED_DISPOSITIONS.length);
      for (let i = 0; i < N; i++) counts[ed.disposition(age, s, level, 1)]!++;
      expectShares(counts, conditional[age]![s]![level - 1]!, N);
    }
  });

  it('makes a visit of frailty 4 a quarter as often fatal, the other dispositions keeping their ratios', () => {
    const ed = outcome('frailty');
    // CTAS 1 at 85 in the Adult ED carries the largest Deceased share, so the quartering shows.
    const shares = conditional[85]![ADULT]![0]!;
    const p = shares[DECEASED]!;
    expect(p).toBeGreaterThan(0.01);
    const expected = shares.map((q, d) => (d === DECEASED ? p / 4 : ((1 - p / 4) * q) / (1 - p)));
    const counts = new Float64Array(ED_DISPOSITIONS.length);
    for (let i = 0; i < N; i++) counts[ed.disposition(85, ADULT, 1, 4)]!++;
    expectShares(counts, expected, N);
    // And the quarter is far outside the frailty-1 share's band: the test can tell them apart.
    expect(Math.abs(counts[DECEASED]! - N * p)).toBeGreaterThan(Z * Math.sqrt(N * p * (1 - p)));
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

  it('gives the expected Deceased share of a visit over its acuity mix', () => {
    for (const [age, s] of [
      [90, ADULT],
      [50, ADULT],
      [5, PEDIATRIC],
    ] as const) {
      const expected = acuity[age]![s]!.reduce(
        (sum, q, level) => sum + q * conditional[age]![s]![level]![DECEASED]!,
        0,
      );
      expect(EdOutcome.deceasedRate(scenario, age, s)).toBeCloseTo(expected, 12);
    }
  });
});
