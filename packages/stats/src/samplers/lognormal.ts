import { requireFinite, requireNonNegative } from '../parameters.js';
import { fastExp } from '../special/fast-exp.js';
import type { RandomSource } from '../streams/random-source.js';
import { standardNormal } from './standard-normal.js';

/** Lognormal: exp of a normal with mean `mu` and standard deviation `sigma` (log scale). */
export function lognormal(source: RandomSource) {
  return (mu: number, sigma: number): (() => number) => {
    requireFinite('mu', mu);
    requireNonNegative('sigma', sigma);
    const median = Math.exp(mu);
    if (sigma === 0) return () => median;
    return () => fastExp(mu + sigma * standardNormal(source));
  };
}
