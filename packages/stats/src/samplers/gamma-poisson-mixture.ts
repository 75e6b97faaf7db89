import type { RandomSource } from '../streams/random-source.js';
import { MarsagliaTsangGamma } from './marsaglia-tsang-gamma.js';
import { poissonByInversion } from './poisson-by-inversion.js';
import { PtrsPoisson } from './ptrs-poisson.js';

/**
 * Poisson(λ) with λ ~ Gamma(shape, scale): the negative binomial with n = shape and
 * p = 1 / (1 + scale) (Greenwood & Yule 1920; the construction numpy uses).
 */
export function gammaPoissonMixture(
  source: RandomSource,
  shape: number,
  scale: number,
): () => number {
  const standardGamma = new MarsagliaTsangGamma(shape);
  const ptrs = new PtrsPoisson();
  return () => {
    const lambda = standardGamma.sample(source) * scale;
    if (lambda < PtrsPoisson.MIN_LAMBDA) return poissonByInversion(source, lambda);
    ptrs.setLambda(lambda);
    return ptrs.sample(source);
  };
}
