import { requireFinite, requireNonNegative } from '../parameters.js';
import type { RandomSource } from '../streams/random-source.js';
import { standardNormal } from './standard-normal.js';

/** Normal with mean `mu` and standard deviation `sigma` (ziggurat, see standard-normal.ts). */
export function normal(source: RandomSource) {
  return (mu = 0, sigma = 1): (() => number) => {
    requireFinite('mu', mu);
    requireNonNegative('sigma', sigma);
    if (sigma === 0) return () => mu;
    return () => mu + sigma * standardNormal(source);
  };
}
