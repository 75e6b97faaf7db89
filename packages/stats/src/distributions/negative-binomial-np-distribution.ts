import { requirePositive, requireProbability } from '../parameters.js';
import type { DiscreteDistribution } from './distribution.js';
import { negativeBinomialByComplement } from './negative-binomial-by-complement.js';

/**
 * Negative binomial in the (n, p) form: failures before the n-th success.
 * pmf(k) = Γ(k + n) / (Γ(n) k!) p^n (1 - p)^k, cdf(k) = I_p(n, k + 1).
 */
export function negativeBinomialNPDistribution(n: number, p: number): DiscreteDistribution {
  requirePositive('n', n);
  requireProbability('p', p);
  if (p === 0) throw new RangeError('p must be > 0 (got 0)');
  return negativeBinomialByComplement(n, p, 1 - p);
}
