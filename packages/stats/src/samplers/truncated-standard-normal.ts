import { fastExp } from '../special/fast-exp.js';
import type { RandomSource } from '../streams/random-source.js';
import { standardNormal } from './standard-normal.js';

const SQRT_TWO_PI = Math.sqrt(2 * Math.PI);
const LOG_SQRT_TWO_PI = Math.log(SQRT_TWO_PI);

/**
 * A standard normal conditioned on [a, b] (a < b, either may be infinite), by whichever
 * exact rejection sampler of Robert, "Simulation of truncated normal variables", Statistics
 * and Computing 5 (1995) 121-125, accepts most often for this interval: plain normal
 * draws, a uniform proposal on [a, b], or (one-sided tails) a translated exponential with
 * Robert's optimal rate. Intervals left of 0 are mirrored.
 */
export function truncatedStandardNormal(source: RandomSource, a: number, b: number): () => number {
  if (b <= 0) {
    const mirrored = truncatedStandardNormal(source, -b, -a);
    return () => -mirrored();
  }
  const width = b - a;
  if (a < 0) {
    // Straddling 0, a uniform envelope of height φ(0) beats plain draws on narrow intervals.
    if (width >= SQRT_TWO_PI) return byNormalRejection(source, a, b);
    return () => {
      for (;;) {
        const z = a + width * source.next();
        if (source.next() < fastExp(-0.5 * z * z)) return z;
      }
    };
  }
  const rate = 0.5 * (a + Math.sqrt(a * a + 4));
  // Log acceptance rates relative to plain normal draws (whose rate is the interval's mass).
  const logUniform = LOG_SQRT_TWO_PI + 0.5 * a * a - Math.log(width);
  const logExponential = LOG_SQRT_TWO_PI + Math.log(rate) + rate * a - 0.5 * rate * rate;
  if (Math.max(logUniform, logExponential) <= 0) return byNormalRejection(source, a, b);
  if (logUniform >= logExponential) {
    return () => {
      for (;;) {
        const z = a + width * source.next();
        if (source.next() < fastExp(0.5 * (a - z) * (a + z))) return z;
      }
    };
  }
  return () => {
    for (;;) {
      const z = a - Math.log(1 - source.next()) / rate;
      const excess = z - rate;
      if (z <= b && source.next() < fastExp(-0.5 * excess * excess)) return z;
    }
  };
}

function byNormalRejection(source: RandomSource, a: number, b: number): () => number {
  return () => {
    for (;;) {
      const z = standardNormal(source);
      if (z >= a && z <= b) return z;
    }
  };
}
