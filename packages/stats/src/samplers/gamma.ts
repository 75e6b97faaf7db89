import { requirePositive } from '../parameters.js';
import type { RandomSource } from '../streams/random-source.js';
import { MarsagliaTsangGamma } from './marsaglia-tsang-gamma.js';

/** Gamma with `shape` k > 0 and `scale` θ > 0 (mean kθ), Marsaglia–Tsang including k < 1. */
export function gamma(source: RandomSource) {
  return (shape: number, scale = 1): (() => number) => {
    requirePositive('shape', shape);
    requirePositive('scale', scale);
    // Shape 1 is the exponential: inversion costs one uniform.
    if (shape === 1) return () => -Math.log1p(-source.next()) * scale;
    const standardGamma = new MarsagliaTsangGamma(shape);
    return () => standardGamma.sample(source) * scale;
  };
}
