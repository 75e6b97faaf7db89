import { expect } from 'vitest';
import type { ContinuousDistribution, DiscreteDistribution } from './distributions/distribution.js';
import { chiSquareTest } from './statistics/chi-square-test.js';
import { ksOneSample } from './statistics/ks-one-sample.js';

/** Draws per parameter point in the distribution tests. */
export const DRAWS = 1_000_000;
/**
 * Goodness-of-fit tests must not reject at this level. Seeds are fixed, so a pass is stable;
 * an exact sampler fails one test with probability 1e-4.
 */
const ALPHA = 1e-4;
/** Mean and variance must lie within this many standard errors of the exact values. */
const STANDARD_ERRORS = 4;

function sampleMeanAndVariance(sample: ArrayLike<number>): { mean: number; variance: number } {
  let sum = 0;
  for (let i = 0; i < sample.length; i++) sum += sample[i]!;
  const mean = sum / sample.length;
  let squares = 0;
  for (let i = 0; i < sample.length; i++) squares += (sample[i]! - mean) ** 2;
  return { mean, variance: squares / (sample.length - 1) };
}

/**
 * Sample mean within 4 SE = 4√(σ²/n) and sample variance within 4 SE of the exact values,
 * where Var(s²) = μ₄/n - σ⁴(n - 3)/(n(n - 1)) and μ₄ is the exact fourth central moment.
 */
export function expectMoments(
  sample: ArrayLike<number>,
  distribution: { mean: number; variance: number },
  fourthCentralMoment: number,
): void {
  const n = sample.length;
  const { mean, variance } = sampleMeanAndVariance(sample);
  const meanError = Math.sqrt(distribution.variance / n);
  const varianceError = Math.sqrt(
    fourthCentralMoment / n - (distribution.variance ** 2 * (n - 3)) / (n * (n - 1)),
  );
  expect(Math.abs(mean - distribution.mean)).toBeLessThanOrEqual(STANDARD_ERRORS * meanError);
  expect(Math.abs(variance - distribution.variance)).toBeLessThanOrEqual(
    STANDARD_ERRORS * varianceError,
  );
}

/** KS against the exact CDF, then the moments. */
export function expectContinuousFit(
  sample: Float64Array,
  distribution: ContinuousDistribution,
  fourthCentralMoment: number,
): void {
  const { pValue } = ksOneSample(sample, distribution.cdf);
  expect(pValue).toBeGreaterThan(ALPHA);
  expectMoments(sample, distribution, fourthCentralMoment);
}

/**
 * Chi-square against the exact PMF over [q(1e-10), q(1 - 1e-10)] with both tails lumped
 * (their mass from the CDF), adjacent cells merged until each expects at least 5, then the
 * moments.
 */
export function expectDiscreteFit(
  sample: ArrayLike<number>,
  distribution: DiscreteDistribution,
  fourthCentralMoment: number,
): void {
  const n = sample.length;
  const low = distribution.quantile(1e-10);
  const high = distribution.quantile(1 - 1e-10);
  const cells = high - low + 3;
  const probabilities = new Float64Array(cells);
  probabilities[0] = distribution.cdf(low - 1);
  for (let k = low; k <= high; k++) probabilities[k - low + 1] = distribution.pmf(k);
  probabilities[cells - 1] = 1 - distribution.cdf(high);
  const counts = new Float64Array(cells);
  let nonIntegers = 0;
  for (let i = 0; i < n; i++) {
    const value = sample[i]!;
    if (!Number.isInteger(value)) nonIntegers += 1;
    const cell = value < low ? 0 : value > high ? cells - 1 : value - low + 1;
    counts[cell] = counts[cell]! + 1;
  }
  expect(nonIntegers).toBe(0);
  let drawsWithoutMass = 0;
  for (let cell = 0; cell < cells; cell++) {
    if (probabilities[cell] === 0) drawsWithoutMass += counts[cell]!;
  }
  expect(drawsWithoutMass).toBe(0);
  const observed: number[] = [];
  const expected: number[] = [];
  let pendingObserved = 0;
  let pendingExpected = 0;
  for (let cell = 0; cell < cells; cell++) {
    pendingObserved += counts[cell]!;
    pendingExpected += probabilities[cell]! * n;
    if (pendingExpected >= 5) {
      observed.push(pendingObserved);
      expected.push(pendingExpected);
      pendingObserved = 0;
      pendingExpected = 0;
    }
  }
  const last = observed.length - 1;
  if (last < 0) throw new Error('no cell expects 5 draws');
  observed[last] = observed[last]! + pendingObserved;
  expected[last] = expected[last]! + pendingExpected;
  const { pValue } = chiSquareTest(observed, expected);
  expect(pValue).toBeGreaterThan(ALPHA);
  expectMoments(sample, distribution, fourthCentralMoment);
}

/** μ₄ of the negative binomial (n, p) with q = 1 - p: variance² · (3 + 6/n + p²/(nq)). */
export function negativeBinomialFourthMoment(n: number, p: number, q: number): number {
  const variance = (n * q) / (p * p);
  return variance ** 2 * (3 + 6 / n + (p * p) / (n * q));
}
